"""Each comparison at its boundaries: inside the figure's group, outside it, at either end."""

from dataclasses import replace

import pytest

from assessment.domain.questionnaire import load_questionnaire
from assessment.selectors import ladders
from benchmarks.compare import (
    AMONG_TOP,
    LIKE,
    TOP,
    UNLIKE,
    Target,
    compare,
    compare_all,
    distributions,
    in_bpifrance_population,
    parse_target,
)
from benchmarks.figures import load_figures
from tests.profiles_2026 import PROFILES_2026 as PROFILES

BUDGET = ("zero", "lt10k", "10_50k", "50_150k", "gt150k")


def figure(figure_id, **changes):
    return replace(load_figures()[figure_id], **changes)


def ladders_of_questionnaire():
    # The budget figures speak to the 2026-1 question (staff costs included, as the study counted).
    return ladders(load_questionnaire("2026-1"))


@pytest.mark.parametrize(
    ("budget", "reading", "share"),
    [("zero", LIKE, 80), ("lt10k", LIKE, 80), ("10_50k", TOP, 20), ("gt150k", TOP, 20)],
)
def test_spending_past_10k_puts_a_company_in_the_top_fifth(budget, reading, share):
    result = compare(figure("bpifrance_budget_under_10k"), {"budget": budget}, BUDGET)
    assert (result.reading, result.company_share) == (reading, share)


def test_i_dont_know_is_never_compared():
    result = compare(
        figure("bpifrance_budget_under_10k"),
        {"budget": "dont_know"},
        BUDGET,
        frozenset({"dont_know"}),
    )
    assert result is None


def test_an_unanswered_question_is_never_compared():
    assert compare(figure("bpifrance_budget_under_10k"), {}, BUDGET) is None


@pytest.mark.parametrize(
    ("value", "reading"),
    [(49, AMONG_TOP), (50, LIKE), (51, LIKE)],
)
def test_a_small_group_at_the_top_is_worth_saying_from_below_half(value, reading):
    active = figure("bpifrance_activity_active", value=value)
    ladder = ("inactive", "not_very_active", "active", "very_active")
    assert compare(active, {"self_activity": "very_active"}, ladder).reading == reading


def test_outside_an_unordered_group_reads_as_the_others():
    result = compare(
        figure("siia_no_outsourcing"),
        {"who_runs": "agency"},
        ("nobody", "head_alone", "employee_part_time", "agency", "dedicated"),
    )
    assert (result.reading, result.company_share) == (UNLIKE, 30)


def test_of_two_figures_on_one_question_the_narrowest_group_holding_the_company_wins():
    chosen = {c.figure.id for c in compare_all({"budget": "zero"}, ladders_of_questionnaire())}
    assert "bpifrance_budget_zero" in chosen
    assert "bpifrance_budget_under_10k" not in chosen


def test_outside_every_group_the_widest_one_wins():
    # More than 10 hours a week is past both SIIA groups (under 5 hours, under 10 hours).
    chosen = {c.figure.id for c in compare_all({"hours_week": "gt10"}, ladders_of_questionnaire())}
    assert chosen == {"siia_time_under_10h"}


@pytest.mark.parametrize(
    ("budget", "figure_id", "reading", "share"),
    [
        ("lt10k", "bpifrance_budget_under_10k", LIKE, 80),  # the last answer under 10 k€
        ("10_50k", "bpifrance_budget_10k_or_more", AMONG_TOP, 14),  # the first one at 10 k€
        ("gt150k", "bpifrance_budget_10k_or_more", AMONG_TOP, 14),
    ],
)
def test_spending_10k_or_more_puts_the_company_among_the_14_percent(
    budget, figure_id, reading, share
):
    [chosen] = [
        c
        for c in compare_all({"budget": budget}, ladders_of_questionnaire())
        if c.study.id == "bpifrance_2018"
    ]
    assert (chosen.figure.id, chosen.reading, chosen.company_share) == (figure_id, reading, share)


def test_french_smes_come_first_and_context_last():
    levels = [
        c.study.comparability
        for c in compare_all(PROFILES["combative"](), ladders_of_questionnaire())
    ]
    assert levels == sorted(levels, key=["peers", "professionals", "context"].index)
    assert levels[0] == "peers" and levels[-1] == "context"


def test_option_shares_of_a_multiple_choice_form_one_table():
    found = distributions({"networks": ["linkedin"]}, ladders_of_questionnaire())
    bpifrance = next(d for d in found if d.study.id == "bpifrance_2018")
    assert [item.value for item in bpifrance.items][:2] == ["facebook", "linkedin"]
    assert [item.chosen for item in bpifrance.items][:2] == [False, True]


def test_naming_no_barrier_is_not_read_as_the_opposite_of_a_barrier():
    # "84 % lack time" says nothing of firms that named no barrier: no sentence, only the table.
    chosen = {c.figure.id for c in compare_all({"barriers": ["none"]}, ladders_of_questionnaire())}
    assert not any(figure_id.startswith("bpifrance_barrier") for figure_id in chosen)


