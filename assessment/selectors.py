"""Reads of an assessment: one function per page or report, returning everything it needs.

The results page and the report each make one call here; what they get is plain values, ready for
the presenters to put into words. Nothing here writes, except the peer histograms' cache.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from benchmarks.compare import (
    Comparison,
    Distribution,
    Ladder,
    compare_all,
    distributions,
    findings_for,
    in_bpifrance_population,
)
from benchmarks.figures import (
    Figure,
    Finding,
    SectorTendency,
    Study,
    figure_for,
    sector_tendency_of,
    studies_in_order,
)
from benchmarks.peers import (
    PEER_GROUP_MINIMUM,
    SCORE_COLUMNS,
    PeerGroup,
    group_histograms,
    peer_groups,
    without_company,
)

from .domain.questionnaire import MULTI, SINGLE, Questionnaire, first_step_missing
from .domain.recommendations import Recommendation, strengths
from .domain.results import AssessmentResult, assess
from .domain.segments import SEGMENTS
from .models import Assessment, Origin, PeerDataVersion, PeerScore
from .refusals import NotSelfServe
from .workshops.selectors import (
    GroupView,
    consultancy_of,
    workshop_group,
    workshop_of,
    workshop_version,
)

# Bump when the report's template or content changes: cached reports of the old version are
# then never served again.
REPORT_VERSION = "2026-11.10"


def assessments_with_context(*, locked: bool = False):
    """Assessments with what their pages ask of them next: frozen (attached)? a participant's,
    in which workshop? started from which consultancy's campaign, under whose brand? One query
    for the row and its answers to all four; the brand without its logo's bytes (the logo has an
    address of its own). `locked`, inside a transaction: the assessment's row (its own alone)
    stays locked until the transaction ends, as a save needs it."""
    assessments = Assessment.objects.select_related(
        "participant__workshop", "attachment", "campaign_entry__campaign__consultancy"
    ).defer("campaign_entry__campaign__consultancy__logo")
    return assessments.select_for_update(of=("self",)) if locked else assessments


def assessment_result(assessment: Assessment) -> AssessmentResult:
    return assess(assessment.questionnaire(), assessment.answers)


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


def participant_of(assessment: Assessment):
    """The workshop participant whose answers these are, if any."""
    try:
        return assessment.participant
    except ObjectDoesNotExist:
        return None


def participant_workshop(assessment: Assessment):
    """The workshop this assessment answers in, for a participant's; None otherwise."""
    try:
        return assessment.participant.workshop
    except ObjectDoesNotExist:
        return None


def first_step_to_answer(assessment: Assessment) -> int | None:
    """The 1-based step holding the first required question without an answer, if any."""
    return first_step_missing(assessment.questionnaire(), assessment.answers)


def respondent_assessment(assessment: Assessment) -> Assessment:
    """The assessment as its respondent may download or delete it from the private link."""
    if not assessment.is_self_serve:
        raise NotSelfServe
    return assessment


def unfinished_assessments_older_than(days: int):
    cutoff = timezone.now() - timezone.timedelta(days=days)
    return Assessment.objects.filter(
        origin=Origin.SELF_SERVE, completed_at__isnull=True, updated_at__lt=cutoff
    )


# Peers


def peer_population():
    """The assessments that count: peer comparisons and the barometer both read these."""
    counted = PeerScore.objects.all()
    if not settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC:
        counted = counted.filter(is_synthetic=False)
    return counted


def peer_data_version() -> str:
    """Changes whenever a row enters, leaves or changes in the peer population."""
    return str(PeerDataVersion.current())


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
        peer_population()
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
    if peer_population().filter(assessment=assessment).exists():
        histograms = without_company(histograms, scores)
    return peer_groups(histograms, scores)


# Published figures


def ladders(questionnaire: Questionnaire) -> dict[str, Ladder]:
    """Each question's options as the comparisons need them, in questionnaire order.

    Only a scored question's options run from weaker to stronger practice; a perception (feeling
    behind) or a context answer has no "ahead", so its figures are read without one.
    """
    return {
        question.id: Ladder(
            ordered=question.option_values()
            if question.kind == SINGLE and question.is_scored
            else (),
            unknown_values=frozenset(o.value for o in question.options if o.dont_know),
            multiple=question.kind == MULTI,
        )
        for question in questionnaire.questions
    }


def segment_figures() -> dict[str, Figure]:
    """The study's share of each of its four segments, in the study's order."""
    return {key: figure for key in SEGMENTS if (figure := figure_for(f"segment:{key}"))}


# The results page and the report


