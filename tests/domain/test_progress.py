from assessment.domain.progress import acted_on, against_targets, shared_questions
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
