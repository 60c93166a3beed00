"""Turn an assessment's result into what a page or a report shows, in one language.

The domain decides and the selectors read; this module only finds the words. The web page and
the PDF report share it (reports/presenters.py adds what only the report says).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from benchmarks.figures import Figure
from benchmarks.peers import PEER_GROUP_MINIMUM

from .comparison_presenters import benchmark_blocks, peer_table
from .domain.questionnaire import DIMENSIONS, Questionnaire
from .domain.recommendations import HIGH, LOW, Reason
from .domain.scoring import DIMENSION_WEIGHTS, MATURITY_LEVELS, maturity_level
from .domain.segments import (
    PIONEERS,
    SEGMENT_NAMES,
    SEGMENT_PORTRAITS,
    STUDY_ACTIVE_ANSWERS,
    means_in_step_threshold,
)
from .reports.charts import Quadrant, RadarAxis, radar_svg, segment_map_svg
from .toolkits import toolkit_for
from .words import answer_label, dimension_names, format_percent

if TYPE_CHECKING:
    from .selectors import AssessmentResults

# Where each segment sits on the study's map: (column: active?, row: late?).
SEGMENT_CELLS = {
    "casual": (0, 0),
    PIONEERS: (1, 0),
    "silent_mass": (0, 1),
    "combative": (1, 1),
}


def dimension_weights() -> list[dict]:
    """The overall score's weights, heaviest first, as the method section states them."""
    names = dimension_names()
    return [
        {"name": names[key], "percent": round(100 * weight)}
        for key, weight in sorted(DIMENSION_WEIGHTS.items(), key=lambda item: -item[1])
    ]


def maturity_names() -> dict[str, str]:
    return {
        "starting": _("Starting out"),
        "developing": _("Developing"),
        "established": _("Established"),
        "advanced": _("Advanced"),
    }


def maturity_meanings() -> dict[str, str]:
    return {
        "starting": _("Few or no resources or objectives: everything is still to be organised."),
        "developing": _(
            "Foundations in place, without quantified objectives or regular measurement."
        ),
        "established": _("An organised, measured practice, still to be tied to revenue."),
        "advanced": _("A managed practice, measured all the way to sales."),
    }


def maturity_bands(overall: int) -> list[dict]:
    """The four levels from the lowest, each with its range, its meaning and whether it is the
    company's: the level beside the score reads as one of four, not as a verdict from nowhere."""
    names, meanings = maturity_names(), maturity_meanings()
    floors = sorted(MATURITY_LEVELS)
    return [
        {
            "name": names[level],
            "meaning": meanings[level],
            "floor": floor,
            "ceiling": floors[index + 1][0] - 1 if index + 1 < len(floors) else 100,
            "current": level == maturity_level(overall),
        }
        for index, (floor, level) in enumerate(floors)
    ]


def level_names() -> dict[int, str]:
    return {LOW: _("low"), 2: _("medium"), HIGH: _("high")}


def role_names() -> dict[str, str]:
    """Who does what in a company: a workshop participant's role, who carries a recommendation."""
    return {
        "management": _("Management"),
        "marketing": _("Marketing and communication"),
        "sales": _("Sales"),
        "other": _("Other"),
    }


def _reason_text(reason: Reason, questionnaire: Questionnaire, language: str) -> str:
    if reason.kind == "answer":
        question = questionnaire.question(reason.subject)
        return _("You answered “%(answer)s” to “%(question)s”.") % {
            "answer": answer_label(questionnaire, reason.subject, reason.value, language),
            "question": question.label.in_language(language),
        }
    if reason.kind == "dimension":
        return _("Your %(dimension)s score is %(score)d/100.") % {
            "dimension": dimension_names()[reason.subject],
            "score": reason.value,
        }
    if reason.kind == "barrier":
        return _("You named “%(barrier)s” among what holds you back.") % {
            "barrier": answer_label(questionnaire, "barriers", reason.subject, language)
        }
    if reason.kind == "segment":
        return _("Your segment, “%(segment)s”, is little or not active: acting is the way up.") % {
            "segment": SEGMENT_NAMES[reason.subject].in_language(language)
        }
    return _("Nobody could answer “%(question)s”.") % {
        "question": questionnaire.question(reason.subject).label.in_language(language)
    }


