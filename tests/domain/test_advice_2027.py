"""The advice of questionnaire 2027-1 over any answers: new to the company, and worth its time.

What each action asks is written here again, from the action's own words, independently of the
condition that selects it: a condition that lets through a company already doing it fails here.
"""

import pytest
from hypothesis import HealthCheck, given, settings

from assessment.domain.questionnaire import load_questionnaire
from assessment.domain.recommendations import LOW, load_catalogue
from assessment.domain.results import assess
from tests.answers import complete_answers
from tests.profiles_2027 import PROFILES_2027

VERSION = "2027-1"
SPEND_BANDS = ("zero", "lt2k", "2_10k", "10_50k", "50_200k", "gt200k")
# The first step of external spend for each size, and the spend of a company of that size seen
# regularly, as the questionnaire's comment on the budget derives them.
FIRST_STEP_SPEND = {
    "lt10": "lt2k",
    "10_19": "2_10k",
    "20_49": "2_10k",
    "50_249": "10_50k",
    "eti": "50_200k",
    "ge5000": "gt200k",
}
FULL_SPEND = {
    "lt10": "10_50k",
    "10_19": "10_50k",
    "20_49": "50_200k",
    "50_249": "gt200k",
    "eti": "gt200k",
    "ge5000": "gt200k",
}
BUSINESS_OBJECTIVES = {
    "leads",
    "customer_service",
    "monitoring",
    "recruitment",
    "e_reputation",
    "social_selling",
}


def _spends_at_least(a, bands) -> bool:
    spend = a["external_budget"]
    return spend != "dont_know" and SPEND_BANDS.index(spend) >= SPEND_BANDS.index(
        bands[a["headcount"]]
    )


def _has_any_dont_know(a) -> bool:
    questionnaire = load_questionnaire(VERSION)
    for question in questionnaire.questions:
        answer = a.get(question.id)
        values = answer if isinstance(answer, list) else [answer]
        if any((o := question.option(v)) is not None and o.dont_know for v in values if v):
            return True
    return False


# What the answers show when the company already does what an action asks.
ALREADY_DONE = {
    "name_an_owner": lambda a: (
        a["who_runs"] in {"employee_part_time", "agency", "in_house_and_agency", "dedicated"}
    ),
    "give_the_owner_time": lambda a: a["hours_week"] in {"2_5", "5_10", "gt10"},
    "involve_the_head": lambda a: a["head_involvement"] in {"occasional", "regular"},
    "write_a_strategy": lambda a: a["strategy"] in {"written", "reviewed"},
    "choose_business_objectives": lambda a: bool(set(a["objectives"]) & BUSINESS_OBJECTIVES),
    "set_a_first_budget": lambda a: _spends_at_least(a, FIRST_STEP_SPEND),
    "measure_every_month": lambda a: a["measures_results"] in {"regularly", "against_targets"},
    "tag_every_link": lambda a: "web_analytics" in a["measurement_tools"],
    "keep_a_crm": lambda a: a["crm"] in {"yes", "spreadsheet"},
    "record_every_lead_source": lambda a: a["lead_source"] in {"by_hand", "automatic"},
    "report_to_management": lambda a: a["reporting"] in {"quarterly", "monthly"},
    "quantify_objectives": lambda a: a["objectives_quantified"] == "all",
    "train_the_publishers": lambda a: a["staff_trained"] in {"some", "all"},
    "train_every_publisher": lambda a: a["staff_trained"] == "all",
    "open_a_linkedin_page": lambda a: "linkedin" in a["networks"],
    "publish_every_week": lambda a: a["frequency"] in {"weekly", "several_weekly", "daily"},
    "publish_several_times_a_week": lambda a: a["frequency"] in {"several_weekly", "daily"},
    "plan_an_editorial_calendar": lambda a: a["editorial_calendar"] == "calendar",
    "answer_within_a_business_day": lambda a: a["responsiveness"] == "always",
    "start_conversations": lambda a: a["responsiveness"] != "few_messages",
    "close_the_knowledge_gaps": lambda a: not _has_any_dont_know(a),
    "publish_expertise_and_customer_cases": lambda a: (
        {"expertise", "customer_cases"} <= set(a["content"])
    ),
    "show_the_teams_at_work": lambda a: "employees" in a["content"],
    "agree_a_lead_handoff": lambda a: a["lead_handoff"] == "rule",
    "put_social_in_the_marketing_plan": lambda a: a["marketing_plan"] in {"partly", "fully"},
    "review_the_strategy_yearly": lambda a: a["strategy"] == "reviewed",
    "secure_the_pages": lambda a: "two_admins" in a["governance"],
    "write_a_posting_charter": lambda a: "charter" in a["governance"],
    "gdpr_rules_for_prospecting": lambda a: "gdpr" in a["governance"],
    "grow_spend_with_results": lambda a: _spends_at_least(a, FULL_SPEND),
    "protect_the_budget": lambda a: a["budget_next_year"] in {"stable", "increase"},
    "start_employee_advocacy": lambda a: a["employee_advocacy"] in {"encouraged", "programme"},
    "advocacy_programme_at_scale": lambda a: a["employee_advocacy"] == "programme",
    "head_posts_every_fortnight": lambda a: a["head_involvement"] == "regular",
    "start_social_selling": lambda a: a["sales_on_linkedin"] in {"some", "most"},
    "social_selling_with_targets": lambda a: (
        "social_selling" in a["objectives"] and a["objectives_quantified"] == "all"
    ),
    "test_targeted_campaigns": lambda a: a["paid_social"] in {"targeted", "named_accounts"},
    "campaigns_on_named_accounts": lambda a: a["paid_social"] == "named_accounts",
    "install_the_conversion_tag": lambda a: "conversion_tag" in a["measurement_tools"],
    "attribution_across_the_funnel": lambda a: (
        "crm" in a["measurement_tools"]
        and a["lead_source"] == "automatic"
        and "sales" in a["indicators"]
    ),
    # No answer says a company does these: they are never done by its own account.
    "test_one_thing_each_quarter": lambda a: False,
    "compare_views_across_teams": lambda a: False,
    "reassess_in_six_months": lambda a: False,
}