@pytest.mark.parametrize(
    ("country", "turnover", "headcount", "inside"),
    [
        ("fr", "2_10m", "20_49", True),
        ("fr", "250m_1500m", "eti", True),
        ("fr", "lt2m", "20_49", False),
        ("fr", "gt1500m", "eti", False),
        ("ch", "10_50m", "20_49", False),
        ("fr", "undisclosed", "20_49", False),
        ("fr", "250m_1500m", "ge5000", False),
    ],
)
def test_the_bpifrance_population_is_french_smes_and_midcaps_of_2m_to_1_5bn(
    country, turnover, headcount, inside
):
    answers = {"country": country, "turnover": turnover, "headcount": headcount}
    assert in_bpifrance_population(answers) is inside


@pytest.mark.parametrize(
    ("tempo", "figure_id", "reading", "share"),
    [
        ("late", "bpifrance_feel_late", LIKE, 53),
        ("in_step", "bpifrance_feel_in_step", LIKE, 45),
        # « 45 % se considèrent dans le bon tempo »: in step, not ahead. An answer "ahead" is
        # outside the 53 % behind, and never "ahead of most": a feeling is not a practice.
        ("ahead", "bpifrance_feel_late", UNLIKE, 47),
    ],
)
def test_a_perception_is_never_read_as_being_ahead(tempo, figure_id, reading, share):
    [chosen] = compare_all({"tempo": tempo}, ladders_of_questionnaire())
    assert (chosen.figure.id, chosen.reading, chosen.company_share) == (figure_id, reading, share)


@pytest.mark.parametrize(
    ("market", "figure_id", "share"),
    [("b2b", "bpifrance_market_b2b_only", 53), ("both", "bpifrance_market_both", 36)]
    + [("b2c", "bpifrance_market_b2c_only", 11)],
)
def test_the_market_meets_the_share_of_respondents_with_the_same_customers(
    market, figure_id, share
):
    [chosen] = compare_all({"market": market}, ladders_of_questionnaire())
    assert (chosen.figure.id, chosen.reading, chosen.company_share) == (figure_id, LIKE, share)


def test_an_account_on_another_network_is_not_one_of_the_five_main_ones():
    chosen = compare_all({"networks": ["tiktok"]}, ladders_of_questionnaire())
    presence = next(c for c in chosen if c.figure.id == "bpifrance_presence_any_network")
    assert presence.reading == UNLIKE


@pytest.mark.parametrize(("value", "reading"), [(49, UNLIKE), (50, UNLIKE), (51, TOP)])
def test_past_a_group_a_company_is_ahead_of_most_only_if_the_group_is_most(value, reading):
    under = figure("bpifrance_budget_under_10k", value=value)
    assert compare(under, {"budget": "10_50k"}, BUDGET).reading == reading


@pytest.mark.parametrize(
    ("speaks_to", "target"),
    [
        ("question:budget=zero|lt10k", Target("budget", ("zero", "lt10k"))),
        ("question:networks=linkedin", Target("networks", ("linkedin",))),
        ("segment:pioneers", None),
        ("context:market=b2b", None),  # context is shown beside no answer, even with an "="
        ("question:budget", None),  # a question without options names no group
    ],
)
def test_a_figure_speaks_to_a_question_and_its_options_or_to_nothing(speaks_to, target):
    assert parse_target(speaks_to) == target


def test_a_company_in_a_small_top_group_of_one_option_is_among_the_top():
    few_spend_most = figure("bpifrance_budget_zero", speaks_to="question:budget=gt150k", value=5)
    result = compare(few_spend_most, {"budget": "gt150k"}, BUDGET)
    assert (result.reading, result.company_share, result.company_answer) == (
        AMONG_TOP,
        5,
        "gt150k",
    )


def test_a_multiple_choice_has_no_top_so_a_small_group_is_a_likeness():
    few = figure("bpifrance_network_linkedin", value=30)
    result = compare(few, {"networks": ["linkedin"]}, ())
    assert (result.reading, result.company_share) == (LIKE, 30)


def test_an_empty_answer_is_never_compared():
    assert compare(figure("bpifrance_budget_zero"), {"budget": ""}, BUDGET) is None


def test_i_dont_know_is_never_compared_among_all_the_figures():
    found = compare_all({"budget": "dont_know"}, ladders_of_questionnaire())
    assert all(c.question_id != "budget" for c in found)


def test_each_option_share_is_one_figure_about_that_option_alone():
    found = distributions({"networks": ["linkedin"]}, ladders_of_questionnaire())
    for distribution in found:
        for item in distribution.items:
            assert item.figure.speaks_to == f"question:networks={item.value}"


def test_option_shares_of_a_later_question_are_found_when_an_earlier_one_is_unanswered():
    found = distributions({"objectives": ["leads"]}, ladders_of_questionnaire())
    assert [(d.study.id, d.question_id) for d in found] == [("hootsuite_2017", "objectives")]


def test_option_shares_are_not_shown_beside_i_dont_know():
    found = distributions({"indicators": ["dont_know"]}, ladders_of_questionnaire())
    assert all(d.question_id != "indicators" for d in found)
