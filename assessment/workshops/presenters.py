"""The consultant's side in words: the group's answers, a client's progress, and who each row
of an export is."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.domain.questionnaire import MULTI
from assessment.domain.segments import SEGMENT_NAMES
from assessment.history_presenters import change_context, progress_chart, score_names
from assessment.models import SCORE_NAMES
from assessment.presenters import role_names
from assessment.words import answer_label, dimension_names

from .selectors import ClientExport, ClientProgress, GroupView


def _spread_context(spread, questionnaire, roles: dict, language: str) -> dict:
    """One question's answers in the room: counts, shares, and what each role mostly said."""
    question = spread.question
    total = spread.answered
    rows = [
        {
            "label": option.label.in_language(language),
            "count": spread.counts.get(option.value, 0),
            "share": round(100 * spread.counts.get(option.value, 0) / total) if total else 0,
        }
        for option in question.options
        if spread.counts.get(option.value, 0)
    ]
    by_role = []
    for role, value in spread.by_role.items():
        if value is None:
            continue
        shown = answer_label(
            questionnaire,
            question.id,
            value.split(",") if question.kind == MULTI else value,
            language,
        )
        by_role.append({"role": roles.get(role, role), "answer": shown})
    return {
        "question": question.label.in_language(language),
        "disagreement": round(100 * spread.disagreement),
        "rows": rows,
        "by_role": by_role,
        "answered": total,
    }


def group_context(group: GroupView, language: str, named_mode: bool) -> dict:
    questionnaire = group.questionnaire
    names = dimension_names()
    roles = role_names()
    agenda = [_spread_context(spread, questionnaire, roles, language) for spread in group.agenda]
    return {
        "joined": group.joined,
        "finished": group.finished,
        "by_role": [{"role": roles.get(r, r), "count": n} for r, n in group.by_role.items()],
        "participants": [
            {
                "name": p.first_name if named_mode and p.first_name else "",
                "role": roles.get(p.role, p.role),
                "finished": p.assessment.is_complete,
            }
            for p in group.participants
        ],
        "agenda": agenda,
        "all_questions": [
            _spread_context(spread, questionnaire, roles, language)
            for spread in group.spreads
            if spread.answered
        ],
        "dimensions": [
            {
                "name": names[d.dimension],
                "median": round(d.median),
                "low": d.low,
                "high": d.high,
                "dont_know": round(100 * d.dont_know_share),
            }
            for d in group.dimensions
        ],
        "knowledge_gaps": [names[d] for d in group.knowledge_gaps],
        "segment": SEGMENT_NAMES[group.segment].in_language(language) if group.segment else "",
    }


def workshop_report_context(workshop, group: GroupView, language: str) -> dict:
    """What the report of a workshop's agreed answers adds: how the group got there."""
    questionnaire = group.questionnaire
    return {
        "workshop_report": {
            **group_context(group, language, named_mode=False),
            "date": workshop.created_at,
            "dissent": [
                {
                    "question": questionnaire.question(question_id).label.in_language(language),
                    "note": note,
                }
                for question_id, note in workshop.dissent_notes.items()
                if questionnaire.has_question(question_id)
            ],
        }
    }


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
    """(label, role, assessment) of each participant, numbered in joining order, then the agreed
    answers: the rows of a workshop in an export."""
    roles = role_names()
    respondents = [
        (f"{prefix}{number}", roles.get(p.role, p.role), p.assessment)
        for number, p in enumerate(participants, start=1)
    ]
    if workshop.agreed_assessment:
        respondents.append((f"{prefix}{_('agreed')}", "", workshop.agreed_assessment))
    return respondents


def client_respondents(export: ClientExport) -> list[tuple]:
    """Every respondent of a client: its own assessments by date, then each workshop's, prefixed
    with the workshop's code."""
    respondents = []
    for number, assessment in enumerate(export.on_its_own, start=1):
        when = timezone.localtime(assessment.completed_at)
        respondents.append((f"{_('self-serve')} {when:%Y-%m-%d} #{number}", "", assessment))
    for workshop in export.workshops:
        respondents += workshop_respondents(
            workshop, workshop.participants.all(), prefix=f"{workshop.code}-"
        )
    return respondents
