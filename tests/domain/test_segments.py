import pytest
from hypothesis import given, settings

from assessment.domain.questionnaire import load_questionnaire
from assessment.domain.scoring import means_score
from assessment.domain.segments import (
    CASUAL,
    COMBATIVE,
    PIONEERS,
    SILENT_MASS,
    is_measured_active,
    is_measured_in_step,
    place,
    segment_for,
    study_placement,
)
from tests.answers import complete_answers
from tests.profiles_2026 import PROFILES_2026 as PROFILES


@pytest.mark.parametrize("segment", [SILENT_MASS, CASUAL, COMBATIVE, PIONEERS])
def test_each_segment_is_reached_by_a_realistic_company(questionnaire, segment):
    assert place(questionnaire, PROFILES[segment]()).study.segment == segment


@pytest.mark.parametrize(
    ("self_activity", "tempo", "segment"),
    [
        ("inactive", "late", SILENT_MASS),
        ("not_very_active", "late", SILENT_MASS),
        ("inactive", "in_step", CASUAL),
        ("not_very_active", "ahead", CASUAL),
        ("active", "late", COMBATIVE),
        ("very_active", "late", COMBATIVE),
        ("active", "in_step", PIONEERS),
        ("very_active", "ahead", PIONEERS),
    ],
)
def test_the_study_segment_crosses_self_rated_activity_with_tempo(self_activity, tempo, segment):
    answers = {"networks": ["linkedin"], "self_activity": self_activity, "tempo": tempo}
    assert study_placement(answers).segment == segment


@pytest.mark.parametrize(
    ("networks", "segment"),
    [(["none"], CASUAL), ([], CASUAL), (["facebook"], PIONEERS), (["linkedin", "x"], PIONEERS)],
)
def test_a_company_without_any_account_is_inactive_whatever_it_rates_itself(networks, segment):
    answers = {"networks": networks, "self_activity": "very_active", "tempo": "ahead"}
    assert study_placement(answers).segment == segment


def test_the_study_segment_ignores_every_other_answer(questionnaire):
    casual = PROFILES["casual"]()
    pioneer = {**PROFILES["pioneers"](), "self_activity": "not_very_active", "tempo": "in_step"}
    assert place(questionnaire, casual).study == place(questionnaire, pioneer).study


def test_segment_for_covers_the_four_quadrants():
    assert {segment_for(active=a, in_step=s) for a in (True, False) for s in (True, False)} == {
        SILENT_MASS,
        CASUAL,
        COMBATIVE,
        PIONEERS,
    }


@pytest.mark.parametrize(
    ("frequency", "active"),
    [("monthly", False), ("weekly", True), ("several_weekly", True)],
)
def test_measured_activity_starts_at_a_weekly_post(frequency, active):
    answers = {"networks": ["linkedin"], "frequency": frequency, "responsiveness": "usually"}
    assert is_measured_active(answers) is active


@pytest.mark.parametrize(
    ("responsiveness", "active"),
    [("sometimes", False), ("usually", True), ("always", True)],
)
def test_measured_activity_needs_answers_within_the_week(responsiveness, active):
    answers = {"networks": ["linkedin"], "frequency": "daily", "responsiveness": responsiveness}
    assert is_measured_active(answers) is active


@pytest.mark.parametrize(("networks", "active"), [(["none"], False), ([], False), (["x"], True)])
def test_no_account_is_never_measured_active(networks, active):
    answers = {"networks": networks, "frequency": "daily", "responsiveness": "always"}
    assert is_measured_active(answers) is active


@pytest.mark.parametrize(
    ("means", "in_step"),
    [
        (49.99, False),
        (50, True),
        (50.01, True),
    ],
)
def test_a_2026_company_is_equipped_to_keep_pace_from_a_means_score_of_50(means, in_step):
    assert is_measured_in_step(means, "2026-1") is in_step


def test_a_casual_company_with_weak_means_is_told_it_overrates_its_tempo(questionnaire):
    result = place(questionnaire, PROFILES["casual"]())
    assert result.measured.segment == SILENT_MASS
    assert ("tempo", "overrates") in {(m.axis, m.direction) for m in result.mismatches}


def test_a_combative_company_with_strong_means_is_told_it_underrates_itself(questionnaire):
    answers = {**PROFILES["pioneers"](), "tempo": "late"}
    result = place(questionnaire, answers)
    assert result.study.segment == COMBATIVE
    assert result.measured.segment == PIONEERS
    assert [(m.axis, m.direction) for m in result.mismatches] == [("tempo", "underrates")]


def test_a_company_saying_active_but_posting_monthly_overrates_its_activity(questionnaire):
    answers = {**PROFILES["combative"](), "frequency": "monthly"}
    mismatches = place(questionnaire, answers).mismatches
    assert ("activity", "overrates") in {(m.axis, m.direction) for m in mismatches}


