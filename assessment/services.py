"""Use cases of the self-serve assessment: one function each, atomic where they write.

Each refuses what the rules do not allow with a named exception (see refusals.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone

from .domain.questionnaire import Questionnaire, clean_answer, missing_answers
from .domain.results import AssessmentResult, assess
from .domain.scoring import score
from .domain.segments import study_placement
from .models import Assessment, Origin, PeerScore
from .refusals import AnswersFrozen, IncompleteAssessment, WorkshopClosed
from .reports.models import PreparedReport
from .selectors import (
    is_frozen,
    participant_workshop,
    respondent_assessment,
    unfinished_assessments_older_than,
)


def assessment_start(*, language: str, respondent_key: str = "") -> Assessment:
    return Assessment.objects.create(language=language, respondent_key=respondent_key)


def _store_scores(assessment: Assessment, questionnaire: Questionnaire) -> None:
    """Copy what listing and peer comparison need out of the answers."""
    assessment.set_scores(score(questionnaire, assessment.answers))
    assessment.segment = study_placement(assessment.answers).segment


def assessment_update_peer_benchmarks(*, assessment: Assessment) -> None:
    """Put the assessment in the peer benchmarks or take it out, as `counts_among_peers` says:
    called whenever something it depends on changes (completion, consent, attachment)."""
    if counts_among_peers(assessment):
        _count_in_peer_benchmarks(assessment)
    else:
        PeerScore.objects.filter(assessment=assessment).delete()


def counts_among_peers(assessment: Assessment) -> bool:
    """Who counts among peers, the one place that says it: a finished self-serve assessment,
    unless a consultant's client holds it without consent; a workshop's agreed answers only with
    the client's consent; a workshop participant never (one person's view, not the company's)."""
    if not assessment.is_complete:
        return False
    client = _client_holding(assessment)
    if assessment.origin == Origin.SELF_SERVE:
        return client is None or client.peer_benchmarks_consent
    if assessment.origin == Origin.CONSENSUS:
        return client is not None and client.peer_benchmarks_consent
    return False


def _client_holding(assessment: Assessment):
    """The consultant's client an assessment stands for: its workshop's, or the one it is
    attached to. Reached through the reverse relations, so this module imports nothing of theirs."""
    for relation in ("workshop", "attachment"):
        try:
            return getattr(assessment, relation).client
        except ObjectDoesNotExist:
            continue
    return None


def _count_in_peer_benchmarks(assessment: Assessment) -> None:
    """Make this assessment its respondent's one row in the peer benchmarks."""
    if assessment.respondent_key:
        PeerScore.objects.filter(assessment__respondent_key=assessment.respondent_key).exclude(
            assessment=assessment
        ).delete()
    PeerScore.objects.update_or_create(
        assessment=assessment,
        defaults={
            "is_synthetic": assessment.is_synthetic,
            "headcount": assessment.answers.get("headcount", ""),
            "sector": assessment.answers.get("sector", ""),
            **assessment.score_values(),
        },
    )


def assessment_check_answerable(assessment: Assessment) -> None:
    """Refuse answers that may no longer change: agreed or attached answers (AnswersFrozen), and
    a participant's once the workshop is closed (WorkshopClosed); what was saved before stays."""
    if is_frozen(assessment):
        raise AnswersFrozen
    workshop = participant_workshop(assessment)
    if workshop is not None and not workshop.is_open:
        raise WorkshopClosed(workshop)


@transaction.atomic
def assessment_save_answers(
    *, assessment: Assessment, answers: Mapping[str, object], language: str | None = None
) -> Assessment:
    """Merge answers into the stored ones. An answer of None removes a stored answer.

    The row is locked while merging, so two tabs saving different steps at once both keep their
    answers. A completed assessment whose answers change keeps its scores in step with them.
    """
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    assessment_check_answerable(locked)
    questionnaire = locked.questionnaire()
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
    rescored = locked.is_complete and not missing_answers(questionnaire, merged)
    if rescored:
        _store_scores(locked, questionnaire)
    locked.save()
    if rescored and PeerScore.objects.filter(assessment=locked).exists():
        _count_in_peer_benchmarks(locked)
    return locked


@transaction.atomic
def assessment_complete(*, assessment: Assessment) -> AssessmentResult:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    questionnaire = locked.questionnaire()
    missing = missing_answers(questionnaire, locked.answers)
    if missing:
        raise IncompleteAssessment([question.id for question in missing])
    _store_scores(locked, questionnaire)
    if locked.completed_at is None:
        locked.completed_at = timezone.now()
    locked.save()
    assessment_update_peer_benchmarks(assessment=locked)
    return assess(questionnaire, locked.answers)


def assessment_forget_reports(*, assessment: Assessment) -> None:
    """Drop an assessment's prepared reports, in every language, before the assessment goes."""
    PreparedReport.objects.filter(assessment=assessment).delete()


@transaction.atomic
def assessment_delete(*, assessment: Assessment) -> None:
    """Delete a respondent's assessment and everything derived from it.

    Only a self-serve one: a participant's and a workshop's agreed answers are the client's. Its
    peer row goes with it (cascade), which changes the peer data's version, so no cached
    percentile still counts it; its cached reports are dropped too.
    """
    respondent_assessment(assessment)
    assessment_forget_reports(assessment=assessment)
    assessment.delete()


@transaction.atomic
def purge_unfinished_assessments(*, days: int) -> int:
    deleted, _ = unfinished_assessments_older_than(days).delete()
    return deleted
