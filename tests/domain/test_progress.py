from assessment.domain.progress import acted_on, against_targets, compare, shared_questions
from assessment.domain.results import assess
from assessment.domain.scoring import score
from tests.profiles_2026 import PROFILES_2026 as PROFILES


def test_a_recommendation_is_acted_on_when_an_answer_it_named_improved(questionnaire):
    before = PROFILES["silent_mass"]()
    after = {**before, "who_runs": "employee_part_time"}
    recs = assess(questionnaire, before).recommendations
    results = {a.recommendation.id: a.acted for a in acted_on(recs, questionnaire, before, after)}
    assert results["name_an_owner"] is True
    assert results["write_a_strategy"] is False


def test_an_answer_that_got_worse_is_no_action(questionnaire):
    before = PROFILES["combative"]()
    after = {**before, "measures_results": "never"}
    recs = assess(questionnaire, before).recommendations
    results = {a.recommendation.id: a.acted for a in acted_on(recs, questionnaire, before, after)}
    assert results["measure_every_month"] is False


def test_versions_are_compared_on_the_questions_both_ask(questionnaire):
    shared, left_out = shared_questions(questionnaire, questionnaire)
    assert len(shared) == len(questionnaire.questions) and left_out == set()


def test_a_target_is_reached_when_the_latest_score_meets_it():
    gaps = {
        g.dimension: g for g in against_targets({"team": 60, "roi": 30}, {"team": 60, "roi": 50})
    }
    assert gaps["team"].reached and gaps["team"].remaining == 0
    assert not gaps["roi"].reached and gaps["roi"].remaining == 20


def test_a_score_past_its_target_leaves_nothing_to_gain():
    (gap,) = against_targets({"budget": 80}, {"budget": 50})
    assert gap.reached and gap.remaining == 0


def test_only_dimensions_with_a_target_are_listed_in_questionnaire_order():
    latest = {"presence": 10, "team": 20, "budget": 30, "objectives": 40, "roi": 50}
    gaps = against_targets(latest, {"roi": 70, "team": 40})
    assert [g.dimension for g in gaps] == ["team", "roi"]


def next_version(questionnaire, *, drop: str, add_to: str):
    """A later version of the questionnaire: one question dropped, one new question added."""
    from dataclasses import replace

    from assessment.domain.questionnaire import Questionnaire

    new = replace(questionnaire.question(add_to), id="new_question")
    sections = tuple(
        replace(
            section,
            questions=tuple(q for q in section.questions if q.id != drop)
            + ((new,) if add_to in {q.id for q in section.questions} else ()),
        )
        for section in questionnaire.sections
    )
    by_id = {q.id: q for section in sections for q in section.questions}
    return Questionnaire(version="2099-1", sections=sections, _by_id=by_id)


def test_versions_are_compared_on_the_questions_both_ask_and_name_the_others(questionnaire):
    later = next_version(questionnaire, drop="tools", add_to="measures_results")
    shared, left_out = shared_questions(questionnaire, later)
    assert left_out == {"tools", "new_question"}
    assert len(shared) == len(questionnaire.questions) - 1


def test_a_question_added_in_the_new_version_does_not_pass_for_progress(questionnaire):
    later = next_version(questionnaire, drop="tools", add_to="measures_results")
    answers = PROFILES["combative"]()
    # The same answers, plus the best answer to the new question: nothing really moved.
    best = max(later.question("new_question").options, key=lambda o: o.points).value
    comparison = compare(questionnaire, answers, later, {**answers, "new_question": best})
    assert comparison.before == comparison.after
    assert comparison.left_out == {"tools", "new_question"}


def test_a_dropped_question_does_not_pass_for_a_fall(questionnaire):
    later = next_version(questionnaire, drop="tools", add_to="measures_results")
    before = {**PROFILES["combative"](), "tools": "platform"}
    after = {k: v for k, v in before.items() if k != "tools"}
    comparison = compare(questionnaire, before, later, after)
    assert comparison.before.dimensions["roi"] == comparison.after.dimensions["roi"]


def test_on_one_version_the_comparison_is_the_assessments_own_scores(questionnaire):
    before, after = PROFILES["casual"](), PROFILES["pioneers"]()
    comparison = compare(questionnaire, before, questionnaire, after)
    assert comparison.before == score(questionnaire, before)
    assert comparison.after == score(questionnaire, after)
    assert comparison.left_out == frozenset()
