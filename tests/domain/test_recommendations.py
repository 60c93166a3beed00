from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.domain.questionnaire import MULTI, SINGLE, TEXT, load_questionnaire
from assessment.domain.recommendations import (
    MAX_RECOMMENDATIONS,
    MIN_RECOMMENDATIONS,
    RULES,
)
from assessment.domain.results import assess
from tests.profiles import PROFILES


def recommendations_for(questionnaire, answers):
    return assess(questionnaire, answers).recommendations


def ids(recommendations):
    return [r.id for r in recommendations]


def test_every_profile_gets_three_to_five_recommendations(questionnaire):
    for name, profile in PROFILES.items():
        count = len(recommendations_for(questionnaire, profile()))
        assert MIN_RECOMMENDATIONS <= count <= MAX_RECOMMENDATIONS, name


def test_every_rule_is_written_in_both_languages():
    for rule in RULES:
        for text in (rule.title, rule.body):
            assert text.fr.strip() and text.en.strip(), rule.id


def test_a_company_without_owner_is_told_to_name_one(questionnaire):
    assert "name_an_owner" in ids(recommendations_for(questionnaire, PROFILES["silent_mass"]()))


def test_a_company_with_a_dedicated_team_is_not_told_to_name_an_owner(questionnaire):
    answers = {**PROFILES["silent_mass"](), "who_runs": "dedicated"}
    assert "name_an_owner" not in ids(recommendations_for(questionnaire, answers))


def test_recommendations_are_ordered_by_impact_then_effort(questionnaire):
    recs = recommendations_for(questionnaire, PROFILES["combative"]())
    values = [2 * r.impact - r.effort for r in recs]
    # A barrier named can lift a rule by one impact level, never more.
    for earlier, later in zip(values, values[1:], strict=False):
        assert earlier + 2 >= later


def test_naming_a_barrier_lifts_the_rule_that_removes_it(questionnaire):
    without = {**PROFILES["combative"](), "barriers": ["none"]}
    with_cost = {**without, "barriers": ["cost"]}
    rank_without = ids(recommendations_for(questionnaire, without)).index("set_a_first_budget")
    rank_with = ids(recommendations_for(questionnaire, with_cost)).index("set_a_first_budget")
    assert rank_with < rank_without


def test_a_named_barrier_is_given_as_a_reason(questionnaire):
    answers = {**PROFILES["silent_mass"](), "barriers": ["time"]}
    owner = next(r for r in recommendations_for(questionnaire, answers) if r.id == "name_an_owner")
    assert ("barrier", "time") in {(reason.kind, reason.subject) for reason in owner.reasons}


def test_every_recommendation_says_why(questionnaire):
    for name, profile in PROFILES.items():
        for rec in recommendations_for(questionnaire, profile()):
            if rec.id not in {
                "compare_views_across_teams",
                "yearly_results_review",
                "reassess_in_six_months",
            }:
                assert rec.reasons, f"{name}: {rec.id}"


def test_a_weak_dimension_is_given_as_a_reason(questionnaire):
    recs = recommendations_for(questionnaire, PROFILES["silent_mass"]())
    strategy = next(r for r in recs if r.id == "write_a_strategy")
    assert ("dimension", "objectives") in {(r.kind, r.subject) for r in strategy.reasons}


def test_i_dont_know_leads_to_finding_the_figures_out(questionnaire):
    answers = {**PROFILES["pioneers"](), "budget": "dont_know", "reporting": "dont_know"}
    recs = recommendations_for(questionnaire, answers)
    gaps = next(r for r in recs if r.id == "close_the_knowledge_gaps")
    assert {r.subject for r in gaps.reasons if r.kind == "knowledge_gap"} == {"budget", "reporting"}


def test_a_mature_company_still_gets_three_recommendations(questionnaire):
    assert len(recommendations_for(questionnaire, PROFILES["pioneers"]())) == MIN_RECOMMENDATIONS


def _answers_strategy():
    questionnaire = load_questionnaire()
    fields = {}
    for question in questionnaire.questions:
        if question.kind == SINGLE:
            fields[question.id] = st.sampled_from(question.option_values())
        elif question.kind == MULTI:
            plain = [o.value for o in question.options if not o.exclusive]
            exclusive = [[o.value] for o in question.options if o.exclusive]
            fields[question.id] = st.one_of(
                st.lists(st.sampled_from(plain), min_size=1, unique=True).map(
                    lambda chosen, q=question: [v for v in q.option_values() if v in chosen]
                ),
                *(st.just(value) for value in exclusive),
            )
        elif question.kind == TEXT:
            fields[question.id] = st.text(max_size=120)
    return st.fixed_dictionaries(fields)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_answers_strategy())
def test_any_complete_set_of_answers_gives_a_sound_result(answers):
    questionnaire = load_questionnaire()
    result = assess(questionnaire, answers)
    assert all(0 <= value <= 100 for value in result.scores.dimensions.values())
    assert 0 <= result.scores.overall <= 100
    assert MIN_RECOMMENDATIONS <= len(result.recommendations) <= MAX_RECOMMENDATIONS
    # Following the path always reaches what it promises.
    moved = {**answers, **{c.question_id: c.to_value for c in result.segment.path}}
    after = assess(questionnaire, moved).segment
    target = result.segment.target or "pioneers"
    assert after.measured.active
    assert after.study.segment == target
    if target == "pioneers":
        assert after.measured.in_step


def test_light_actions_go_in_the_first_90_days_and_heavier_ones_in_the_year(questionnaire):
    from assessment.domain.recommendations import FIRST_90_DAYS, LOW, NEXT_12_MONTHS

    for rec in recommendations_for(questionnaire, PROFILES["combative"]()):
        assert rec.horizon == (FIRST_90_DAYS if rec.effort == LOW else NEXT_12_MONTHS)
    budget = next(
        r
        for r in recommendations_for(questionnaire, PROFILES["combative"]())
        if r.id == "set_a_first_budget"
    )
    assert budget.horizon == NEXT_12_MONTHS
