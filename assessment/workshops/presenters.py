"""The consultant's side in words: the group's answers, a client's progress, and who each row
of an export is."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.domain.group import role_groups
from assessment.domain.segments import SEGMENT_NAMES
from assessment.history_presenters import change_context, progress_chart, score_names
from assessment.models import SCORE_NAMES

from .campaigns import consultant_results_url
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
    names = score_names()
    rows = [
        {
            "date": entry.assessment.completed_at,
            "token": entry.assessment.token,
            "url": consultant_results_url(entry.assessment),
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
    if progress.last_change is not None:
        context.update(change_context(progress.last_change, language))
    if len(assessments) >= 2 or (assessments and client.targets):
        context["chart"] = progress_chart(
            assessments,
            title=_("Scores of the client's assessments over time, out of 100"),
            targets=client.targets,
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
