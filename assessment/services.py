"""Use cases of the self-serve assessment: one function each, atomic where they write."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from .domain.questionnaire import Questionnaire, clean_answer, load_questionnaire, missing_answers
from .domain.results import AssessmentResult, assess
from .models import Assessment


class IncompleteAssessment(Exception):
    def __init__(self, missing_question_ids: list[str]):
        super().__init__(", ".join(missing_question_ids))
        self.missing_question_ids = missing_question_ids


def questionnaire_of(assessment: Assessment) -> Questionnaire:
    return load_questionnaire(assessment.questionnaire_version)


def assessment_start(*, language: str) -> Assessment:
    return Assessment.objects.create(language=language)


def _store_scores(assessment: Assessment, result: AssessmentResult) -> None:
    for dimension, value in result.scores.dimensions.items():
        setattr(assessment, f"{dimension}_score", value)
    assessment.overall_score = result.scores.overall
    assessment.segment = result.segment.study.segment


@transaction.atomic
def assessment_save_answers(
    *, assessment: Assessment, answers: Mapping[str, object], language: str | None = None
) -> Assessment:
    """Merge answers into the stored ones. An answer of None removes a stored answer.

    The row is locked while merging, so two tabs saving different steps at once both keep their
    answers. A completed assessment whose answers change keeps its scores in step with them.
    """
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    questionnaire = questionnaire_of(locked)
    merged = dict(locked.answers)
    for question_id, raw in answers.items():
        value = clean_answer(questionnaire.question(question_id), raw) if raw is not None else None
        if value is None:
            merged.pop(question_id, None)
        else:
            merged[question_id] = value
    locked.answers = merged
    if language:
        locked.language = language
    if locked.is_complete and not missing_answers(questionnaire, merged):
        _store_scores(locked, assess(questionnaire, merged))
    locked.save()
    return locked


@transaction.atomic
def assessment_complete(*, assessment: Assessment) -> AssessmentResult:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    questionnaire = questionnaire_of(locked)
    missing = missing_answers(questionnaire, locked.answers)
    if missing:
        raise IncompleteAssessment([question.id for question in missing])
    result = assess(questionnaire, locked.answers)
    _store_scores(locked, result)
    if locked.completed_at is None:
        locked.completed_at = timezone.now()
    locked.save()
    return result


def assessment_result(assessment: Assessment) -> AssessmentResult:
    return assess(questionnaire_of(assessment), assessment.answers)


def first_step_to_answer(assessment: Assessment) -> int | None:
    """The 1-based step holding the first required question without an answer, if any."""
    questionnaire = questionnaire_of(assessment)
    missing = {question.id for question in missing_answers(questionnaire, assessment.answers)}
    for number, section in enumerate(questionnaire.sections, start=1):
        if any(question.id in missing for question in section.questions):
            return number
    return None
