"""Recommendations: rules over answers and scores, each saying why it was chosen.

A rule applies when the company's answers show the gap it closes. Applicable rules are ordered
by the value of acting (impact, less effort, more when the company named the barrier the rule
removes) and the first few are kept.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .conditions import CONDITIONS, Context
from .questionnaire import CURRENT_VERSION, QUESTIONNAIRES_DIR, Questionnaire, Text
from .scoring import Scores, knowledge_gaps, strongest_dimensions
from .segments import SegmentResult

CATALOGUES_DIR = QUESTIONNAIRES_DIR / "recommendations"

MIN_RECOMMENDATIONS = 3
MAX_RECOMMENDATIONS = 5

# Ranking: impact counts twice as much as effort, so a high-impact heavy task still outranks a
# low-impact easy one; naming a barrier the rule removes counts like one level of impact, because
# a company acts first on what it already feels as a problem.
IMPACT_WEIGHT = 2
EFFORT_WEIGHT = 1
BARRIER_BONUS = 2

# The action plan's two horizons. Light actions (naming an owner, writing one page, a monthly
# table) fit in the first quarter; the others need a budget cycle, a training session or a tool.
FIRST_90_DAYS = "first_90_days"
NEXT_12_MONTHS = "next_12_months"

# A dimension under this score is named as a reason: below half, it is the weak side of the
# company's practice.
WEAK_DIMENSION_THRESHOLD = 50

HIGH, MEDIUM, LOW = 3, 2, 1


@dataclass(frozen=True)
class Rule:
    id: str
    title: Text
    body: Text
    dimension: str
    impact: int
    effort: int
    owner: str  # "management", "marketing" or "sales": who should carry it
    applies: Callable[[Context], bool]
    # The answers that triggered the rule, shown as its evidence.
    evidence: tuple[str, ...] = ()
    barriers: frozenset[str] = frozenset()
    # How to do it concretely, and the source or reasoning behind it (2027-1 on).
    how: Text | None = None
    why: Text | None = None


@dataclass(frozen=True)
class Reason:
    kind: str  # "answer", "dimension", "barrier", "segment" or "knowledge_gap"
    subject: str  # a question id, a dimension, a barrier value or a segment
    value: object = None


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: Text
    body: Text
    dimension: str
    impact: int
    effort: int
    owner: str
    reasons: tuple[Reason, ...]
    how: Text | None = None
    why: Text | None = None

    @property
    def horizon(self) -> str:
        return FIRST_90_DAYS if self.effort == LOW else NEXT_12_MONTHS


LEVELS = {"high": HIGH, "medium": MEDIUM, "low": LOW}


def _text(data: Mapping | None) -> Text | None:
    return Text(fr=data["fr"], en=data["en"]) if data is not None else None


def _rule(data: Mapping) -> Rule:
    return Rule(
        id=data["id"],
        title=Text(fr=data["title"]["fr"], en=data["title"]["en"]),
        body=Text(fr=data["body"]["fr"], en=data["body"]["en"]),
        dimension=data["dimension"],
        impact=LEVELS[data["impact"]],
        effort=LEVELS[data["effort"]],
        owner=data["owner"],
        applies=CONDITIONS[data["applies_when"]],
        evidence=tuple(data.get("evidence", ())),
        barriers=frozenset(data.get("barriers", ())),
        how=_text(data.get("how")),
        why=_text(data.get("why")),
    )


@cache
def load_catalogue(version: str = CURRENT_VERSION) -> tuple[Rule, ...]:
    """The recommendations written for a questionnaire version, in the catalogue's order."""
    with (CATALOGUES_DIR / f"{version}.toml").open("rb") as file:
        data = tomllib.load(file)
    return tuple(_rule(rule) for rule in data["recommendations"])


def _reasons(rule: Rule, context: Context) -> tuple[Reason, ...]:
    reasons = [
        Reason("answer", question_id, context.answer(question_id))
        for question_id in rule.evidence
        if context.answer(question_id) not in (None, [], "")
    ]
    dimension_score = context.scores.dimensions[rule.dimension]
    if dimension_score < WEAK_DIMENSION_THRESHOLD:
        reasons.append(Reason("dimension", rule.dimension, dimension_score))
    for barrier in sorted(rule.barriers & context.chosen("barriers")):
        reasons.append(Reason("barrier", barrier))
    # For the segments that say they are little or not active, acting is the way up.
    if rule.dimension == "presence" and not context.segment.study.active:
        reasons.append(Reason("segment", context.segment.study.segment))
    if rule.id == "close_the_knowledge_gaps":
        reasons += [
            Reason("knowledge_gap", question.id)
            for question in knowledge_gaps(context.questionnaire, context.answers)
        ]
    return tuple(reasons)


def answers_to_change(recommendations: Iterable[Recommendation]) -> frozenset[str]:
    """The questions whose answers the recommendations quote as their reason: the answers they
    ask the company to change, which no reading may then praise."""
    return frozenset(
        reason.subject
        for recommendation in recommendations
        for reason in recommendation.reasons
        if reason.kind == "answer"
    )


def _priority(rule: Rule, context: Context) -> int:
    barrier_named = bool(rule.barriers & context.chosen("barriers"))
    return IMPACT_WEIGHT * rule.impact - EFFORT_WEIGHT * rule.effort + BARRIER_BONUS * barrier_named


