"""Questionnaire 2027-1: its thresholds at their boundaries, each with the profile that justifies
it, and the rules it adds (no account earns nothing, the budget read against size)."""

import pytest

from assessment.domain.questionnaire import CURRENT_VERSION, load_questionnaire
from assessment.domain.results import assess
from assessment.domain.scoring import maturity_level, means_score, question_points, score
from assessment.domain.segments import is_measured_in_step, study_placement
from tests.profiles_2027 import PROFILES_2027, equipped_to_keep_pace

Q = load_questionnaire("2027-1")


def test_new_assessments_answer_2027_1():
    assert CURRENT_VERSION == "2027-1"


def test_the_studys_two_questions_open_the_questionnaire_in_its_own_scale():
    first = [q.id for q in Q.questions[:2]]
    assert first == ["self_activity", "tempo"]
    tempo = Q.question("tempo")
    assert [o.label.fr for o in tempo.options] == [
        "En retard sur votre temps",
        "Dans le bon tempo",
        "En avance",
    ]
    assert "secteur" not in tempo.label.fr and "moyenne" not in tempo.label.fr


def test_it_asks_between_25_and_40_questions_in_six_steps():
    assert 25 <= len(Q.questions) <= 40
    assert len(Q.sections) == 6


# The in-step threshold of 2027-1 is 56: the engaged profile of segments.py scores 56.3, and any
# one of its answers a rung lower falls under 56.
def test_the_engaged_profile_named_by_the_threshold_scores_56_3_and_is_in_step():
    means = means_score(Q, equipped_to_keep_pace())
    assert round(means, 1) == 56.3
    assert is_measured_in_step(means, "2027-1")


@pytest.mark.parametrize(
    ("question_id", "one_rung_lower"),
    [
        ("lead_source", "no"),
        ("reporting", "yearly"),
        ("who_runs", "intern"),
        ("strategy", "informal"),
        ("external_budget", "lt2k"),
    ],
)
def test_the_engaged_profile_one_rung_lower_is_not_in_step(question_id, one_rung_lower):
    answers = {**equipped_to_keep_pace(), question_id: one_rung_lower}
    assert not is_measured_in_step(means_score(Q, answers), "2027-1")


@pytest.mark.parametrize(("means", "in_step"), [(55.99, False), (56, True), (56.01, True)])
def test_a_2027_company_is_equipped_to_keep_pace_from_a_means_score_of_56(means, in_step):
    assert is_measured_in_step(means, "2027-1") is in_step


# Maturity levels (25, 50, 75) read against the portraits answered in 2027-1: the silent mass
# (16) and the casual (7) are starting, the combative (44) developing, the engaged profile (51)
# established, the pioneers (89) advanced.
@pytest.mark.parametrize(
    ("profile", "overall", "level"),
    [
        ("silent_mass", 16, "starting"),
        ("casual", 7, "starting"),
        ("combative", 44, "developing"),
        ("pioneers", 89, "advanced"),
        ("industrial", 27, "developing"),
        ("software", 91, "advanced"),
    ],
)
def test_each_portrait_lands_in_the_maturity_level_it_describes(profile, overall, level):
    result = score(Q, PROFILES_2027[profile]())
    assert (result.overall, maturity_level(result.overall)) == (overall, level)


def test_the_engaged_profile_is_established():
    assert maturity_level(score(Q, equipped_to_keep_pace()).overall) == "established"


def test_a_company_with_no_account_is_inactive_whatever_it_rates_itself():
    answers = {
        **PROFILES_2027["pioneers"](),
        "networks": ["none"],
        "self_activity": "very_active",
        "tempo": "ahead",
    }
    placement = study_placement(answers)
    assert not placement.active and placement.segment == "casual"


def test_without_an_account_posting_answering_and_ads_earn_nothing():
    with_accounts = PROFILES_2027["pioneers"]()
    without = {**with_accounts, "networks": ["none"]}
    assert score(Q, with_accounts).dimensions["presence"] > 90
    assert score(Q, without).dimensions["presence"] == 0


# External spend read against size: half the points (the first step) at 2 to under 10 k€ for a
# firm of 20 to 49 staff, one band of spend further per size band up.
@pytest.mark.parametrize(
    ("headcount", "below_first_step", "first_step"),
    [
        ("lt10", "zero", "lt2k"),
        ("10_19", "lt2k", "2_10k"),
        ("20_49", "lt2k", "2_10k"),
        ("50_249", "2_10k", "10_50k"),
        ("eti", "10_50k", "50_200k"),
        ("ge5000", "50_200k", "gt200k"),
    ],
)
def test_the_first_step_of_spend_earns_half_the_points_for_each_size(
    headcount, below_first_step, first_step
):
    budget = Q.question("external_budget")
    assert question_points(budget, first_step, {"headcount": headcount}) >= 2
    assert question_points(budget, below_first_step, {"headcount": headcount}) < 2


def test_a_ten_person_firm_and_a_mid_cap_are_not_held_to_the_same_bands():
    budget = Q.question("external_budget")
    assert question_points(budget, "10_50k", {"headcount": "lt10"}) == 4
    assert question_points(budget, "10_50k", {"headcount": "eti"}) == 1


def test_every_size_can_earn_the_whole_budget_question():
    budget = Q.question("external_budget")
    for headcount in Q.question("headcount").option_values():
        assert question_points(budget, "gt200k", {"headcount": headcount}) == 4


def test_measurement_tools_are_worth_what_they_prove():
    tools = Q.question("measurement_tools")
    assert question_points(tools, ["web_analytics", "crm"]) == tools.attainable_points == 6
    assert question_points(tools, ["suite"]) < question_points(tools, ["web_analytics"])
    assert question_points(tools, ["native"]) == 0


def test_viadeo_is_gone_and_xing_earns_nothing_for_breadth():
    networks = Q.question("networks")
    assert networks.option("viadeo") is None
    assert question_points(networks, ["xing"]) == 0


def test_a_company_that_gets_almost_no_messages_is_not_told_it_answers_slowly():
    answers = {**PROFILES_2027["combative"](), "responsiveness": "few_messages"}
    ids = {rec.id for rec in assess(Q, answers).applicable_recommendations}
    assert "answer_within_a_business_day" not in ids and "start_conversations" in ids


def test_a_company_without_a_crm_is_told_to_keep_one_never_about_its_crm():
    answers = {**PROFILES_2027["casual"](), "market": "b2b", "crm": "no"}
    ids = {rec.id for rec in assess(Q, answers).applicable_recommendations}
    assert "keep_a_crm" in ids and "record_every_lead_source" not in ids


def test_progress_from_2026_to_2027_compares_only_the_questions_both_ask():
    from assessment.domain.progress import compare
    from tests.profiles_2026 import PROFILES_2026
    from tests.profiles_2027 import combative

    before_questionnaire = load_questionnaire("2026-1")
    comparison = compare(before_questionnaire, PROFILES_2026["combative"](), Q, combative())
    # The same practice answered twice: nothing moved on what both versions ask.
    assert comparison.before == comparison.after
    assert {"budget", "tools", "crm_link"} <= comparison.left_out
    assert {"external_budget", "measurement_tools", "crm", "lead_source"} <= comparison.left_out
    assert "strategy" not in comparison.left_out
