"""Use cases of the self-serve assessment: one function each, atomic where they write.

Each refuses what the rules do not allow with a named exception (see refusals.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone

from .domain.questionnaire import Questionnaire, clean_answer, missing_answers
from .domain.results import AssessmentResult, assess
from .domain.scoring import score
from .domain.segments import study_placement
from .history import company_assessments
from .models import Assessment, Origin, PeerDataVersion, PeerScore, new_token
from .refusals import AnswersFrozen, IncompleteAssessment, WorkshopClosed, WorkshopInDiscussion
from .reports.models import PreparedReport
from .selectors import (
    is_frozen,
    participant_of,
    respondent_assessment,
    unfinished_assessments_older_than,
)
from .teams.models import Team
from .workshops.models import Workshop


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
    elif assessment.origin != Origin.PARTICIPANT:
        # A participant's answers never enter, so there is no row of theirs to take out.
        deleted, _ = PeerScore.objects.filter(assessment=assessment).delete()
        if deleted:
            PeerDataVersion.bump()


def counts_among_peers(assessment: Assessment) -> bool:
    """Who counts among peers and in the barometer, the one place that says it: a finished
    self-serve assessment whose respondent said yes, or, once a consultant's client holds it, with
    the client's consent; a workshop's agreed answers only with the client's consent; a workshop
    participant never (one person's view, not the company's); nor one finished past the
    per-address limit (assessment_complete)."""
    if (
        not assessment.is_complete
        or not assessment.peer_eligible
        or assessment.origin == Origin.PARTICIPANT
    ):
        return False
    client = _client_holding(assessment)
    if assessment.origin == Origin.SELF_SERVE:
        if client is not None:
            return client.peer_benchmarks_consent
        return assessment.peer_benchmarks_consent is True
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
    PeerDataVersion.bump()


@transaction.atomic
def assessment_set_peer_consent(*, assessment: Assessment, consent: bool) -> None:
    """The respondent's answer to "may your anonymous answers count?": a yes counts them at
    once, a no takes them out at once. A client's assessment follows the client (AnswersFrozen)."""
    respondent_assessment(assessment)
    if is_frozen(assessment):
        raise AnswersFrozen
    assessment.peer_benchmarks_consent = consent
    assessment.save(update_fields=["peer_benchmarks_consent", "updated_at"])
    assessment_update_peer_benchmarks(assessment=assessment)


def assessment_check_answerable(assessment: Assessment) -> None:
    """Refuse answers that may no longer change: agreed or attached answers (AnswersFrozen), a
    participant's once the workshop is closed (WorkshopClosed) or once the group's results are
    shown, unless let in (WorkshopInDiscussion); what was saved before stays."""
    if is_frozen(assessment):
        raise AnswersFrozen
    participant = participant_of(assessment)
    if participant is None:
        return
    if not participant.workshop.is_open:
        raise WorkshopClosed(participant.workshop)
    if not participant.can_answer:
        raise WorkshopInDiscussion(participant.workshop)


@transaction.atomic
def assessment_save_answers(
    *,
    assessment: Assessment,
    answers: Mapping[str, object],
    language: str | None = None,
    complete: bool = False,
    within_peer_limit: Callable[[], bool] | None = None,
) -> Assessment:
    """Merge answers into the stored ones. An answer of None removes a stored answer.

    The row is locked while merging, so two tabs saving different steps at once both keep their
    answers. A completed assessment whose answers change keeps its scores in step with them.
    With `complete`, the assessment is completed in the same write when no required answer is
    missing (the last step); otherwise the answers are saved and it stays as it was.
    """
    return assessment_save_locked_answers(
        locked=_locked(assessment),
        answers=answers,
        language=language,
        complete=complete,
        within_peer_limit=within_peer_limit,
    )


def assessment_save_locked_answers(
    *,
    locked: Assessment,
    answers: Mapping[str, object],
    language: str | None = None,
    complete: bool = False,
    within_peer_limit: Callable[[], bool] | None = None,
) -> Assessment:
    """`assessment_save_answers` on a row the caller has read locked
    (`selectors.assessments_with_context(locked=True)`) in the transaction it is still in: a step
    save then reads its row once, not once to check it and again to lock it."""
    if transaction.get_autocommit():
        raise RuntimeError("the row must be read locked in the transaction that saves it")
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
    answered = not missing_answers(questionnaire, merged)
    if complete and answered:
        _complete(locked, questionnaire, within_peer_limit)
        return locked
    rescored = locked.is_complete and answered
    if rescored:
        _store_scores(locked, questionnaire)
        locked.save()
    else:
        # A step in progress changes its answers alone: a narrower row write.
        locked.save(update_fields=["answers", "language", "updated_at"])
    if rescored and PeerScore.objects.filter(assessment=locked).exists():
        _count_in_peer_benchmarks(locked)
    return locked


