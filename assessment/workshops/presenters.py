"""The consultant's side in words: the group's answers, a client's progress, and who each row
of an export is."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from assessment.domain.group import role_groups
from assessment.domain.segments import SEGMENT_NAMES
from assessment.models import SCORE_NAMES
from assessment.reports.charts import progress_svg
from assessment.words import dimension_names

from .group_presenters import group_names
from .selectors import ClientExport, ClientProgress


def _entry_kind(entry) -> str:
    if entry.workshop is None:
        return _("Self-serve")
    return entry.workshop.title or _("Workshop")


def progress_context(progress: ClientProgress, language: str) -> dict:
    """A client's assessments over time (agreed in workshops or made on its own): scores, segment,
    what moved since the previous one, what was acted on, and how far each target is."""
    client, timeline, assessments = progress.client, progress.timeline, progress.assessments
    names = {"overall": _("Overall score"), **dimension_names()}
    rows = [
        {
            "date": entry.assessment.completed_at,
            "token": entry.assessment.token,
            "kind": _entry_kind(entry),
            "scores": list(entry.assessment.score_values().values()),
            "segment": SEGMENT_NAMES[entry.assessment.segment].in_language(language)
            if entry.assessment.segment
            else "",
        }
        for entry in timeline
    ]
    context = {
        "rows": rows,
        "names": [names[f] for f in SCORE_NAMES],
        "count": len(assessments),
        "first_date": assessments[0].completed_at if assessments else None,
        "targets": [
            {
                "name": names[gap.dimension],
                "latest": gap.latest,
                "target": gap.target,
                "remaining": gap.remaining,
                "reached": gap.reached,
            }
            for gap in progress.targets
        ],
    }
    change = progress.last_change
    if change is not None:
        comparison = change.comparison
        context["previous_date"] = change.before.completed_at
        before_scores, after_scores = comparison.before.by_name(), comparison.after.by_name()
        context["deltas"] = [
            {
                "name": names[f],
                "before": before_scores[f],
                "after": after_scores[f],
                "delta": after_scores[f] - before_scores[f],
            }
            for f in SCORE_NAMES
        ]
        context["left_out"] = [
            (
                change.after_questionnaire
                if change.after_questionnaire.has_question(question_id)
                else change.before_questionnaire
            )
            .question(question_id)
            .label.in_language(language)
            for question_id in sorted(comparison.left_out)
        ]
        context["acted_on"] = [
            {"title": item.recommendation.title.in_language(language), "acted": item.acted}
            for item in change.acted_on
        ]
    if len(assessments) >= 2 or (assessments and client.targets):
        context["chart"] = mark_safe(  # noqa: S308 - the builder escapes every text
            progress_svg(
                [date_format(a.completed_at, "SHORT_DATE_FORMAT") for a in assessments],
                [(names[f], [a.score_values()[f] for a in assessments]) for f in SCORE_NAMES],
                title=_("Scores of the client's assessments over time, out of 100"),
                targets=[client.targets.get(f) for f in SCORE_NAMES],
                target_label=_("Target"),
            )
        )
    return context


# Exports: who each row of answers is


def workshop_respondents(workshop, participants, prefix="") -> list[tuple]:
    """(label, role, assessment, dissent notes) of each participant, numbered in joining order,
    then the agreed answers with the dissent noted: the rows of a workshop in an export.

    A role is exported under the group the room shows it in (`domain.group.role_groups`): a
    client reading the file must not be able to pick out the one salesperson's answers.
    """
    names = group_names()
    groups = role_groups([p.role for p in participants])
    respondents = [
        (f"{prefix}{number}", names.get(groups[p.role], p.role), p.assessment, {})
        for number, p in enumerate(participants, start=1)
    ]
    if workshop.agreed_assessment:
        respondents.append(
            (f"{prefix}{_('agreed')}", "", workshop.agreed_assessment, workshop.dissent_notes)
        )
    return respondents


def client_respondents(export: ClientExport) -> list[tuple]:
    """Every respondent of a client: its own assessments by date, then each workshop's, prefixed
    with the workshop's code."""
    respondents = []
    for number, assessment in enumerate(export.on_its_own, start=1):
        when = timezone.localtime(assessment.completed_at)
        respondents.append((f"{_('self-serve')} {when:%Y-%m-%d} #{number}", "", assessment, {}))
    for workshop in export.workshops:
        respondents += workshop_respondents(
            workshop, workshop.participants.all(), prefix=f"{workshop.code}-"
        )
    return respondents
