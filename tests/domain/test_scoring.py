import pytest

from assessment.domain.questionnaire import DIMENSIONS, MULTI
from assessment.domain.scoring import (
    DIMENSION_WEIGHTS,
    MATURITY_LEVELS,
    knowledge_gaps,
    maturity_level,
    question_points,
    score,
)
from tests.profiles_2026 import PROFILES_2026 as PROFILES


def best_answers(questionnaire):
    answers = {}
    for question in questionnaire.questions:
        if question.kind == MULTI:
            answers[question.id] = [o.value for o in question.options if not o.exclusive]
        elif question.options:
            answers[question.id] = max(question.options, key=lambda o: o.points).value
    return answers


def weakest_answers(questionnaire):
    return {
        question.id: [question.options[-1].value]
        if question.kind == MULTI
        else min(question.options, key=lambda o: o.points).value
        for question in questionnaire.questions
        if question.options
    }


def test_weights_add_up_to_one():
    assert set(DIMENSION_WEIGHTS) == set(DIMENSIONS)
    assert sum(DIMENSION_WEIGHTS.values()) == pytest.approx(1)


def test_the_best_answers_score_100_everywhere(questionnaire):
    scores = score(questionnaire, best_answers(questionnaire))
    assert scores.dimensions == dict.fromkeys(DIMENSIONS, 100)
    assert scores.overall == 100


def test_the_weakest_answers_score_0_everywhere(questionnaire):
    scores = score(questionnaire, weakest_answers(questionnaire))
    assert scores.dimensions == dict.fromkeys(DIMENSIONS, 0)
    assert scores.overall == 0


def test_i_dont_know_scores_like_the_weakest_answer(questionnaire):
    question = questionnaire.question("budget")
    assert question_points(question, "dont_know") == question_points(question, "zero") == 0


def test_i_dont_know_is_reported_as_a_knowledge_gap(questionnaire):
    answers = PROFILES["combative"]()
    answers.update(budget="dont_know", indicators=["dont_know"])
    assert [q.id for q in knowledge_gaps(questionnaire, answers)] == ["budget", "indicators"]


def test_a_known_answer_is_no_knowledge_gap(questionnaire):
    assert knowledge_gaps(questionnaire, PROFILES["combative"]()) == []


def test_a_multiple_choice_earns_at_most_its_cap(questionnaire):
    networks = questionnaire.question("networks")
    every_network = [o.value for o in networks.options if not o.exclusive]
    assert question_points(networks, every_network) == networks.max_points
    assert question_points(networks, ["facebook"]) == 1


def test_linkedin_counts_double_for_presence(questionnaire):
    networks = questionnaire.question("networks")
    assert question_points(networks, ["linkedin"]) == 2 * question_points(networks, ["facebook"])


def test_doing_like_the_others_is_no_objective(questionnaire):
    assert question_points(questionnaire.question("objectives"), ["like_others"]) == 0


def test_crossing_the_experts_10k_threshold_is_the_largest_budget_jump(questionnaire):
    points = [o.points for o in questionnaire.question("budget").options if not o.dont_know]
    jumps = [later - earlier for earlier, later in zip(points, points[1:], strict=False)]
    # zero -> <10k, <10k -> 10-50k, ...: the second jump crosses the threshold.
    assert jumps.index(max(jumps)) == 1


def test_the_overall_score_is_the_weighted_mean_of_the_dimensions(questionnaire):
    answers = PROFILES["combative"]()
    scores = score(questionnaire, answers)
    expected = sum(scores.dimensions[d] * w for d, w in DIMENSION_WEIGHTS.items())
    # Rounding happens once, on unrounded dimension scores: at most one point apart.
    assert abs(scores.overall - expected) <= 1


def test_context_questions_do_not_change_scores(questionnaire):
    answers = PROFILES["combative"]()
    other = {**answers, "sector": "industry", "headcount": "lt10", "barriers": ["cost"]}
    assert score(questionnaire, answers) == score(questionnaire, other)


@pytest.mark.parametrize(
    ("overall", "level"),
    [
        (0, "starting"),
        (24, "starting"),
        (25, "developing"),
        (26, "developing"),
        (49, "developing"),
        (50, "established"),
        (51, "established"),
        (74, "established"),
        (75, "advanced"),
        (76, "advanced"),
        (100, "advanced"),
    ],
)
def test_maturity_level_changes_at_each_quarter(overall, level):
    assert maturity_level(overall) == level


