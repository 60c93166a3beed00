"""What moved between two assessments, and the scores over time, in words and a chart: one
presenter for the consultants' progress page and for a company's own results."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .domain.segments import SEGMENT_NAMES
from .history import Change, CompanyHistory
from .models import SCORE_NAMES, Assessment
from .reports.charts import progress_svg
from .words import dimension_names


def score_names() -> dict[str, str]:
    return {"overall": _("Overall score"), **dimension_names()}


def change_context(change: Change, language: str) -> dict:
    """The scores before and now on the questions both versions ask, the questions left out, and
    whether each earlier recommendation was acted on."""
    names = score_names()
    comparison = change.comparison
    before_scores, after_scores = comparison.before.by_name(), comparison.after.by_name()
    return {
        "previous_date": change.before.completed_at,
        "deltas": [
            {
                "name": names[f],
                "before": before_scores[f],
                "after": after_scores[f],
                "delta": after_scores[f] - before_scores[f],
            }
            for f in SCORE_NAMES
        ],
        "left_out": [
            (
                change.after_questionnaire
                if change.after_questionnaire.has_question(question_id)
                else change.before_questionnaire
            )
            .question(question_id)
            .label.in_language(language)
            for question_id in sorted(comparison.left_out)
        ],
        "acted_on": [
            {"title": item.recommendation.title.in_language(language), "acted": item.acted}
            for item in change.acted_on
        ],
    }


def progress_chart(
    assessments: list[Assessment], *, title: str, targets: dict[str, int] | None = None
) -> str:
    """The stored scores of finished assessments, oldest first, one line per score."""
    names = score_names()
    targets = targets or {}
    return mark_safe(  # noqa: S308 - the builder escapes every text
        progress_svg(
            [date_format(a.completed_at, "SHORT_DATE_FORMAT") for a in assessments],
            [(names[f], [a.score_values()[f] for a in assessments]) for f in SCORE_NAMES],
            title=title,
            targets=[targets.get(f) for f in SCORE_NAMES],
            target_label=_("Target"),
        )
    )


def history_context(history: CompanyHistory, language: str) -> dict:
    """A company's own results page over time: every assessment it made, what moved since the
    previous finished one, and its scores over time from the second one on."""
    context = {
        "company_assessments": [
            {
                "token": each.token,
                "started": each.created_at,
                "completed": each.completed_at,
                "overall": each.overall_score,
                "segment": SEGMENT_NAMES[each.segment].in_language(language)
                if each.segment
                else "",
            }
            for each in history.assessments
        ],
        "retake_under_way": history.unfinished,
    }
    if history.change is not None:
        context["change"] = change_context(history.change, language)
    if len(history.completed) >= 2:
        context["progress_chart"] = progress_chart(
            history.completed, title=_("Your scores over time, out of 100")
        )
    return context
