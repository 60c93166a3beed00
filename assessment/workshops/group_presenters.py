"""A workshop's group in the room's words: what is projected, printed in the workshop report and
shown beside the consensus form. Every role is named only as `domain.group` allows it."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessment.comparison_presenters import comparability_names, dated_source
from assessment.domain.group import (
    MULTI,
    OTHER_ROLES,
    ROLE_GROUP_MINIMUM,
    QuestionSpread,
    knowing_groups,
)
from assessment.domain.questionnaire import SINGLE
from assessment.domain.segments import SEGMENT_NAMES
from assessment.presenters import role_names, segment_map
from assessment.selectors import segment_figures
from assessment.words import dimension_names

from . import brand
from .revotes import revotes_of
from .selectors import GroupView


def group_names() -> dict[str, str]:
    return {**role_names(), OTHER_ROLES: _("Other roles")}


def _quoted(text: str, language: str) -> str:
    return f"«\u00a0{text}\u00a0»" if language == "fr" else f"“{text}”"


def _option_label(question, value: str, language: str) -> str:
    if question.kind == MULTI:
        labels = [question.option(v).label.in_language(language) for v in value.split(",") if v]
        return ", ".join(labels) if labels else "—"
    return question.option(value).label.in_language(language)


def distribution(spread: QuestionSpread, language: str) -> list[dict]:
    """Each answer given, in the question's order, with its count and share of those who
    answered."""
    total = spread.answered
    return [
        {
            "label": option.label.in_language(language),
            "count": spread.counts[option.value],
            "share": round(100 * spread.counts[option.value] / total) if total else 0,
            "dont_know": option.dont_know,
        }
        for option in spread.question.options
        if spread.counts.get(option.value)
    ]


def _role_views(spread: QuestionSpread, language: str) -> list[dict]:
    names = group_names()
    views = []
    for view in spread.by_role:
        if view.majority is not None:
            summary = _("mostly %(answer)s") % {
                "answer": _quoted(_option_label(spread.question, view.majority, language), language)
            }
        elif view.knowing == 0:
            summary = _("does not know")
        else:
            summary = _("divided")
        views.append(
            {
                "role": names.get(view.group, view.group),
                "answered": view.answered,
                "summary": summary,
                "divided": view.majority is None and view.knowing > 0,
                "rows": [
                    {
                        "label": option.label.in_language(language),
                        "count": view.counts[option.value],
                    }
                    for option in spread.question.options
                    if view.counts.get(option.value)
                ],
            }
        )
    return views


def why_on_the_agenda(spread: QuestionSpread, language: str) -> str:
    """One line, read aloud: how far apart the answers are, and how the roles split."""
    question = spread.question
    if question.kind == MULTI:
        reason = _("Selections differ: on average two people share %(share)s of what they chose.")
        line = reason % {"share": f"{round(100 * (1 - spread.disagreement))}\u00a0%"}
    else:
        scale = [option for option in question.options if not option.dont_know]
        given = [option for option in scale if spread.counts.get(option.value)]
        low, high = given[0], given[-1]
        # Said in the room's words, not in steps of a scale nobody sees.
        if (low, high) == (scale[0], scale[-1]):
            reason = _("From %(low)s to %(high)s: the two ends of the scale.")
        elif scale.index(high) - scale.index(low) == 1:
            reason = _("From %(low)s to %(high)s: neighbouring answers.")
        else:
            reason = _("From %(low)s to %(high)s: answers far apart.")
        line = reason % {
            "low": _quoted(low.label.in_language(language), language),
            "high": _quoted(high.label.in_language(language), language),
        }
    leaning = {view.majority for view in spread.by_role if view.majority is not None}
    if spread.role_split > 0 and len(leaning) >= 2:
        # Which role leans where is said once, on the lines below.
        line += " " + _("The roles split.")
    return line


def who_knows(spread: QuestionSpread) -> str:
    """What is true of the room's knowledge of one question, in its words."""
    if spread.knowing == 0:
        return ngettext(
            "The %(count)s person who answered does not know.",
            "None of the %(count)s people who answered knows.",
            spread.answered,
        ) % {"count": spread.answered}
    line = " ".join(
        [
            ngettext(
                "%(unknown)s of %(count)s does not know;",
                "%(unknown)s of %(count)s do not know;",
                spread.dont_know,
            )
            % {"unknown": spread.dont_know, "count": spread.answered},
            ngettext("%(known)s knows.", "%(known)s know.", spread.knowing)
            % {"known": spread.knowing},
        ]
    )
    groups = knowing_groups(spread)
    if groups:
        names = group_names()
        line += " " + _("Among them, everyone in: %(roles)s.") % {
            "roles": ", ".join(names.get(group, group) for group in groups)
        }
    return line


