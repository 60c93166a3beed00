"""Ready-to-use templates for the first actions, as spreadsheets filled with what the company
already answered: a one-page strategy, a monthly KPI sheet, a 3-month editorial calendar.

A company leaves with something to fill in the same day rather than advice alone. Each template
says what the answers already tell ("what you answered") beside a column to decide in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .domain.questionnaire import Questionnaire
from .words import answer_label

HEADER_FILL = PatternFill("solid", fgColor="E6EEFB")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Toolkit:
    kind: str  # strategy, kpis, calendar
    serves: frozenset[str]  # the recommendations it helps carry out

    def name(self) -> str:
        return {
            "strategy": _("One-page social-media strategy"),
            "kpis": _("Monthly KPI sheet"),
            "calendar": _("Three-month editorial calendar"),
        }[self.kind]


TOOLKITS = (
    Toolkit(
        "strategy",
        frozenset(
            {
                "write_a_strategy",
                "choose_business_objectives",
                "quantify_objectives",
                "put_social_in_the_marketing_plan",
                "review_the_strategy_yearly",
            }
        ),
    ),
    Toolkit(
        "kpis",
        frozenset(
            {
                "measure_every_month",
                "report_to_management",
                "tag_every_link",
                "record_every_lead_source",
                "attribution_across_the_funnel",
            }
        ),
    ),
    Toolkit(
        "calendar",
        frozenset(
            {
                "plan_an_editorial_calendar",
                "publish_every_week",
                "publish_several_times_a_week",
                "publish_expertise_and_customer_cases",
                "show_the_teams_at_work",
            }
        ),
    ),
)
TOOLKITS_BY_KIND = {toolkit.kind: toolkit for toolkit in TOOLKITS}


def toolkit_for(recommendation_id: str) -> Toolkit | None:
    return next((t for t in TOOLKITS if recommendation_id in t.serves), None)


def _answered(questionnaire: Questionnaire, answers, question_id: str, language: str) -> str:
    if not questionnaire.has_question(question_id) or answers.get(question_id) in (None, "", []):
        return ""
    return answer_label(questionnaire, question_id, answers[question_id], language)


def _sheet(workbook: Workbook, title: str, headers: list[str], widths: list[int]):
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    for column, width in zip("ABCDEFGHIJKLMN", widths, strict=False):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def strategy_sheet(questionnaire: Questionnaire, answers, language: str) -> bytes:
    workbook = Workbook()
    sheet = _sheet(
        workbook,
        _("Strategy"),
        [_("Part of the strategy"), _("What you answered"), _("Your decision")],
        [34, 48, 60],
    )
    rows = [
        (_("Business objectives (two at most, with a figure and a date)"), "objectives"),
        (_("Who you speak to"), "market"),
        (_("Networks you keep up (LinkedIn first for B2B)"), "networks"),
        (_("What you publish (three themes)"), "content"),
        (_("Who runs it, and how much time"), "who_runs"),
        (_("Hours a week"), "hours_week"),
        (_("Yearly external spend"), "external_budget"),
        (_("Indicators you follow each month"), "indicators"),
        (_("How often management sees the results"), "reporting"),
        (_("When this page is reviewed"), ""),
    ]
    for label, question_id in rows:
        sheet.append([label, _answered(questionnaire, answers, question_id, language), ""])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
    return _bytes(workbook)


KPI_ROWS = (
    (_lazy("Followers of the company page"), "followers"),
    (_lazy("Impressions"), "reach"),
    (_lazy("Engagement rate (reactions, comments, shares / impressions)"), "engagement"),
    (_lazy("Visits to the website from the networks (tagged links)"), "traffic"),
    (_lazy("Leads from the networks"), "qualified_leads"),
    (_lazy("Opportunities and sales with a lead from the networks"), "sales"),
)


def kpi_sheet(questionnaire: Questionnaire, answers, language: str, start: date) -> bytes:
    workbook = Workbook()
    months = [
        date(start.year + (start.month - 1 + n) // 12, (start.month - 1 + n) % 12 + 1, 1)
        for n in range(12)
    ]
    sheet = _sheet(
        workbook,
        _("KPIs"),
        [_("Indicator"), _("You follow it today"), *[m.strftime("%Y-%m") for m in months]],
        [46, 18, *[10] * 12],
    )
    followed = answers.get("indicators") or []
    for label, indicator in KPI_ROWS:
        sheet.append([str(label), _("yes") if indicator in followed else _("not yet")])
    return _bytes(workbook)


def calendar_sheet(questionnaire: Questionnaire, answers, language: str, start: date) -> bytes:
    workbook = Workbook()
    sheet = _sheet(
        workbook,
        _("Calendar"),
        [_("Week of"), _("Network"), _("Theme"), _("Format"), _("Who writes it"), _("Status")],
        [12, 22, 40, 18, 20, 14],
    )
    networks = _answered(questionnaire, answers, "networks", language) or "LinkedIn"
    themes = _answered(questionnaire, answers, "content", language)
    monday = start - timedelta(days=start.weekday())
    for week in range(13):
        sheet.append(
            [
                (monday + timedelta(weeks=week)).isoformat(),
                networks.split(", ")[0],
                themes.split(", ")[week % len(themes.split(", "))] if themes else "",
                "",
                "",
                _("to write"),
            ]
        )
    return _bytes(workbook)


def toolkit_file(kind: str, questionnaire: Questionnaire, answers, language: str, today: date):
    """The template's bytes, filled with the answers; None for a kind that does not exist."""
    if kind == "strategy":
        return strategy_sheet(questionnaire, answers, language)
    if kind == "kpis":
        return kpi_sheet(questionnaire, answers, language, today)
    if kind == "calendar":
        return calendar_sheet(questionnaire, answers, language, today)
    return None