def _mismatch_text(mismatch, means: float, version: str) -> str:
    # Floored, not rounded: 49.7 is under the threshold, and must not read as "50, under 50".
    params = {"means": math.floor(means), "threshold": means_in_step_threshold(version)}
    if mismatch.axis == "activity" and mismatch.direction == "overrates":
        return _(
            "You describe your company as active, yet your answers show less: posts less than "
            "weekly, or comments and messages that often go unanswered."
        )
    if mismatch.axis == "activity":
        return _(
            "You describe your company as little or not active, yet you publish at least weekly "
            "and answer comments and messages: you do more than you think."
        )
    if mismatch.direction == "overrates":
        return (
            _(
                "You feel in step with your sector, yet your means (team, budget, objectives, "
                "measurement) score %(means)d/100, under the %(threshold)d that marks a company "
                "equipped to keep pace."
            )
            % params
        )
    return (
        _(
            "You feel behind your sector, yet your means score %(means)d/100, at or above the "
            "%(threshold)d that marks a company equipped to keep pace: you underrate yourself."
        )
        % params
    )


def segment_shares(figures: dict[str, Figure], language: str) -> list[dict]:
    """The study's four segments with their share, in the study's order."""
    return [
        {
            "key": key,
            "name": SEGMENT_NAMES[key].in_language(language),
            "portrait": SEGMENT_PORTRAITS[key].in_language(language),
            "figure": figure,
        }
        for key, figure in figures.items()
    ]


def segment_map(
    figures: dict[str, Figure],
    language: str,
    *,
    title: str,
    said: str,
    said_label: str,
    shown: str | None = None,
    shown_label: str = "",
    accent: str | None = None,
    caption: str = "",
) -> str:
    """The study's four segments on its two axes, with their shares, and who is placed where."""
    quadrants = [
        Quadrant(
            key=share["key"],
            name=share["name"],
            share=format_percent(share["figure"].value, language),
            column=SEGMENT_CELLS[share["key"]][0],
            row=SEGMENT_CELLS[share["key"]][1],
        )
        for share in segment_shares(figures, language)
    ]
    return segment_map_svg(
        quadrants,
        title=title,
        x_labels=(_("Inactive or not very active"), _("Active or very active")),
        y_labels=(_("In step or ahead"), _("Behind")),
        said=said,
        shown=shown,
        said_label=said_label,
        shown_label=shown_label,
        caption=caption,
        **({"accent": accent} if accent else {}),
    )


def _segment_map(segment_result, figures: dict[str, Figure], language: str) -> str:
    return segment_map(
        figures,
        language,
        title=_("The four segments of the Bpifrance Le Lab study, and where you stand"),
        said=segment_result.study.segment,
        shown=segment_result.measured.segment,
        said_label=_("You, by your own account"),
        shown_label=_("You, by your answers"),
    )


def _change_item(questionnaire: Questionnaire, change, language: str) -> dict:
    return {
        "question": questionnaire.question(change.question_id).label.in_language(language),
        "from": answer_label(questionnaire, change.question_id, change.from_value, language),
        "to": answer_label(questionnaire, change.question_id, change.to_value, language),
    }


def results_context(results: AssessmentResults, language: str) -> dict:
    with override(language):
        return _results_context(results, language)