def _with_names(rows: list[dict], spread: QuestionSpread, named: list) -> list[dict]:
    """Named mode: beside each answer, the first names of those who gave it and agreed to be
    named (they typed a first name on a join page that said so)."""
    for row, option in zip(
        rows, [o for o in spread.question.options if spread.counts.get(o.value)], strict=True
    ):
        row["names"] = [
            name for name, answers in named if _gave(answers.get(spread.question.id), option.value)
        ]
    return rows


def _gave(answer: object, value: str) -> bool:
    return value in answer if isinstance(answer, list) else answer == value


def spread_context(spread: QuestionSpread, language: str, named: list | None = None) -> dict:
    """One question's answers in the room: counts, shares, the roles that can be shown, why it
    is discussed and what the room does not know; in named mode, who gave each answer."""
    rows = distribution(spread, language)
    return {
        "id": spread.question.id,
        "single": spread.question.kind == SINGLE,
        "question": spread.question.label.in_language(language),
        "rows": _with_names(rows, spread, named) if named else rows,
        # When everyone gave the same answer, every role did: nothing to show per role.
        "by_role": _role_views(spread, language) if spread.disagreement or spread.dont_know else [],
        "answered": spread.answered,
        "why": why_on_the_agenda(spread, language) if spread.disagreement else "",
        "who_knows": who_knows(spread) if spread.dont_know else "",
        "open": spread.is_open,
    }