def test_maturity_levels_cover_the_whole_scale():
    assert min(floor for floor, _ in MATURITY_LEVELS) == 0


def test_the_two_strengths_are_the_best_scored_dimensions(questionnaire):
    from assessment.domain.scoring import strongest_dimensions

    scores = score(questionnaire, PROFILES["combative"]())
    # presence 73, team 47, objectives 44, budget 43, roi 33
    assert strongest_dimensions(scores) == ["presence", "team"]


def test_tied_strengths_keep_the_questionnaire_order(questionnaire):
    from assessment.domain.scoring import strongest_dimensions

    scores = score(questionnaire, best_answers(questionnaire))
    assert strongest_dimensions(scores, 3) == ["presence", "team", "budget"]


# Worked by hand from the questionnaire's points. Each dimension is the share of its attainable
# points the answers earn: presence 15 (networks 4 + frequency 5 + responsiveness 3 + content 3),
# team 19 (4 + 4 + 4 + 4 + 3), budget 7 (5 + 2), objectives 16 (4 + 3 + 3 + 3 + 3), ROI 18
# (4 + 5 + 3 + 3 + 3). The overall score weighs presence 15 %, team 20 %, budget 15 %,
# objectives 25 % and ROI 25 %; the means score the last four only (85 % in all).
@pytest.mark.parametrize(
    ("profile", "earned", "dimensions", "overall", "means"),
    [
        (
            "silent_mass",
            {"presence": 4, "team": 3, "budget": 2, "objectives": 2, "roi": 1},
            {"presence": 27, "team": 16, "budget": 29, "objectives": 12, "roi": 6},
            # .15 × 26.67 + .20 × 15.79 + .15 × 28.57 + .25 × 12.5 + .25 × 5.56 = 15.96
            16,
            14,  # (15.96 - 4.00) / .85 = 14.07
        ),
        (
            "casual",
            {"presence": 4, "team": 1, "budget": 1, "objectives": 0, "roi": 1},
            {"presence": 27, "team": 5, "budget": 14, "objectives": 0, "roi": 6},
            9,  # 4.00 + 1.05 + 2.14 + 0 + 1.39 = 8.58
            5,  # 4.58 / .85 = 5.39
        ),
        (
            "combative",
            {"presence": 11, "team": 9, "budget": 3, "objectives": 7, "roi": 6},
            {"presence": 73, "team": 47, "budget": 43, "objectives": 44, "roi": 33},
            46,  # 11.00 + 9.47 + 6.43 + 10.94 + 8.33 = 46.17
            41,  # 35.17 / .85 = 41.38
        ),
        (
            "pioneers",
            {"presence": 15, "team": 19, "budget": 6, "objectives": 16, "roi": 18},
            {"presence": 100, "team": 100, "budget": 86, "objectives": 100, "roi": 100},
            98,  # 15 + 20 + 12.86 + 25 + 25 = 97.86
            97,  # 82.86 / .85 = 97.48
        ),
    ],
)
def test_each_portrait_scores_as_worked_by_hand(
    questionnaire, profile, earned, dimensions, overall, means
):
    attainable = {"presence": 15, "team": 19, "budget": 7, "objectives": 16, "roi": 18}
    answers = PROFILES[profile]()
    for dimension, points in earned.items():
        asked = [q for q in questionnaire.questions if q.dimension == dimension]
        assert sum(q.attainable_points for q in asked) == attainable[dimension]
        assert sum(question_points(q, answers.get(q.id)) for q in asked) == points
    scores = score(questionnaire, answers)
    assert scores.dimensions == dimensions
    assert (scores.overall, scores.means) == (overall, means)


@pytest.mark.parametrize(
    ("only_full_dimension", "overall"),
    [("presence", 15), ("team", 20), ("budget", 15), ("objectives", 25), ("roi", 25)],
)
def test_each_dimension_weighs_its_share_of_the_overall_score(
    questionnaire, only_full_dimension, overall
):
    # Full marks on one dimension and nothing elsewhere earn exactly that dimension's weight:
    # objectives and ROI 25 each, team 20, presence and budget 15 each.
    best, weakest = best_answers(questionnaire), weakest_answers(questionnaire)
    answers = {
        q.id: best[q.id] if q.dimension == only_full_dimension else weakest[q.id]
        for q in questionnaire.questions
        if q.id in best
    }
    assert score(questionnaire, answers).overall == overall


