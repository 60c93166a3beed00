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
from tests.profiles import PROFILES


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