def test_realistic_profiles_bear_out_their_own_segment(questionnaire):
    for segment in (SILENT_MASS, COMBATIVE, PIONEERS):
        result = place(questionnaire, PROFILES[segment]())
        assert result.mismatches == (), segment


@pytest.mark.parametrize(
    ("segment", "target"),
    [(SILENT_MASS, COMBATIVE), (CASUAL, PIONEERS), (COMBATIVE, PIONEERS), (PIONEERS, None)],
)
def test_the_next_segment_up_leads_to_the_pioneers(questionnaire, segment, target):
    assert place(questionnaire, PROFILES[segment]()).target == target


def apply_path(answers, path):
    return {**answers, **{change.question_id: change.to_value for change in path}}


def reaches(result, target) -> bool:
    """The displayed (study) segment is the target, and the answers bear it out."""
    measured_ok = result.measured.active and (target != PIONEERS or result.measured.in_step)
    return result.study.segment == target and measured_ok


@pytest.mark.parametrize("segment", [SILENT_MASS, CASUAL, COMBATIVE])
def test_following_the_path_reaches_the_next_segment(questionnaire, segment):
    answers = PROFILES[segment]()
    result = place(questionnaire, answers)
    followed = apply_path(answers, result.path + result.rating_follows)
    assert reaches(place(questionnaire, followed), result.target)


@pytest.mark.parametrize("segment", [SILENT_MASS, CASUAL, COMBATIVE])
def test_no_change_on_the_path_is_superfluous(questionnaire, segment):
    answers = PROFILES[segment]()
    result = place(questionnaire, answers)
    for skipped in result.path:
        shorter = [change for change in result.path if change is not skipped]
        after = place(questionnaire, apply_path(answers, [*shorter, *result.rating_follows]))
        assert not reaches(after, result.target), f"{skipped.question_id} was not needed"


def test_the_silent_mass_path_is_to_publish_weekly_and_answer(questionnaire):
    result = place(questionnaire, PROFILES["silent_mass"]())
    assert [(c.question_id, c.to_value) for c in result.path] == [
        ("frequency", "weekly"),
        ("responsiveness", "usually"),
    ]


def test_when_the_answers_already_bear_out_the_next_segment_only_the_rating_is_left(
    questionnaire,
):
    answers = {**PROFILES["silent_mass"](), "frequency": "weekly", "responsiveness": "usually"}
    result = place(questionnaire, answers)
    assert result.study.segment == SILENT_MASS and result.measured.active
    assert result.path == ()
    assert [(c.question_id, c.to_value) for c in result.rating_follows] == [
        ("self_activity", "active")
    ]


def test_a_company_without_accounts_is_first_told_to_open_one(questionnaire):
    answers = {**PROFILES["silent_mass"](), "networks": ["none"]}
    path = place(questionnaire, answers).path
    assert path[0].question_id == "networks"
    assert path[0].to_value == ["linkedin"]


def test_the_combative_path_builds_the_means_only(questionnaire):
    answers = PROFILES["combative"]()
    path = place(questionnaire, answers).path
    assert path
    assert {c.question_id for c in path} <= {
        "who_runs",
        "hours_week",
        "staff_trained",
        "head_involvement",
        "employee_advocacy",
        "budget",
        "budget_next_year",
        "strategy",
        "objectives_quantified",
        "marketing_plan",
        "editorial_calendar",
        "measures_results",
        "tools",
        "reporting",
        "crm_link",
    }
    before = means_score(questionnaire, answers)
    assert before < 50 <= means_score(questionnaire, apply_path(answers, path))


def test_no_change_moves_an_answer_more_than_two_options_up(questionnaire):
    for segment in (SILENT_MASS, CASUAL, COMBATIVE):
        for change in place(questionnaire, PROFILES[segment]()).path:
            question = questionnaire.question(change.question_id)
            if not isinstance(change.to_value, str) or not isinstance(change.from_value, str):
                continue
            values = question.option_values()
            assert values.index(change.to_value) - values.index(change.from_value) <= 2


def test_a_pioneer_whose_answers_bear_it_out_has_no_path(questionnaire):
    assert place(questionnaire, PROFILES["pioneers"]()).path == ()


def path_of(questionnaire, answers):
    """The changes of practice, then the ratings that would follow."""
    result = place(questionnaire, answers)
    return [(c.question_id, c.from_value, c.to_value) for c in result.path] + [
        ("then", c.question_id, c.from_value, c.to_value) for c in result.rating_follows
    ]


