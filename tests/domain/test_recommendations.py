import pytest
from hypothesis import HealthCheck, given, settings

from assessment.domain.questionnaire import Text, load_questionnaire
from assessment.domain.recommendations import (
    MAX_RECOMMENDATIONS,
    MIN_RECOMMENDATIONS,
    load_catalogue,
)
from assessment.domain.results import assess
from tests.answers import complete_answers
from tests.profiles_2026 import PROFILES_2026 as PROFILES


def recommendations_for(questionnaire, answers):
    return assess(questionnaire, answers).recommendations


def ids(recommendations):
    return [r.id for r in recommendations]


def test_every_profile_gets_three_to_five_recommendations(questionnaire):
    for name, profile in PROFILES.items():
        count = len(recommendations_for(questionnaire, profile()))
        assert MIN_RECOMMENDATIONS <= count <= MAX_RECOMMENDATIONS, name


def test_every_rule_is_written_in_both_languages():
    for rule in load_catalogue():
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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=complete_answers())
def test_any_complete_set_of_answers_gives_a_sound_result(answers):
    questionnaire = load_questionnaire()
    result = assess(questionnaire, answers)
    assert all(0 <= value <= 100 for value in result.scores.dimensions.values())
    assert 0 <= result.scores.overall <= 100
    assert MIN_RECOMMENDATIONS <= len(result.recommendations) <= MAX_RECOMMENDATIONS
    # Following the path, and rating oneself as the answers then show, reaches what it promises.
    followed = result.segment.path + result.segment.rating_follows
    moved = {**answers, **{c.question_id: c.to_value for c in followed}}
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


def reasons_of(recommendation):
    return [(r.kind, r.subject, r.value) for r in recommendation.reasons]


def by_id(questionnaire, answers):
    return {r.id: r for r in recommend_all(questionnaire, answers)}


def recommend_all(questionnaire, answers):
    from assessment.domain.recommendations import recommend
    from assessment.domain.scoring import score
    from assessment.domain.segments import place

    return recommend(
        questionnaire, answers, score(questionnaire, answers), place(questionnaire, answers), None
    )


def test_a_recommendation_quotes_the_answers_the_weak_dimension_and_the_barriers_it_removes(
    questionnaire,
):
    # The silent-mass manufacturer: the head alone, under two hours a week, team at 16/100, and
    # it named lack of time (which an owner removes) and "not a priority" (which it does not).
    owner = by_id(questionnaire, PROFILES["silent_mass"]())["name_an_owner"]
    assert reasons_of(owner) == [
        ("answer", "who_runs", "head_alone"),
        ("answer", "hours_week", "lt2"),
        ("dimension", "team", 16),
        ("barrier", "time", None),
    ]
    assert (owner.title, owner.body) == (
        Text(
            fr="Confier les réseaux sociaux à une personne nommée",
            en="Give social networks to a named person",
        ),
        next(rule.body for rule in load_catalogue("2026-1") if rule.id == "name_an_owner"),
    )
    assert (owner.dimension, owner.owner, owner.impact, owner.effort) == (
        "team",
        "management",
        3,
        1,
    )


def test_an_unanswered_question_is_not_quoted_as_a_reason(questionnaire):
    answers = {**PROFILES["silent_mass"](), "hours_week": ""}
    owner = by_id(questionnaire, answers)["name_an_owner"]
    assert ("answer", "hours_week", "") not in reasons_of(owner)
    assert ("answer", "who_runs", "head_alone") in reasons_of(owner)


@pytest.mark.parametrize(("team", "named_weak"), [(49, True), (50, False)])
def test_a_dimension_is_named_weak_below_half_of_its_points(questionnaire, team, named_weak):
    from assessment.domain.recommendations import recommend
    from assessment.domain.scoring import Scores
    from assessment.domain.segments import place

    answers = PROFILES["silent_mass"]()
    dimensions = {"presence": 60, "team": team, "budget": 60, "objectives": 60, "roi": 60}
    scores = Scores(dimensions=dimensions, overall=58, means=58)
    found = recommend(questionnaire, answers, scores, place(questionnaire, answers), None)
    owner = next(r for r in found if r.id == "name_an_owner")
    assert (("dimension", "team", team) in reasons_of(owner)) is named_weak


def test_a_company_that_says_it_is_inactive_is_told_acting_on_presence_is_its_way_up(
    questionnaire,
):
    silent = by_id(questionnaire, PROFILES["silent_mass"]())
    assert ("segment", "silent_mass", None) in reasons_of(silent["publish_every_week"])
    # Not for advice about another dimension, nor for a company that says it is active.
    assert all(r[0] != "segment" for r in reasons_of(silent["name_an_owner"]))
    combative = {**PROFILES["combative"](), "frequency": "monthly"}
    assert all(
        r[0] != "segment" for r in reasons_of(by_id(questionnaire, combative)["publish_every_week"])
    )