@dataclass(frozen=True)
class AssessmentResults:
    """Everything the results page shows, read at once."""

    assessment: Assessment
    questionnaire: Questionnaire
    result: AssessmentResult
    comparisons: list[Comparison]
    distributions: list[Distribution]
    findings: list[Finding]  # what the studies found without a share, beside the answers
    studies: list[Study]  # the most comparable first
    segment_figures: dict[str, Figure]
    sector_tendency: SectorTendency | None
    in_study_population: bool
    peers: tuple[PeerGroup, ...]
    peers_include_synthetic: bool
    frozen: bool


def assessment_results(assessment: Assessment) -> AssessmentResults:
    questionnaire = assessment.questionnaire()
    answers = assessment.answers
    question_ladders = ladders(questionnaire)
    result = assess(questionnaire, answers)
    return AssessmentResults(
        assessment=assessment,
        questionnaire=questionnaire,
        result=result,
        comparisons=compare_all(answers, question_ladders, to_change=result.answers_to_change),
        distributions=distributions(answers, question_ladders),
        findings=findings_for(answers, question_ladders),
        studies=studies_in_order(),
        segment_figures=segment_figures(),
        sector_tendency=sector_tendency_of(answers),
        in_study_population=in_bpifrance_population(answers),
        peers=assessment_peer_groups(assessment),
        peers_include_synthetic=settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC,
        frozen=is_frozen(assessment),
    )


def _from_campaign(assessment: Assessment) -> bool:
    try:
        assessment.campaign_entry  # noqa: B018 - the question is whether it exists
    except ObjectDoesNotExist:
        return False
    return True


class AssessmentReport:
    """Everything a report needs. What its cache key needs is read at once, as every download
    asks for it; the content only when the report is rendered, as a cached report needs none."""

    def __init__(self, assessment: Assessment):
        self.assessment = assessment
        self.workshop = workshop_of(assessment)
        # Without the logo's bytes: the key needs only the brand's name, logo key and colour.
        self.consultancy = consultancy_of(assessment)
        # A company's own answers from a consultancy's campaign link: the consultancy offered the
        # assessment, it did not prepare it (until the company becomes its client).
        self.offered_by_consultancy = (
            self.consultancy is not None
            and self.workshop is None
            and not is_frozen(assessment)
            and _from_campaign(assessment)
        )

    def cache_key(self, language: str, *, with_peers: bool = True) -> str:
        """The same answers, language, report version and peer data give the same report.

        Without the peer data, the key of a report whose peer figures may be somewhat older: the
        prepared reports' key, since on a busy day every completion elsewhere changes the peers.
        """
        assessment, workshop, consultancy = self.assessment, self.workshop, self.consultancy
        content = json.dumps(
            {
                "answers": assessment.answers,
                "questionnaire": assessment.questionnaire_version,
                "completed": assessment.completed_at.isoformat() if assessment.completed_at else "",
                "language": language,
                "report": REPORT_VERSION,
                # The report says how many years old each figure is: a new year, a new report.
                "year": timezone.localdate().year,
                "peers": peer_data_version() if with_peers else "",
                "workshop": workshop_version(workshop) if workshop else "",
                "dissent": workshop.dissent_notes if workshop else {},
                "brand": f"{consultancy.name}|{consultancy.logo_key}|{consultancy.accent_colour}"
                if consultancy
                else "",
                "offered": self.offered_by_consultancy,
                "synthetic": settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC,
                "peer_minimum": PEER_GROUP_MINIMUM,
            },
            sort_keys=True,
        )
        return "report:" + hashlib.sha256(content.encode()).hexdigest()

    @cached_property
    def results(self) -> AssessmentResults:
        return assessment_results(self.assessment)

    @property
    def every_recommendation(self) -> tuple[Recommendation, ...]:
        """Not only the few on the results page: the report gives advice per dimension."""
        return self.results.result.applicable_recommendations

    @cached_property
    def strengths(self) -> list[str]:
        result = self.results.result
        questionnaire = self.results.questionnaire
        # What the first actions and the path to the next segment ask to change.
        addressed = {rec.dimension for rec in result.recommendations} | {
            questionnaire.question(change.question_id).dimension
            for change in result.segment.path
            if questionnaire.has_question(change.question_id)
        }
        return strengths(result.scores, addressed)

    @cached_property
    def group(self) -> GroupView | None:
        """For a workshop's agreed answers: how the group got there."""
        return workshop_group(self.workshop) if self.workshop else None


def assessment_report(assessment: Assessment) -> AssessmentReport:
    return AssessmentReport(assessment)


def report_cache_key(assessment: Assessment, language: str) -> str:
    return assessment_report(assessment).cache_key(language)