# The plan's second horizon is never left empty below the advanced band (75, where the maturity
# levels put it): a company that has not reached it still has heavier work for the year, and is
# never told that nothing more is needed.
PLAN_COMPLETE_FROM = 75
# How many heavier actions the year takes from beyond the first few when none of those is heavy.
YEAR_ACTIONS_WHEN_NONE_CHOSEN = 2
# The first actions are the first things to do (the report's verdict lists them): each starts in
# the first quarter, a heavier one by its first step (its "how" says what to do this quarter).
# Were they placed by effort alone, the verdict's first things would sit under the year.
FIRST_THINGS = 3


@dataclass(frozen=True)
class ActionPlan:
    first_90_days: tuple[Recommendation, ...]
    next_12_months: tuple[Recommendation, ...]


def action_plan(
    chosen: tuple[Recommendation, ...], applicable: tuple[Recommendation, ...], overall: int
) -> ActionPlan:
    """The chosen actions by horizon: the first three start in the first 90 days, whatever their
    effort; beyond them, light actions join them and heavier ones take the year. When the year
    holds nothing and the company is below the advanced band, it takes the best heavier actions
    that apply beyond the chosen (`applicable` is every applicable recommendation, best first)."""
    later = chosen[FIRST_THINGS:]
    first = (*chosen[:FIRST_THINGS], *(rec for rec in later if rec.horizon == FIRST_90_DAYS))
    year = tuple(rec for rec in later if rec.horizon == NEXT_12_MONTHS)
    if not year and overall < PLAN_COMPLETE_FROM:
        chosen_ids = {rec.id for rec in chosen}
        heavier = [
            rec for rec in applicable if rec.horizon == NEXT_12_MONTHS and rec.id not in chosen_ids
        ]
        year = tuple(heavier[:YEAR_ACTIONS_WHEN_NONE_CHOSEN])
    return ActionPlan(first_90_days=first, next_12_months=year)


# From the advanced band of the maturity levels a dimension is a strength whatever the plan asks of
# it (its actions are the next moves of a practice that works).
STRENGTH_WHATEVER_THE_PLAN = 75


def strengths(scores: Scores, addressed: Collection[str] = frozenset()) -> list[str]:
    """The strongest dimensions, to keep, unless even the strongest are weak. A dimension the
    company's first actions work on (`addressed`) is a strength only from the advanced band:
    "a strength to keep" over "set a first budget" would contradict itself."""
    return [
        name
        for name in strongest_dimensions(scores)
        if scores.dimensions[name] >= WEAK_DIMENSION_THRESHOLD
        and (name not in addressed or scores.dimensions[name] >= STRENGTH_WHATEVER_THE_PLAN)
    ]


# The weakest dimension always gets one of the first few actions, unless it scores above this.
# Above 80 every dimension of 2027-1 is at most one answer a rung or two short of its top, where
# the company's own next move is a refinement, not a gap to close first.
WEAKEST_DIMENSION_COVERED_UP_TO = 80
# Versions whose assessments keep the ranking they were first shown (the rule above came later).
RANKED_WITHOUT_THE_WEAKEST_DIMENSION_RULE = frozenset({"2026-1"})


def _weakest_dimension_first_few(ranked: list[Rule], scores: Scores) -> list[Rule]:
    """The ranking, with the weakest dimension's best action moved into the first few when none
    of them addresses it: a plan that leaves the weakest side untouched is not a plan."""
    lowest = min(scores.dimensions.values())
    weakest = {name for name, value in scores.dimensions.items() if value == lowest}
    first = ranked[:MAX_RECOMMENDATIONS]
    if lowest > WEAKEST_DIMENSION_COVERED_UP_TO or any(r.dimension in weakest for r in first):
        return ranked
    best = next((r for r in ranked if r.dimension in weakest), None)
    if best is None:
        return ranked
    rest = [r for r in ranked if r is not best]
    return rest[: MAX_RECOMMENDATIONS - 1] + [best] + rest[MAX_RECOMMENDATIONS - 1 :]


def recommend(
    questionnaire: Questionnaire,
    answers: Mapping[str, object],
    scores: Scores,
    segment: SegmentResult,
    limit: int | None = MAX_RECOMMENDATIONS,
) -> tuple[Recommendation, ...]:
    """The applicable recommendations, best first; `limit=None` keeps them all (the report's
    per-dimension advice)."""
    context = Context(questionnaire=questionnaire, answers=answers, scores=scores, segment=segment)
    applicable = [rule for rule in load_catalogue(questionnaire.version) if rule.applies(context)]
    # Python's sort is stable: equal priorities keep the catalogue's order, which lists the rules
    # from the foundations (an owner, a strategy) to refinements.
    ranked = sorted(applicable, key=lambda rule: -_priority(rule, context))
    if questionnaire.version not in RANKED_WITHOUT_THE_WEAKEST_DIMENSION_RULE:
        ranked = _weakest_dimension_first_few(ranked, scores)
    return tuple(
        Recommendation(
            id=rule.id,
            title=rule.title,
            body=rule.body,
            dimension=rule.dimension,
            impact=rule.impact,
            effort=rule.effort,
            owner=rule.owner,
            reasons=_reasons(rule, context),
            how=rule.how,
            why=rule.why,
        )
        for rule in ranked[:limit]
    )
