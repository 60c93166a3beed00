"""What moved between two assessments of one company: scores, segment, recommendations acted on.

Two assessments made with different questionnaire versions are compared on the questions both
share; the others are listed as left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import DIMENSIONS, Questionnaire
from .recommendations import Recommendation
from .scoring import Scores, question_points, score


@dataclass(frozen=True)
class ActedOn:
    recommendation: Recommendation
    acted: bool  # one of the answers it named now earns more points


def shared_questions(before: Questionnaire, after: Questionnaire) -> tuple[set[str], set[str]]:
    """The question ids both versions ask, and those only one of them asks."""
    first = {q.id for q in before.questions}
    second = {q.id for q in after.questions}
    return first & second, first ^ second


@dataclass(frozen=True)
class Comparison:
    before: Scores
    after: Scores
    left_out: frozenset[str]  # question ids asked by one of the two versions only


def compare(
    before_questionnaire: Questionnaire,
    before: Mapping[str, object],
    after_questionnaire: Questionnaire,
    after: Mapping[str, object],
) -> Comparison:
    """Both assessments scored on the questions both versions ask, so that a question added or
    dropped between versions does not pass for progress; and both with the later version's
    points, so that a shared question whose scale changed (an option added at the top, one
    dropped) does not pass for progress either. An earlier answer the later version no longer
    offers earns nothing."""
    shared, left_out = shared_questions(before_questionnaire, after_questionnaire)
    common = after_questionnaire.only(shared)
    return Comparison(
        before=score(common, before),
        after=score(common, after),
        left_out=frozenset(left_out),
    )


def acted_on(
    recommendations: tuple[Recommendation, ...],
    questionnaire: Questionnaire,
    before: Mapping[str, object],
    after: Mapping[str, object],
) -> list[ActedOn]:
    """For each earlier recommendation: did an answer it was based on improve since?"""
    results = []
    for recommendation in recommendations:
        named = [r.subject for r in recommendation.reasons if r.kind == "answer"]
        improved = any(
            questionnaire.has_question(question_id)
            and question_points(questionnaire.question(question_id), after.get(question_id), after)
            > question_points(questionnaire.question(question_id), before.get(question_id), before)
            for question_id in named
        )
        results.append(ActedOn(recommendation=recommendation, acted=improved))
    return results


@dataclass(frozen=True)
class TargetGap:
    dimension: str
    latest: int
    target: int

    @property
    def remaining(self) -> int:
        """Points still to gain; zero once the target is met or passed."""
        return max(self.target - self.latest, 0)

    @property
    def reached(self) -> bool:
        return self.latest >= self.target


def against_targets(latest: Mapping[str, int], targets: Mapping[str, int]) -> list[TargetGap]:
    """Each dimension with a target, beside its latest score, in the questionnaire's order."""
    return [
        TargetGap(dimension=name, latest=latest[name], target=targets[name])
        for name in DIMENSIONS
        if name in targets and name in latest
    ]
