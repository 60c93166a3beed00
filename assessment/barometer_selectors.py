"""Reads for the barometer: the companies that count, placed as the study would and as their
answers show, summed up by benchmarks.barometer and cached until the population changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min
from django.utils import timezone

from benchmarks.barometer import (
    BAROMETER_CELL_MINIMUM,
    HEADLINE_FIGURE_IDS,
    Barometer,
    CountedCompany,
    HeadlineQuestion,
    Share,
    barometer,
    headline_question,
)
from benchmarks.figures import Figure, can_be_compared, load_figures

from .domain.questionnaire import Questionnaire, load_questionnaire
from .domain.segments import SEGMENTS, measured_placement, study_placement
from .selectors import peer_data_version, peer_population, segment_figures

# Bump when what the barometer computes changes: cached barometers of the old kind are then
# never served again.
BAROMETER_VERSION = "2"


def _headline_questions(questionnaire: Questionnaire) -> list[HeadlineQuestion]:
    """The study figures our respondents are set beside, when their study may be compared at all
    and they name a question of the questionnaire."""
    questions = []
    figures = load_figures()
    for figure_id in HEADLINE_FIGURE_IDS:
        figure = figures.get(figure_id)
        if figure is None or not can_be_compared(figure.study):
            continue
        question = headline_question(figure_id, figure.speaks_to)
        if question is None or not questionnaire.has_question(question.question_id):
            continue
        options = questionnaire.question(question.question_id).options
        unknown = {option.value for option in options if option.dont_know}
        questions.append(headline_question(figure_id, figure.speaks_to, unknown))
    return questions


def _counted_companies(headline_ids: set[str]) -> Iterator[CountedCompany]:
    """Every company that counts, placed from its answers (the source of truth) with the
    questionnaire version it answered."""
    questionnaires: dict[str, Questionnaire] = {}
    rows = peer_population().values_list(
        "assessment__answers", "assessment__questionnaire_version", "assessment__completed_at"
    )
    for answers, version, completed_at in rows.iterator(chunk_size=2000):
        if version not in questionnaires:
            questionnaires[version] = load_questionnaire(version)
        yield CountedCompany(
            study_segment=study_placement(answers).segment,
            measured_segment=measured_placement(questionnaires[version], answers).segment,
            headcount=answers.get("headcount", ""),
            sector=answers.get("sector", ""),
            completed_on=timezone.localdate(completed_at),
            answers={key: answers.get(key) for key in headline_ids},
        )


def barometer_cache_key() -> str:
    """Changes whenever a company enters, leaves or changes among those that count, and with the
    demonstration setting: a deletion or a withdrawn consent is out of the next page at once."""
    include_synthetic = settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC
    return f"barometer:{BAROMETER_VERSION}:{include_synthetic}:{peer_data_version()}"


def current_barometer() -> Barometer:
    key = barometer_cache_key()
    cached = cache.get(key)
    if cached is not None:
        return cached
    questionnaire = load_questionnaire()
    headlines = _headline_questions(questionnaire)
    result = barometer(
        _counted_companies({question.question_id for question in headlines}),
        segments=SEGMENTS,
        size_bands=questionnaire.question("headcount").option_values(),
        sectors=questionnaire.question("sector").option_values(),
        headlines=headlines,
    )
    cache.set(key, result, timeout=settings.PEER_BENCHMARKS_CACHE_SECONDS)
    return result


@dataclass(frozen=True)
class BarometerPage:
    """Everything the barometer page shows."""

    barometer: Barometer
    questionnaire: Questionnaire
    segment_figures: dict[str, Figure]
    headline_figures: dict[str, Figure]
    includes_synthetic: bool


def barometer_page() -> BarometerPage:
    figures = load_figures()
    return BarometerPage(
        barometer=current_barometer(),
        questionnaire=load_questionnaire(),
        segment_figures=segment_figures(),
        headline_figures={fid: figures[fid] for fid in HEADLINE_FIGURE_IDS if fid in figures},
        includes_synthetic=settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC,
    )


@dataclass(frozen=True)
class RespondentsInSegment:
    total: int  # the companies that count
    since: date  # the first of them to finish
    share: Share  # those in the segment, as the study places them


def respondents_in_segment(segment: str) -> RespondentsInSegment | None:
    """The share of the companies that count that the study would place in this segment, for
    the results page and the report; None below the barometer's minimum.

    Counted in the database from the placement stored at completion, rather than from the whole
    barometer: every results page asks, and the barometer reads every company's answers."""
    counted = peer_population()
    state = counted.aggregate(total=Count("pk"), first=Min("assessment__completed_at"))
    if state["total"] < BAROMETER_CELL_MINIMUM:
        return None
    in_segment = counted.filter(assessment__segment=segment).count()
    return RespondentsInSegment(
        total=state["total"],
        since=timezone.localdate(state["first"]),
        share=Share(in_segment, state["total"]),
    )
