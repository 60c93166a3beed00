"""Reads of a company's assessments over time: what moved between two of them, the company's
own successive self-assessments, and the answers that pre-fill a retake.

Both the consultants' progress page and a company's own results read what moved from here, so
the rules (questions shared across versions, actions acted on) are applied in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .domain.progress import ActedOn, Comparison, acted_on, compare
from .domain.questionnaire import Questionnaire, Section
from .domain.results import assess
from .models import Assessment, Origin


@dataclass(frozen=True)
class Change:
    """What moved between two assessments of one company."""

    before: Assessment
    after: Assessment
    before_questionnaire: Questionnaire
    after_questionnaire: Questionnaire
    comparison: Comparison
    acted_on: list[ActedOn]


def change_between(before: Assessment, after: Assessment) -> Change:
    before_questionnaire, after_questionnaire = before.questionnaire(), after.questionnaire()
    earlier = assess(before_questionnaire, before.answers).recommendations
    return Change(
        before=before,
        after=after,
        before_questionnaire=before_questionnaire,
        after_questionnaire=after_questionnaire,
        comparison=compare(
            before_questionnaire, before.answers, after_questionnaire, after.answers
        ),
        acted_on=acted_on(earlier, after_questionnaire, before.answers, after.answers),
    )


def company_assessments(assessment: Assessment) -> list[Assessment]:
    """Every self-assessment of the company this one belongs to, oldest first, itself included.

    A company is known by its shared key alone: nothing else ties two private links together.
    """
    if not assessment.company_key:
        return [assessment]
    return list(
        Assessment.objects.filter(
            company_key=assessment.company_key, origin=Origin.SELF_SERVE
        ).order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class CompanyHistory:
    """A company's self-assessments as its results page shows them."""

    assessments: list[Assessment]  # all of them, unfinished ones included, oldest first
    completed: list[Assessment]  # the finished ones up to the one shown, oldest first
    change: Change | None  # since the finished one before the one shown

    @property
    def unfinished(self) -> Assessment | None:
        """A retake under way, to continue rather than start another."""
        return next((a for a in reversed(self.assessments) if not a.is_complete), None)


def company_history(assessment: Assessment) -> CompanyHistory:
    assessments = company_assessments(assessment)
    completed = sorted(
        (a for a in assessments if a.is_complete), key=lambda a: (a.completed_at, a.pk)
    )
    if assessment in completed:
        completed = completed[: completed.index(assessment) + 1]
    change = change_between(completed[-2], completed[-1]) if len(completed) >= 2 else None
    return CompanyHistory(assessments=assessments, completed=completed, change=change)


def prefilled_answers(assessment: Assessment, section: Section) -> dict[str, object]:
    """The previous assessment's answers to this step, while the step is still to confirm.

    A step counts as confirmed once any of its answers is saved in the retake: from then on what
    the company saved stands, even an answer it chose to clear.
    """
    previous = assessment.previous
    if previous is None or assessment.is_complete:
        return {}
    ids = [question.id for question in section.questions]
    if any(question_id in assessment.answers for question_id in ids):
        return {}
    return {
        question_id: previous.answers[question_id]
        for question_id in ids
        if question_id in previous.answers
    }
