"""Everything an assessment's answers say, computed in one place for the page and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .questionnaire import Question, Questionnaire
from .recommendations import MAX_RECOMMENDATIONS, Recommendation, answers_to_change, recommend
from .scoring import Scores, knowledge_gaps, score
from .segments import SegmentResult, place


@dataclass(frozen=True)
class AssessmentResult:
    scores: Scores
    segment: SegmentResult
    # Every applicable recommendation, best first: the report gives advice per dimension.
    applicable_recommendations: tuple[Recommendation, ...]
    knowledge_gaps: tuple[Question, ...]

    @property
    def recommendations(self) -> tuple[Recommendation, ...]:
        """The few the results page and the plan lead with."""
        return self.applicable_recommendations[:MAX_RECOMMENDATIONS]

    @property
    def answers_to_change(self) -> frozenset[str]:
        """Every answer an action asks to change, the report's per-dimension advice included:
        the comparisons must not praise any of them."""
        return answers_to_change(self.applicable_recommendations)


def assess(questionnaire: Questionnaire, answers: Mapping[str, object]) -> AssessmentResult:
    scores = score(questionnaire, answers)
    segment = place(questionnaire, answers)
    return AssessmentResult(
        scores=scores,
        segment=segment,
        # Ranked once: the first few are the same whatever the limit.
        applicable_recommendations=recommend(questionnaire, answers, scores, segment, limit=None),
        knowledge_gaps=tuple(knowledge_gaps(questionnaire, answers)),
    )