def test_each_change_on_the_path_says_where_the_answer_stands_and_where_it_goes(questionnaire):
    # The silent-mass manufacturer posts rarely and answers sometimes: weekly posts and answers
    # within the week make it active; its own rating follows.
    assert path_of(questionnaire, PROFILES["silent_mass"]()) == [
        ("frequency", "rarely", "weekly"),
        ("responsiveness", "sometimes", "usually"),
        ("then", "self_activity", "not_very_active", "active"),
    ]
    # The combative retailer's means score 41.38: a budget past 10 k€ and a written strategy
    # bring them past 50; its own "late" would then read "in step".
    assert path_of(questionnaire, PROFILES["combative"]()) == [
        ("budget", "lt10k", "10_50k"),
        ("strategy", "informal", "written"),
        ("then", "tempo", "late", "in_step"),
    ]


def test_a_company_without_accounts_starts_its_path_from_none(questionnaire):
    answers = {**PROFILES["casual"](), "networks": ["none"]}
    assert path_of(questionnaire, answers)[:3] == [
        ("networks", ["none"], ["linkedin"]),
        ("frequency", "monthly", "weekly"),
        ("responsiveness", "sometimes", "usually"),
    ]


def test_the_means_path_changes_single_choices_of_the_means_only_in_questionnaire_order(
    questionnaire,
):
    # A silent-mass firm that says it keeps pace: to be a pioneer, it must become active and
    # build its means from a score of 14 to 50, each answer at most two rungs up, none further
    # than needed, listed in the order the questionnaire asks them.
    answers = {**PROFILES["silent_mass"](), "tempo": "in_step"}
    assert path_of(questionnaire, answers) == [
        ("frequency", "rarely", "weekly"),
        ("responsiveness", "sometimes", "usually"),
        ("who_runs", "head_alone", "dedicated"),
        ("staff_trained", "no", "all"),
        ("head_involvement", "present", "regular"),
        ("employee_advocacy", "never", "some"),
        ("budget", "lt10k", "50_150k"),
        ("strategy", "none", "written"),
        ("objectives_quantified", "no", "all"),
        ("measures_results", "never", "regularly"),
        ("then", "self_activity", "not_very_active", "active"),
    ]


@pytest.mark.parametrize(
    ("question", "answer", "steps", "reached"),
    [
        ("budget", "zero", 2, "10_50k"),
        ("budget", "zero", 1, "lt10k"),
        ("budget", None, 2, "10_50k"),  # unanswered starts from the bottom
        ("budget", "dont_know", 1, "lt10k"),  # so does "I don't know"
        ("budget", "gt150k", 1, None),  # nothing above the top
        ("budget", "50_150k", 2, "gt150k"),  # one rung left: that one
        # An option worth no more points is no rung: agency (2) after part-time help (2).
        ("who_runs", "employee_part_time", 1, "dedicated"),
        ("who_runs", "head_alone", 1, "employee_part_time"),
    ],
)
def test_a_step_up_is_an_option_worth_more_points(questionnaire, question, answer, steps, reached):
    from assessment.domain.segments import _steps_up

    assert _steps_up(questionnaire.question(question), {question: answer}, steps) == reached


def test_the_result_carries_the_unrounded_means_score(questionnaire):
    assert place(questionnaire, PROFILES["combative"]()).means_score == pytest.approx(
        41.38, abs=0.01
    )


@pytest.mark.parametrize(
    ("frequency", "responsiveness", "activity_path"),
    [
        ("weekly", "sometimes", [("responsiveness", "sometimes", "usually")]),
        ("rarely", "usually", [("frequency", "rarely", "weekly")]),
    ],
)
def test_the_path_asks_only_for_the_part_of_activity_that_is_missing(
    questionnaire, frequency, responsiveness, activity_path
):
    answers = {
        **PROFILES["silent_mass"](),
        "frequency": frequency,
        "responsiveness": responsiveness,
    }
    assert path_of(questionnaire, answers) == [
        *activity_path,
        ("then", "self_activity", "not_very_active", "active"),
    ]


@settings(max_examples=150, deadline=None)
@given(answers=complete_answers())
def test_the_path_asks_for_practice_and_the_rating_only_follows(answers):
    # Rating oneself higher is a click, not a change: it is never a step of the path, only what
    # the company would answer once the practice is there. Following both reaches the target.
    questionnaire = load_questionnaire()
    result = place(questionnaire, answers)
    assert {c.question_id for c in result.path}.isdisjoint({"self_activity", "tempo"})
    assert {c.question_id for c in result.rating_follows} <= {"self_activity", "tempo"}
    if result.target is not None:
        followed = apply_path(answers, result.path + result.rating_follows)
        assert reaches(place(questionnaire, followed), result.target)


def test_a_rating_that_already_qualifies_is_never_lowered(questionnaire):
    # No account, yet "very active" and "ahead": the account is what is missing, not the rating.
    answers = {**PROFILES["pioneers"](), "networks": ["none"], "self_activity": "very_active"}
    result = place(questionnaire, answers)
    assert result.study.segment == CASUAL
    assert path_of(questionnaire, answers)[0] == ("networks", ["none"], ["linkedin"])
    assert result.rating_follows == ()
