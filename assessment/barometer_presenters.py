"""The barometer in words and numbers as a reader sees them: rounded shares in each language's
typography, intervals written out, groups named as the questionnaire names them."""

from __future__ import annotations

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from benchmarks.barometer import BAROMETER_CELL_MINIMUM, Barometer, SegmentShares, Share

from .barometer_selectors import BarometerPage, respondents_in_segment
from .comparison_presenters import dated_source
from .domain.segments import MEANS_IN_STEP_THRESHOLDS, SEGMENT_NAMES, SEGMENTS
from .reports.barometer_chart import ShareBar, shares_svg
from .words import format_percent


def share_text(value: float, language: str) -> str:
    """A share rounded to a whole percent: a few dozen companies give no decimal worth reading."""
    return format_percent(round(value), language)


def interval_text(share: Share, language: str) -> str:
    low, high = share.interval
    return f"{round(low)}–{share_text(high, language)}"


def _headline_labels() -> dict[str, str]:
    return {
        "bpifrance_budget_zero": _("Spend nothing on social networks"),
        "bpifrance_strategy_none": _("Have no strategy for social networks"),
        "bpifrance_staff_untrained": _("Have not trained the people who publish"),
        "siia_measure_traffic": _("Measure results by the traffic to their website"),
    }


def _cell(share: Share | None, language: str) -> dict | None:
    if share is None:
        return None
    return {
        "share": share_text(share.percent, language),
        "interval": interval_text(share, language),
        "count": share.count,
    }


def _segment_rows(shares: SegmentShares, page: BarometerPage, language: str) -> list[dict]:
    return [
        {
            "key": key,
            "name": SEGMENT_NAMES[key].in_language(language),
            "study": page.segment_figures[key].value if key in page.segment_figures else None,
            "ours": _cell(shares.shares[key] if shares.shown else None, language),
        }
        for key in SEGMENTS
    ]


def _group_rows(groups: tuple[SegmentShares, ...], question_id: str, page, language) -> list:
    question = page.questionnaire.question(question_id)
    names = {key: SEGMENT_NAMES[key].in_language(language) for key in SEGMENTS}
    return [
        {
            "name": question.option(group.group).label.in_language(language),
            "total": group.total,
            "cells": [
                {**_cell(group.shares[key], language), "segment": names[key]} for key in SEGMENTS
            ]
            if group.shown
            else None,
        }
        for group in groups
    ]


def _chart(barometer: Barometer, page: BarometerPage, language: str) -> str:
    bars = []
    for key in SEGMENTS:
        figure = page.segment_figures.get(key)
        if figure is None:
            continue
        share = barometer.study.shares[key]
        low, high = share.interval
        bars.append(
            ShareBar(
                name=SEGMENT_NAMES[key].in_language(language),
                study=figure.value,
                study_label=format_percent(figure.value, language),
                ours=share.percent,
                ours_low=low,
                ours_high=high,
                ours_label=share_text(share.percent, language),
            )
        )
    return shares_svg(
        bars,
        title=_("Each segment's share in the Bpifrance Le Lab study and among our respondents"),
        study_name=_("Bpifrance Le Lab, 2018"),
        ours_name=_("Our respondents, with their 95% interval"),
    )


def barometer_context(page: BarometerPage, language: str) -> dict:
    with override(language):
        barometer = page.barometer
        labels = _headline_labels()
        headlines = [
            {
                "label": labels[headline.figure_id],
                "figure": page.headline_figures[headline.figure_id],
                # The age in words, as beside every comparison: a 2011 figure is not today's.
                "dated_source": dated_source(
                    page.headline_figures[headline.figure_id].study, language
                ),
                "answered": headline.answered,
                "ours": _cell(headline.share, language),
            }
            for headline in barometer.headlines
            if headline.figure_id in labels and headline.figure_id in page.headline_figures
        ]
        return {
            "barometer": barometer,
            "minimum": BAROMETER_CELL_MINIMUM,
            "includes_synthetic": page.includes_synthetic,
            # Each questionnaire places "in step" at its own score (domain/segments.py).
            "in_step_threshold": MEANS_IN_STEP_THRESHOLDS["2027-1"],
            "earlier_in_step_threshold": MEANS_IN_STEP_THRESHOLDS["2026-1"],
            "study": next(iter(page.segment_figures.values())).study
            if page.segment_figures
            else None,
            "study_rows": _segment_rows(barometer.study, page, language),
            "measured_rows": _segment_rows(barometer.measured, page, language),
            "segment_names": [SEGMENT_NAMES[key].in_language(language) for key in SEGMENTS],
            "by_size": [
                (
                    _("As the study places them"),
                    _group_rows(barometer.study_by_size, "headcount", page, language),
                ),
                (
                    _("From what they do"),
                    _group_rows(barometer.measured_by_size, "headcount", page, language),
                ),
            ],
            "by_sector": [
                (
                    _("As the study places them"),
                    _group_rows(barometer.study_by_sector, "sector", page, language),
                ),
                (
                    _("From what they do"),
                    _group_rows(barometer.measured_by_sector, "sector", page, language),
                ),
            ],
            "headlines": headlines,
            # Bpifrance's "spent nothing" counted staff costs; 2027-1 asks external spend only.
            "spending_not_compared": bool(headlines)
            and "bpifrance_budget_zero" not in {row["figure"].id for row in headlines},
            "chart_svg": mark_safe(  # noqa: S308 - every text in the markup is escaped by the builder
                _chart(barometer, page, language)
            )
            if barometer.shown
            else "",
        }


def segment_among_respondents(segment: str, language: str) -> dict | None:
    """The company's segment among the companies that took the assessment, beside the study's
    share on the results page and in the report: only from the barometer's minimum."""
    found = respondents_in_segment(segment)
    if found is None:
        return None
    return {
        "total": found.total,
        "since": found.since,
        "share": share_text(found.share.percent, language),
        "interval": interval_text(found.share, language),
        "includes_synthetic": settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC,
    }
