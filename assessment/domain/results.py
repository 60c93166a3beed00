"""Everything an assessment's answers say, computed in one place for the page and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import Question, Questionnaire
from .recommendations import Recommendation, answers_to_change, recommend
from .scoring import Scores, knowledge_gaps, score
from .segments import SegmentResult, place


@dataclass(frozen=True)
class AssessmentResult:
    scores: Scores
    segment: SegmentResult
    recommendations: tuple[Recommendation, ...]
    knowledge_gaps: tuple[Question, ...]
    # Every answer an action asks to change, the report's per-dimension advice included: the
    # comparisons must not praise any of them.
    answers_to_change: frozenset[str]


def assess(questionnaire: Questionnaire, answers: Mapping[str, object]) -> AssessmentResult:
    scores = score(questionnaire, answers)
    segment = place(questionnaire, answers)
    return AssessmentResult(
        scores=scores,
        segment=segment,
        recommendations=recommend(questionnaire, answers, scores, segment),
        knowledge_gaps=tuple(knowledge_gaps(questionnaire, answers)),
        answers_to_change=answers_to_change(
            recommend(questionnaire, answers, scores, segment, limit=None)
        ),
    )
