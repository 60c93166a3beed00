"""The product's basic words, shared by every presenter: percentages in each language's
typography, the dimensions' names, an answer's label."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .domain.questionnaire import Questionnaire


def format_percent(value: float, language: str) -> str:
    """French typography puts a no-break space before %; English puts none.

    A plain no-break space rather than the narrow one: the product's font (Inter, latin subset)
    has no narrow no-break space, and the PDF embeds only that font.
    """
    return f"{value:g}%" if language == "en" else f"{value:g}\u00a0%"


def dimension_names() -> dict[str, str]:
    return {
        "presence": _("Presence and activity"),
        "team": _("Team"),
        "budget": _("Budget"),
        "objectives": _("Objectives and strategy"),
        "roi": _("ROI measurement"),
    }


def answer_label(questionnaire: Questionnaire, question_id: str, value, language: str) -> str:
    question = questionnaire.question(question_id)
    values = value if isinstance(value, list) else [value]
    labels = [
        option.label.in_language(language)
        for v in values
        if isinstance(v, str) and (option := question.option(v)) is not None
    ]
    return ", ".join(labels) if labels else (value if isinstance(value, str) else "—")
