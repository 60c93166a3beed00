"""Answers as tables, for people's own analysis: one row per respondent and question.

The same rows go to CSV and to XLSX; the column names are in the reader's language (both are
listed in the README).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook

from .domain.questionnaire import load_questionnaire
from .models import Assessment
from .words import answer_label


def columns() -> list[str]:
    return [
        _("respondent"),
        _("role"),
        _("question_id"),
        _("question"),
        _("answer_code"),
        _("answer"),
        _("questionnaire_version"),
        _("last_saved"),
        _("completed"),
        _("dissent_note"),
    ]


def answer_rows(
    respondents: Iterable[tuple[str, str, Assessment, dict]], language: str
) -> list[list[str]]:
    """(respondent label, role, assessment, dissent notes by question) -> one row per answered
    question."""
    rows = []
    for label, role, assessment, notes in respondents:
        questionnaire = load_questionnaire(assessment.questionnaire_version)
        for question in questionnaire.questions:
            value = assessment.answers.get(question.id)
            if value in (None, "", []):
                continue
            code = ";".join(value) if isinstance(value, list) else str(value)
            rows.append(
                [
                    str(label),
                    str(role),
                    question.id,
                    question.label.in_language(language),
                    code,
                    answer_label(questionnaire, question.id, value, language),
                    assessment.questionnaire_version,
                    assessment.updated_at.isoformat(timespec="seconds"),
                    assessment.completed_at.isoformat(timespec="seconds")
                    if assessment.completed_at
                    else "",
                    notes.get(question.id, ""),
                ]
            )
    return rows


def _safe(cell: str) -> str:
    # A spreadsheet would run a cell that starts like a formula: prefix it so it stays text.
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def to_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns())
    writer.writerows([[_safe(cell) for cell in row] for row in rows])
    # With a byte-order mark, Excel opens the accents right.
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "answers"
    sheet.append(columns())
    for row in rows:
        sheet.append([_safe(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