def _results_context(results: AssessmentResults, language: str) -> dict:
    assessment, questionnaire, result = results.assessment, results.questionnaire, results.result
    answers = assessment.answers
    names = dimension_names()
    segment = result.segment
    dimensions = [
        {"key": key, "name": names[key], "score": result.scores.dimensions[key]}
        for key in DIMENSIONS
    ]
    blocks, tendency = benchmark_blocks(results, language), results.sector_tendency
    return {
        "assessment": assessment,
        "company_name": answers.get("company_name", ""),
        "result": result,
        "overall": result.scores.overall,
        "maturity": maturity_names()[maturity_level(result.scores.overall)],
        "maturity_meaning": maturity_meanings()[maturity_level(result.scores.overall)],
        "maturity_bands": maturity_bands(result.scores.overall),
        "dimensions": dimensions,
        "radar_svg": mark_safe(  # noqa: S308 - every text in the markup is escaped by the builder
            radar_svg(
                [RadarAxis(d["name"], d["score"]) for d in dimensions],
                title=_("Your score in each of the five dimensions, out of 100"),
            )
        ),
        "segment": {
            "key": segment.study.segment,
            "name": SEGMENT_NAMES[segment.study.segment].in_language(language),
            "portrait": SEGMENT_PORTRAITS[segment.study.segment].in_language(language),
            "share": results.segment_figures.get(segment.study.segment),
            # A company that rates itself active but has no account is placed as inactive: say
            # why, or the sentence quoting its rating would contradict its segment.
            "no_account_overrules_rating": not segment.study.active
            and answers.get("self_activity") in STUDY_ACTIVE_ANSWERS,
            "activity_answer": answer_label(
                questionnaire, "self_activity", answers.get("self_activity"), language
            ),
            "tempo_answer": answer_label(questionnaire, "tempo", answers.get("tempo"), language),
            "measured_key": segment.measured.segment,
            "measured_name": SEGMENT_NAMES[segment.measured.segment].in_language(language),
            "measured_portrait": SEGMENT_PORTRAITS[segment.measured.segment].in_language(language),
            "mismatches": [
                _mismatch_text(m, segment.means_score, questionnaire.version)
                for m in segment.mismatches
            ],
            "means_score": math.floor(segment.means_score),
            "target_name": SEGMENT_NAMES[segment.target].in_language(language)
            if segment.target
            else "",
            "path": [_change_item(questionnaire, c, language) for c in segment.path],
            "rating_follows": [
                _change_item(questionnaire, c, language) for c in segment.rating_follows
            ],
        },
        "segment_map_svg": mark_safe(  # noqa: S308 - every text is escaped by the builder
            _segment_map(segment, results.segment_figures, language)
        ),
        "in_study_population": results.in_study_population,
        "benchmark_blocks": blocks,
        "sector_tendency": tendency,
        # Said under its study's source, when the study has figures on the page, else on its own.
        "sector_tendency_in_block": bool(tendency)
        and any(block["study"].id == tendency.study.id for block in blocks),
        "peers": peer_table(results, language),
        "frozen": results.frozen,
        "peer_minimum": PEER_GROUP_MINIMUM,
        "recommendations": [
            recommendation_item(rec, rank, questionnaire, language)
            for rank, rec in enumerate(result.recommendations, start=1)
        ],
        "knowledge_gaps": [
            {
                "question": question.label.in_language(language),
                "dimension": names.get(question.dimension, ""),
            }
            for question in result.knowledge_gaps
        ],
    }


# How many of the first actions offer a ready-to-use template.
TOOLKIT_RANKS = 3


def recommendation_item(rec, rank: int, questionnaire, language: str) -> dict:
    """One action in words: what, why, who, how heavy. Call within the reader's language."""
    return {
        "rank": rank,
        "title": rec.title.in_language(language),
        "body": rec.body.in_language(language),
        "dimension": dimension_names()[rec.dimension],
        "impact": level_names()[rec.impact],
        "effort": level_names()[rec.effort],
        "owner": role_names()[rec.owner],
        "reasons": [_reason_text(r, questionnaire, language) for r in rec.reasons],
        # How to do it and the source behind it: the catalogues from 2027-1 on say both.
        "how": rec.how.in_language(language) if rec.how else "",
        "why": rec.why.in_language(language) if rec.why else "",
        # The first three actions come with a template to start on the same day, when one fits.
        "toolkit": toolkit if rank <= TOOLKIT_RANKS and (toolkit := toolkit_for(rec.id)) else None,
    }