def _locked(assessment: Assessment) -> Assessment:
    """The assessment's row, locked until the transaction ends, with what the rules ask of it
    next (frozen? a participant's? is the workshop open?) read in the same query."""
    return (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("participant__workshop", "attachment")
        .get(pk=assessment.pk)
    )


def _complete(
    locked: Assessment,
    questionnaire: Questionnaire,
    within_peer_limit: Callable[[], bool] | None = None,
) -> None:
    """Score and finish. `within_peer_limit` is asked once, when a self-serve assessment is
    first finished: past the limit it is scored but never counted among peers."""
    _store_scores(locked, questionnaire)
    if locked.completed_at is None:
        locked.completed_at = timezone.now()
        if within_peer_limit is not None and locked.origin == Origin.SELF_SERVE:
            locked.peer_eligible = within_peer_limit()
    locked.save()
    assessment_update_peer_benchmarks(assessment=locked)


@transaction.atomic
def assessment_complete(
    *, assessment: Assessment, within_peer_limit: Callable[[], bool] | None = None
) -> AssessmentResult:
    locked = _locked(assessment)
    questionnaire = locked.questionnaire()
    missing = missing_answers(questionnaire, locked.answers)
    if missing:
        raise IncompleteAssessment([question.id for question in missing])
    _complete(locked, questionnaire, within_peer_limit)
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
    _forget_teams([assessment.pk])
    assessment.delete()
    PeerDataVersion.bump()


def _forget_teams(owner_pks: list[int]) -> None:
    """A team's colleagues' answers go with the private link that invited them: the team's
    workshop and every colleague's assessment (their participant rows with them)."""
    teams = Team.objects.filter(owner__in=owner_pks)
    Assessment.objects.filter(participant__workshop__team__in=teams).delete()
    Workshop.objects.filter(team__in=teams).delete()


@transaction.atomic
def purge_unfinished_assessments(*, days: int) -> int:
    _forget_teams(list(unfinished_assessments_older_than(days).values_list("pk", flat=True)))
    deleted, _ = unfinished_assessments_older_than(days).delete()
    return deleted


# A company over time: its retakes, its address, all its assessments deleted together


@transaction.atomic
def assessment_retake(*, assessment: Assessment, language: str) -> Assessment:
    """A new assessment of the same company, its steps pre-filled with these answers.

    Only from a finished self-serve assessment (NotSelfServe, IncompleteAssessment otherwise). A
    retake already under way is continued rather than doubled.
    """
    respondent_assessment(assessment)
    if not assessment.is_complete:
        raise IncompleteAssessment([])
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not locked.company_key:
        locked.company_key = new_token()
        locked.save(update_fields=["company_key"])
    under_way = (
        Assessment.objects.filter(
            company_key=locked.company_key, origin=Origin.SELF_SERVE, completed_at__isnull=True
        )
        .order_by("-created_at")
        .first()
    )
    if under_way is not None:
        return under_way
    return Assessment.objects.create(
        language=language,
        respondent_key=locked.respondent_key,
        company_key=locked.company_key,
        previous=locked,
    )


@transaction.atomic
def company_delete(*, assessment: Assessment) -> int:
    """Delete every self-assessment of the company this one belongs to; returns how many."""
    respondent_assessment(assessment)
    doomed = company_assessments(assessment)
    for each in doomed:
        assessment_forget_reports(assessment=each)
    _forget_teams([each.pk for each in doomed])
    Assessment.objects.filter(pk__in=[each.pk for each in doomed]).delete()
    return len(doomed)


def assessment_keep_email(*, assessment: Assessment, email: str) -> None:
    """Keep the address the company gave to receive its link and report (NotSelfServe for a
    workshop's answers: a participant's link is not theirs to mail)."""
    respondent_assessment(assessment)
    assessment.email = email
    assessment.save(update_fields=["email"])


def assessment_forget_email(*, assessment: Assessment) -> None:
    """Forget the company's address on every one of its assessments."""
    respondent_assessment(assessment)
    pks = [each.pk for each in company_assessments(assessment)]
    Assessment.objects.filter(pk__in=pks).update(email="")
    assessment.email = ""