def test_the_strengths_are_the_two_best_dimensions_from_half_their_points():
    from assessment.domain.recommendations import strengths
    from assessment.domain.scoring import Scores

    def scores(**dimensions):
        full = {"presence": 10, "team": 10, "budget": 10, "objectives": 10, "roi": 10}
        return Scores(dimensions={**full, **dimensions}, overall=0, means=0)

    assert strengths(scores(roi=80, team=50, presence=40)) == ["roi", "team"]
    assert strengths(scores(roi=80, team=49)) == ["roi"]
    assert strengths(scores()) == []


@pytest.mark.parametrize(("score", "strong"), [(50, False), (74, False), (75, True)])
def test_a_dimension_the_first_actions_work_on_is_a_strength_only_once_advanced(score, strong):
    from assessment.domain.recommendations import strengths
    from assessment.domain.scoring import Scores

    dimensions = {"presence": 10, "team": 10, "budget": score, "objectives": 10, "roi": 10}
    scores = Scores(dimensions=dimensions, overall=0, means=0)
    assert ("budget" in strengths(scores, addressed={"budget"})) is strong
    assert "budget" in strengths(scores)


def test_finding_out_what_nobody_knows_names_each_unknown_beside_the_weak_dimension(
    questionnaire,
):
    answers = {**PROFILES["silent_mass"](), "budget": "dont_know"}
    gaps = by_id(questionnaire, answers)["close_the_knowledge_gaps"]
    assert reasons_of(gaps) == [("dimension", "roi", 6), ("knowledge_gap", "budget", None)]


def test_the_assessment_lists_what_the_company_does_not_know(questionnaire):
    answers = {**PROFILES["combative"](), "budget": "dont_know"}
    assert [q.id for q in assess(questionnaire, answers).knowledge_gaps] == ["budget"]


def test_a_company_without_a_crm_is_never_told_about_its_crm(questionnaire):
    # The building firm has no CRM: it is told to write down where leads come from, in a shared
    # sheet; the advice about recording the source in a CRM is for those that have one.
    casual = by_id(questionnaire, PROFILES["casual"]())
    assert "track_where_leads_come_from" in casual
    assert "record_the_source_in_the_crm" not in casual
    combative = by_id(questionnaire, PROFILES["combative"]())
    assert "record_the_source_in_the_crm" in combative
    assert "track_where_leads_come_from" not in combative


def plan_of(questionnaire, answers):
    from assessment.domain.recommendations import action_plan, recommend
    from assessment.domain.scoring import score
    from assessment.domain.segments import place

    scores, segment = score(questionnaire, answers), place(questionnaire, answers)
    chosen = recommend(questionnaire, answers, scores, segment)
    applicable = recommend(questionnaire, answers, scores, segment, None)
    plan = action_plan(chosen, applicable, scores.overall)
    return [r.id for r in plan.first_90_days], [r.id for r in plan.next_12_months]


def test_a_company_far_from_the_advanced_band_always_has_work_for_the_year(questionnaire):
    # The silent-mass manufacturer, at 16/100, gets five light actions first; the year takes the
    # two best heavier ones that apply beyond them instead of "nothing more is needed".
    first, year = plan_of(questionnaire, PROFILES["silent_mass"]())
    assert len(first) == 5
    assert year == ["set_a_first_budget", "publish_every_week"]


def test_heavy_actions_already_chosen_make_the_year_on_their_own(questionnaire):
    first, year = plan_of(questionnaire, PROFILES["combative"]())
    assert year == ["set_a_first_budget", "record_the_source_in_the_crm"]


def rec(rec_id, effort):
    from assessment.domain.recommendations import Recommendation

    text = Text(fr=rec_id, en=rec_id)
    return Recommendation(rec_id, text, text, "roi", 2, effort, "marketing", ())


@pytest.mark.parametrize(("overall", "year"), [(74, ["heavy"]), (75, [])])
def test_from_the_advanced_band_the_year_may_hold_nothing_heavier(overall, year):
    from assessment.domain.recommendations import action_plan

    light, heavy = rec("light", 1), rec("heavy", 2)
    plan = action_plan((light,), (light, heavy), overall)
    assert [r.id for r in plan.first_90_days] == ["light"]
    assert [r.id for r in plan.next_12_months] == year


def test_the_year_takes_at_most_two_heavier_actions_from_beyond_the_chosen():
    from assessment.domain.recommendations import action_plan

    light = rec("light", 1)
    more = tuple(rec(f"heavy{n}", 3) for n in range(4))
    plan = action_plan((light,), (light, *more), 10)
    assert [r.id for r in plan.next_12_months] == ["heavy0", "heavy1"]
