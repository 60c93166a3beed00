from assessment.domain.progress import acted_on, shared_questions
from assessment.domain.results import assess
from tests.profiles import PROFILES


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