def group_context(group: GroupView, language: str, named_mode: bool) -> dict:
    names = dimension_names()
    roles = role_names()
    steps = len(group.questionnaire.sections)
    named = (
        [(p.first_name, p.named_answers) for p in group.participants if p.first_name]
        if named_mode
        else None
    )
    participants = [
        {
            "id": p.pk,
            "name": p.first_name if named_mode and p.first_name else "",
            "role": roles.get(p.role, p.role),
            "finished": p.is_complete,
            # Where an unfinished phone stands: the first step with a question left to answer.
            "step": None if p.is_complete else p.step or steps,
            # Locked out by the reveal before finishing: the facilitator may let them in.
            "locked": not p.is_complete and not p.can_answer,
        }
        for p in group.participants
    ]
    return {
        "joined": group.joined,
        "steps": steps,
        "finished": group.finished,
        "role_minimum": ROLE_GROUP_MINIMUM,
        "by_role": [{"role": roles.get(r, r), "count": n} for r, n in group.by_role.items()],
        "participants": participants,
        "locked_out": [p for p in participants if p["locked"]],
        "agenda": [
            {**spread_context(spread, language, named), "chart": f"agenda-{number}"}
            for number, spread in enumerate(group.agenda, start=1)
        ],
        "all_questions": [
            spread_context(spread, language) for spread in group.spreads if spread.answered
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
        "knowledge_gaps": [
            {
                "question": spread.question.label.in_language(language),
                "who_knows": who_knows(spread),
            }
            for spread in group.knowledge_gaps
        ],
        "segment": SEGMENT_NAMES[group.segment].in_language(language) if group.segment else "",
    }


def _accent(workshop) -> str | None:
    """The consultancy's colour for the workshop's map; a team's is the product's."""
    consultancy = workshop.client.consultancy if workshop.client_id else None
    if consultancy is None:
        return None
    accent = brand.stored_accent(consultancy.accent_colour)
    # Drawn as words and marks on white: the accent darkened until it reads there.
    return brand.ink_on_white(accent) if accent else None


# The two answers the study placed firms by.
SEGMENT_QUESTIONS = ("self_activity", "tempo")


def group_segment_map(group: GroupView, language: str, accent: str | None = None) -> dict | None:
    """The group's segment on the study's map, beside the study's shares, with their source: a
    chart for the consultant's deck. None when the room left its place on the map open, or when
    fewer than three people gave the two answers it rests on: one or two people's own ratings
    are not a group's place."""
    figures = segment_figures()
    segment = group.segment
    if not segment or segment not in figures:
        return None
    knowing = {
        spread.question.id: spread.knowing
        for spread in group.spreads
        if spread.question.id in SEGMENT_QUESTIONS
    }
    if min(knowing.get(question, 0) for question in SEGMENT_QUESTIONS) < ROLE_GROUP_MINIMUM:
        return None
    study = figures[segment].study
    source = _("Shares of the four segments: %(source)s · %(population)s") % {
        "source": dated_source(study, language),
        "population": comparability_names()["peers"],
    }

    def drawn(caption: str) -> str:
        return segment_map(
            figures,
            language,
            title=_("The four segments of the Bpifrance Le Lab study, and where the group stands"),
            said=segment,
            said_label=_("The group"),
            accent=accent,
            caption=caption,
        )

    placed = _(
        "The group is placed by its most common answer to each of the study's two self-ratings "
        "(how active the company is; behind or in step): how its members see the company."
    )
    return {
        # Downloaded alone, the map carries its source; on a slide, the slide's text does.
        "svg": drawn(f"{placed} {source}."),
        "on_slide": drawn(""),
        "placed": placed,
        "source": source,
    }


def workshop_report_context(workshop, group: GroupView, language: str) -> dict:
    """What the report of a workshop's agreed answers adds: how the group got there, and the
    actions the room decided, which open the report's action plan."""
    questionnaire = group.questionnaire
    notes = notes_context(workshop, language)
    return {
        "workshop_report": {
            **group_context(group, language, named_mode=False),
            "segment_map": group_segment_map(group, language, _accent(workshop)),
            "date": workshop.created_at,
            "notes": notes,
            "actions": [note for note in notes if note["is_action"]],
            "revotes": [
                r
                for r in revotes_context(workshop, revotes_of(workshop), language)
                if not r["open"]
            ],
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


def notes_context(workshop, language: str) -> list[dict]:
    """The notes and actions of the discussion, in the order they were taken, each with the
    question it is about."""
    questionnaire = workshop.questionnaire
    return [
        {
            "id": note.pk,
            "question_id": note.question_id,
            "question": questionnaire.question(note.question_id).label.in_language(language)
            if note.question_id and questionnaire.has_question(note.question_id)
            else "",
            "text": note.text,
            "owner": note.owner,
            "due": note.due,
            "is_action": note.is_action,
        }
        for note in workshop.notes.all()
    ]


def consensus_rows(form, group: GroupView, language: str, notes=()) -> list[dict]:
    """The consensus form's questions, the agenda's first, each beside the group's answers."""
    spreads = {spread.question.id: spread for spread in group.spreads}
    on_agenda = [spread.question.id for spread in group.agenda]
    order = on_agenda + [
        q.id for q in group.questionnaire.questions if q.id in form.fields and q.id not in on_agenda
    ]
    rows = []
    for question_id in order:
        spread = spreads.get(question_id)
        rows.append(
            {
                "question": form[question_id],
                "dissent": form[f"dissent_{question_id}"],
                "on_agenda": question_id in on_agenda,
                "group": spread_context(spread, language) if spread and spread.answered else None,
                "notes": [note for note in notes if note["question_id"] == question_id],
            }
        )
    return rows


def revotes_context(workshop, revotes, language: str) -> list[dict]:
    """Each re-vote's question with the room's answers before and after, side by side."""
    questionnaire = workshop.questionnaire
    shown = []
    for revote, after in revotes:
        if not questionnaire.has_question(revote.question_id):
            continue
        question = questionnaire.question(revote.question_id)
        total_before, total_after = sum(revote.before.values()), sum(after.values())

        def share(count, total):
            return round(100 * count / total) if total else 0

        shown.append(
            {
                "id": revote.pk,
                "chart": f"revote-{revote.pk}",
                "question": question.label.in_language(language),
                "open": revote.is_open,
                "answered_before": total_before,
                "answered_after": total_after,
                "rows": [
                    {
                        "label": option.label.in_language(language),
                        "before": revote.before.get(option.value, 0),
                        "after": after.get(option.value, 0),
                        "before_share": share(revote.before.get(option.value, 0), total_before),
                        "after_share": share(after.get(option.value, 0), total_after),
                    }
                    for option in question.options
                    if revote.before.get(option.value) or after.get(option.value)
                ],
            }
        )
    return shown