@pytest.mark.parametrize(
    ("question", "weakest_to_strongest"),
    [
        ("frequency", ["never", "rarely", "monthly", "weekly", "several_weekly", "daily"]),
        ("responsiveness", ["never", "sometimes", "usually", "always"]),
        ("budget", ["zero", "lt10k", "10_50k", "50_150k", "gt150k"]),
        ("budget_next_year", ["decrease", "stable", "increase"]),
        ("strategy", ["none", "informal", "written", "reviewed"]),
        ("measures_results", ["never", "occasionally", "regularly", "against_targets"]),
        ("reporting", ["never", "yearly", "quarterly", "monthly"]),
        ("crm_link", ["no_crm", "not_recorded", "recorded", "integrated"]),
        ("tools", ["none", "native", "web_analytics", "platform"]),
        ("hours_week", ["none", "lt2", "2_5", "5_10", "gt10"]),
        ("staff_trained", ["no", "some", "all"]),
        ("head_involvement", ["absent", "present", "occasional", "regular"]),
        ("employee_advocacy", ["never", "some", "encouraged"]),
        ("objectives_quantified", ["no", "some", "all"]),
        ("marketing_plan", ["no_plan", "separate", "partly", "fully"]),
        ("editorial_calendar", ["none", "occasional", "monthly", "calendar"]),
    ],
)
def test_a_stronger_practice_always_earns_more_points(
    questionnaire, question, weakest_to_strongest
):
    # More often, faster, more money, more written down, more measured: each step up the scale
    # of practice earns strictly more, so no answer is ever worth less than a weaker one.
    asked = questionnaire.question(question)
    points = [question_points(asked, value) for value in weakest_to_strongest]
    assert points == sorted(set(points)), points
    assert points[0] == 0


def test_who_runs_it_ranks_a_dedicated_person_above_shared_help_above_the_head_alone(
    questionnaire,
):
    who_runs = questionnaire.question("who_runs")
    points = {o.value: o.points for o in who_runs.options}
    # Nobody < the head alone < a part-time employee = an agency < someone dedicated, who is
    # worth twice the part-time help: a job, not a side task.
    assert points["nobody"] == 0 < points["head_alone"] < points["employee_part_time"]
    assert points["employee_part_time"] == points["agency"]
    assert points["dedicated"] == 2 * points["employee_part_time"]


def test_no_answer_and_an_unknown_option_earn_nothing(questionnaire):
    budget = questionnaire.question("budget")
    assert question_points(budget, None) == 0
    assert question_points(budget, "a-million") == 0


def test_a_dimension_no_question_asks_scores_zero_rather_than_failing(questionnaire):
    # Comparing two questionnaire versions on their shared questions can leave a dimension with
    # no question at all: it scores 0, it does not divide by zero.
    only_budget = questionnaire.only({"budget"})
    scores = score(only_budget, {"budget": "gt150k"})
    assert scores.dimensions == dict(presence=0, team=0, budget=100, objectives=0, roi=0)


def test_scores_by_name_start_with_the_overall_one(questionnaire):
    scores = score(questionnaire, PROFILES["combative"]())
    assert list(scores.by_name().items())[:2] == [("overall", 46), ("presence", 73)]


@pytest.mark.parametrize(
    ("question", "points"),
    [
        # LinkedIn is where B2B buyers are: two points; any other network one; no account none.
        (
            "networks",
            dict(linkedin=2, facebook=1, x=1, instagram=1, youtube=1, tiktok=1, xing=1, viadeo=1)
            | {"other": 1, "none": 0},
        ),
        # Relaying news, shares and offers shows nothing of the company's know-how; expertise,
        # customer cases, the people and video do.
        (
            "content",
            dict(news=0, shares=0, offers=0, expertise=1, customer_cases=1, employees=1, video=1)
            | {"none": 0},
        ),
        # Every business objective counts one; doing like the others is no objective.
        (
            "objectives",
            dict(awareness=1, leads=1, customer_service=1, monitoring=1, recruitment=1)
            | dict(e_reputation=1, social_selling=1, like_others=0, none=0),
        ),
        # What proves a return: followers nothing, audience one, leads and sales two.
        (
            "indicators",
            dict(followers=0, reach=1, engagement=1, traffic=1, qualified_leads=2, sales=2)
            | {"none": 0, "dont_know": 0},
        ),
    ],
)
def test_each_option_of_a_multiple_choice_earns_what_it_shows(questionnaire, question, points):
    asked = questionnaire.question(question)
    assert {value: question_points(asked, [value]) for value in asked.option_values()} == points
