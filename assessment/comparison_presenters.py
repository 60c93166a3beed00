"""How the company compares, in words: each answer beside the published figures, grouped by
study, and its percentiles among peers. Part of the presenters, in a file of its own."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from benchmarks.compare import AMONG_TOP, BPIFRANCE_STUDY, LIKE, TOP
from benchmarks.figures import Study, years_since_fieldwork
from benchmarks.peers import SCORE_COLUMNS

from .words import answer_label, dimension_names, format_percent

if TYPE_CHECKING:
    from .selectors import AssessmentResults


def comparability_names() -> dict[str, str]:
    return {
        "peers": _("French SMEs and mid-caps"),
        "professionals": _("French marketing professionals"),
        "context": _("Context only: another country or another period"),
    }


def figure_age(study: Study, today: date | None = None) -> str:
    """When the study's figures were measured and how long ago, in plain words, from today."""
    age = years_since_fieldwork(study, today or timezone.localdate())
    if age is None:
        return _("year unknown")
    year = study.fieldwork_year
    if age == 0:
        return _("surveyed in %(year)s, this year") % {"year": year}
    return ngettext(
        "surveyed in %(year)s, %(count)d year ago",
        "surveyed in %(year)s, %(count)d years ago",
        age,
    ) % {"year": year, "count": age}


def dated_source(study: Study, language: str, today: date | None = None) -> str:
    """The publisher and the age of its figures: "Bpifrance Le Lab, surveyed in 2018, 8 years
    ago", said beside every comparison so that an old figure is never read as today's."""
    publisher = study.publisher_fr if language == "fr" else study.publisher_en
    return f"{publisher}, {figure_age(study, today)}"


def _reading(comparison, language: str) -> str:
    share = format_percent(comparison.company_share, language)
    if comparison.reading == LIKE:
        return _("You are among these %(share)s.") % {"share": share}
    if comparison.reading == AMONG_TOP:
        return _("You are among these %(share)s: ahead of most on this point.") % {"share": share}
    if comparison.reading == TOP:
        return _("You are among the other %(share)s: ahead of most on this point.") % {
            "share": share
        }
    return _("You are among the other %(share)s.") % {"share": share}


def comparison_items(results: AssessmentResults, language: str) -> list[dict]:
    questionnaire = results.questionnaire
    return [
        {
            "comparison": comparison,
            "figure": comparison.figure,
            "study": comparison.study,
            "question": questionnaire.question(comparison.question_id).label.in_language(language),
            "answer": answer_label(
                questionnaire, comparison.question_id, comparison.company_answer, language
            ),
            # Another country or another decade describes other companies: such a figure stands
            # beside the answer, but never says where the company stands ("among the other 50 %").
            "reading": ""
            if comparison.study.comparability == "context"
            else _reading(comparison, language),
            "dated_source": dated_source(comparison.study, language),
            "level": comparison.study.comparability,
        }
        for comparison in results.comparisons
    ]


def _distributions(results: AssessmentResults, language: str) -> list[dict]:
    questionnaire = results.questionnaire
    return [
        {
            "study": distribution.study,
            "question": questionnaire.question(distribution.question_id).label.in_language(
                language
            ),
            "level": distribution.study.comparability,
            "dated_source": dated_source(distribution.study, language),
            "items": [
                {
                    "label": answer_label(
                        questionnaire, distribution.question_id, item.value, language
                    ),
                    "figure": item.figure,
                    "chosen": item.chosen,
                }
                for item in distribution.items
            ],
        }
        for distribution in results.distributions
    ]


def _findings(results: AssessmentResults, language: str) -> list[dict]:
    return [
        {
            "study": finding.study,
            "finding": finding,
            "dated_source": dated_source(finding.study, language),
        }
        for finding in results.findings
    ]


def benchmark_blocks(results: AssessmentResults, language: str) -> list[dict]:
    """Comparisons grouped by study, the most comparable study first."""
    blocks: dict[str, dict] = {}
    for kind, items in (
        ("comparisons", comparison_items(results, language)),
        ("distributions", _distributions(results, language)),
        ("findings", _findings(results, language)),
    ):
        for item in items:
            study = item["study"]
            block = blocks.setdefault(
                study.id,
                {
                    "study": study,
                    "level": study.comparability,
                    "level_name": comparability_names()[study.comparability],
                    "dated_source": dated_source(study, language),
                    "outside_population": study.id == BPIFRANCE_STUDY
                    and not results.in_study_population,
                    "comparisons": [],
                    "distributions": [],
                    "findings": [],
                },
            )
            block[kind].append(item)
    for block in blocks.values():
        # A folded block says how much it holds before it is opened.
        kinds = ("comparisons", "distributions", "findings")
        block["size"] = sum(len(block[kind]) for kind in kinds)
    order = [study.id for study in results.studies]
    return sorted(blocks.values(), key=lambda block: order.index(block["study"].id))


def peer_table(results: AssessmentResults, language: str) -> dict:
    questionnaire, answers = results.questionnaire, results.assessment.answers
    names = {"overall": _("Overall score"), **dimension_names()}
    size = answer_label(questionnaire, "headcount", answers.get("headcount"), language)
    sector = answer_label(questionnaire, "sector", answers.get("sector"), language)
    group_names = {
        "size": size,
        "sector": sector,
        "size_and_sector": f"{size} · {sector}",
    }
    groups = results.peers
    return {
        "groups": [{"name": group_names[g.kind], "group": g} for g in groups],
        "rows": [
            {
                "name": names[column],
                "cells": [g.percentiles[column] if g.shown else None for g in groups],
            }
            for column in SCORE_COLUMNS
        ],
        "any_shown": any(g.shown for g in groups),
        "includes_synthetic": results.peers_include_synthetic,
    }
