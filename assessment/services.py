"""Use cases of the self-serve assessment: one function each, atomic where they write."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q
from django.utils import timezone

from benchmarks.peers import (
    SCORE_COLUMNS,
    PeerGroup,
    group_histograms,
    peer_groups,
    without_company,
)

from .domain.questionnaire import Questionnaire, clean_answer, load_questionnaire, missing_answers
from .domain.results import AssessmentResult, assess
from .domain.scoring import score
from .domain.segments import study_placement
from .models import Assessment, Origin, PeerScore


class IncompleteAssessment(Exception):
    def __init__(self, missing_question_ids: list[str]):
        super().__init__(", ".join(missing_question_ids))
        self.missing_question_ids = missing_question_ids


def questionnaire_of(assessment: Assessment) -> Questionnaire:
    return load_questionnaire(assessment.questionnaire_version)


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
    attached to. Reached through the reverse relations, so this app imports nothing of theirs."""
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
    questionnaire = questionnaire_of(locked)
    missing = missing_answers(questionnaire, locked.answers)
    if missing:
        raise IncompleteAssessment([question.id for question in missing])
    _store_scores(locked, questionnaire)
    if locked.completed_at is None:
        locked.completed_at = timezone.now()
    locked.save()
    assessment_update_peer_benchmarks(assessment=locked)
    return assess(questionnaire, locked.answers)


def is_frozen(assessment: Assessment) -> bool:
    """Answers that no longer change through the public questionnaire: a workshop's agreed
    answers (the consultant's form changes them) and an assessment on a client's timeline."""
    if assessment.origin == Origin.CONSENSUS:
        return True
    try:
        assessment.attachment  # noqa: B018 - the question is whether it exists
    except ObjectDoesNotExist:
        return False
    return True


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


def _peer_population():
    counted = PeerScore.objects.all()
    if not settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC:
        counted = counted.filter(is_synthetic=False)
    return counted


def peer_data_version() -> str:
    """Changes whenever a row enters, leaves or changes in the peer population."""
    state = PeerScore.objects.aggregate(count=Count("pk"), last=Max("updated_at"))
    return f"{state['count']}-{state['last'].timestamp() if state['last'] else 0}"


def _histograms(headcount: str, sector: str):
    include_synthetic = settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC
    key = f"peers:{headcount}:{sector}:{include_synthetic}:{peer_data_version()}"
    histograms = cache.get(key)
    if histograms is None:
        histograms = group_histograms(_peer_rows(headcount, sector))
        cache.set(key, histograms, timeout=settings.PEER_BENCHMARKS_CACHE_SECONDS)
    return histograms


def _peer_rows(headcount: str, sector: str):
    """Every peer sharing the size band or the sector: whether it shares each, and its scores.

    Read from the narrow peer table, as integers only, so tens of thousands of rows load fast.
    """
    return (
        _peer_population()
        .filter(Q(headcount=headcount) | Q(sector=sector))
        .annotate(
            same_size=ExpressionWrapper(Q(headcount=headcount), output_field=BooleanField()),
            same_sector=ExpressionWrapper(Q(sector=sector), output_field=BooleanField()),
        )
        .values_list("same_size", "same_sector", *SCORE_COLUMNS)
    )


def assessment_peer_groups(assessment: Assessment) -> tuple[PeerGroup, ...]:
    """Where the company stands among completed assessments of its size, its sector, and both."""
    scores = assessment.score_values()
    # The answers, not a copy: they are the source of truth.
    histograms = _histograms(
        assessment.answers.get("headcount", ""), assessment.answers.get("sector", "")
    )
    if _peer_population().filter(assessment=assessment).exists():
        histograms = without_company(histograms, scores)
    return peer_groups(histograms, scores)


@transaction.atomic
def assessment_delete(*, assessment: Assessment) -> None:
    """Delete a respondent's assessment and everything derived from it.

    Its peer row goes with it (cascade), which changes the peer data's version, so no cached
    percentile still counts it; its cached reports are dropped too.
    """
    from .reports.pdf import forget_reports  # the report module depends on this one

    forget_reports(assessment)
    assessment.delete()


def unfinished_assessments_older_than(days: int):
    cutoff = timezone.now() - timezone.timedelta(days=days)
    return Assessment.objects.filter(
        origin=Origin.SELF_SERVE, completed_at__isnull=True, updated_at__lt=cutoff
    )


@transaction.atomic
def purge_unfinished_assessments(*, days: int) -> int:
    deleted, _ = unfinished_assessments_older_than(days).delete()
    return deleted