def test_every_action_of_2027_says_what_done_looks_like_here():
    assert {rule.id for rule in load_catalogue(VERSION)} == set(ALREADY_DONE)


def test_every_action_of_2027_says_how_and_why_in_both_languages():
    for rule in load_catalogue(VERSION):
        if rule.id in {"compare_views_across_teams", "reassess_in_six_months"}:
            continue
        for text in (rule.title, rule.body, rule.how, rule.why):
            assert text is not None and text.fr and text.en, rule.id


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers(VERSION))
def test_no_action_asks_for_what_the_answers_show_is_done(answers):
    result = assess(load_questionnaire(VERSION), answers)
    for rec in result.applicable_recommendations:
        assert not ALREADY_DONE[rec.id](answers), rec.id


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers(VERSION))
def test_a_company_above_25_never_gets_only_low_impact_actions(answers):
    result = assess(load_questionnaire(VERSION), answers)
    if result.scores.overall > 25:
        assert any(rec.impact > LOW for rec in result.recommendations)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers(VERSION))
def test_the_weakest_dimension_gets_an_action_unless_above_80(answers):
    result = assess(load_questionnaire(VERSION), answers)
    lowest = min(result.scores.dimensions.values())
    weakest = {name for name, value in result.scores.dimensions.items() if value == lowest}
    if lowest <= 80:
        assert any(rec.dimension in weakest for rec in result.recommendations), (
            result.scores.dimensions
        )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers(VERSION))
def test_every_company_gets_three_to_five_actions(answers):
    result = assess(load_questionnaire(VERSION), answers)
    assert 3 <= len(result.recommendations) <= 5


def test_a_pioneer_gets_the_next_moves_of_an_advanced_practice():
    result = assess(load_questionnaire(VERSION), PROFILES_2027["pioneers"]())
    chosen = {rec.id for rec in result.recommendations}
    assert {"advocacy_programme_at_scale", "campaigns_on_named_accounts"} <= chosen
    assert sum(rec.impact == 3 for rec in result.recommendations) >= 2


def test_the_advanced_software_firm_is_not_told_to_review_yearly_what_it_reports_monthly():
    result = assess(load_questionnaire(VERSION), PROFILES_2027["software"]())
    chosen = {rec.id for rec in result.recommendations}
    assert "report_to_management" not in chosen
    assert "social_selling_with_targets" in chosen
    assert all(rec.impact > LOW for rec in result.recommendations)


def test_the_industrial_subcontractor_gets_high_impact_foundations_first():
    result = assess(load_questionnaire(VERSION), PROFILES_2027["industrial"]())
    assert result.recommendations[0].impact == 3


@pytest.mark.parametrize(("budget", "addressed"), [(80, True), (81, False)])
def test_the_weakest_dimension_is_addressed_up_to_80(budget, addressed):
    from assessment.domain.recommendations import recommend
    from assessment.domain.scoring import Scores
    from assessment.domain.segments import place

    questionnaire = load_questionnaire(VERSION)
    answers = PROFILES_2027["pioneers"]()
    dimensions = {"presence": 90, "team": 90, "budget": budget, "objectives": 90, "roi": 90}
    scores = Scores(dimensions=dimensions, overall=88, means=88)
    chosen = recommend(questionnaire, answers, scores, place(questionnaire, answers))
    assert any(rec.dimension == "budget" for rec in chosen) is addressed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers(VERSION))
def test_the_path_to_the_next_segment_raises_spend_one_band_at_most(answers):
    # Each band is several times the one below: two bands up is a tenfold budget, a board's
    # decision rather than one of "the fewest changes of practice". A band is a rung that earns
    # more points for the company's size (under 2 k€ earns nothing more than 0 € in a mid-cap).
    questionnaire = load_questionnaire(VERSION)
    question = questionnaire.question("external_budget")
    result = assess(questionnaire, answers)
    for change in result.segment.path:
        if change.question_id == "external_budget":
            current = question.option(change.from_value)
            floor = question.option_points(current, answers) if current else 0
            next_rung = next(
                o.value
                for o in question.options
                if not o.dont_know and question.option_points(o, answers) > floor
            )
            assert change.to_value == next_rung


def test_the_combative_retailer_s_path_asks_the_next_band_of_spend_not_a_tenfold_one():
    result = assess(load_questionnaire(VERSION), PROFILES_2027["combative"]())
    spend = [c for c in result.segment.path if c.question_id == "external_budget"]
    assert [(c.from_value, c.to_value) for c in spend] in ([], [("2_10k", "10_50k")])
