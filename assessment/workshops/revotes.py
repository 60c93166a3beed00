"""Voting again on one question after the discussion: open it, the phones answer it alone, close
it; the distribution before and after is kept side by side.

The participants' first answers are never changed: the agreed answers are built from them and the
room's discussion, and the re-vote is what the discussion moved, shown as such.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from assessment.domain.questionnaire import SINGLE, InvalidAnswer, clean_answer
from assessment.refusals import Refused, WorkshopClosed

from .models import Participant, Revote, RevoteAnswer, Workshop


class CannotRevote(Refused):
    """Only a single-choice question of a workshop whose results are shown can be voted again."""


def _first_counts(workshop: Workshop, question_id: str) -> dict[str, int]:
    answers = Participant.objects.filter(workshop=workshop).values_list(
        "assessment__answers", flat=True
    )
    return dict(Counter(a[question_id] for a in answers if a.get(question_id)))


@transaction.atomic
def revote_open(*, workshop: Workshop, question_id: str) -> Revote:
    """Open a re-vote on one question; any other open one closes first: one at a time."""
    if not workshop.is_open:
        raise WorkshopClosed(workshop)
    questionnaire = workshop.questionnaire
    if not workshop.is_revealed or not questionnaire.has_question(question_id):
        raise CannotRevote("not revealed, or no such question")
    if questionnaire.question(question_id).kind != SINGLE:
        raise CannotRevote("only a single choice is voted again")
    now = timezone.now()
    Revote.objects.filter(workshop=workshop, closed_at__isnull=True).update(closed_at=now)
    return Revote.objects.create(
        workshop=workshop, question_id=question_id, before=_first_counts(workshop, question_id)
    )


def revote_close(*, workshop: Workshop) -> None:
    Revote.objects.filter(workshop=workshop, closed_at__isnull=True).update(
        closed_at=timezone.now()
    )


def open_revote(workshop: Workshop) -> Revote | None:
    return Revote.objects.filter(workshop=workshop, closed_at__isnull=True).first()


def revote_answer(*, participant: Participant, revote_id: int, raw: object) -> None:
    """A phone's second answer; it may change it while the re-vote is open."""
    revote = Revote.objects.filter(
        pk=revote_id, workshop=participant.workshop, closed_at__isnull=True
    ).first()
    if revote is None or not participant.workshop.is_open:
        raise CannotRevote("this re-vote is closed")
    question = participant.workshop.questionnaire.question(revote.question_id)
    try:
        answer = clean_answer(question, raw)
    except InvalidAnswer:
        raise CannotRevote("not an option of the question") from None
    if answer is None:
        raise CannotRevote("no answer")
    RevoteAnswer.objects.update_or_create(
        revote=revote, participant=participant, defaults={"answer": answer}
    )


def second_answer(revote: Revote, participant: Participant) -> str | None:
    """The phone's answer in this re-vote, if it gave one."""
    return (
        RevoteAnswer.objects.filter(revote=revote, participant=participant)
        .values_list("answer", flat=True)
        .first()
    )


def revote_version(workshop: Workshop) -> str:
    """Changes when a re-vote opens, closes or gets an answer: part of the live view's ETag."""
    revotes = list(
        Revote.objects.filter(workshop=workshop)
        .annotate(answered=Count("answers"))
        .values_list("pk", "closed_at", "answered")
    )
    return str(revotes)


def revotes_of(workshop: Workshop) -> list[tuple[Revote, dict[str, int]]]:
    """Every re-vote of the workshop, oldest first, with its second-round counts."""
    revotes = list(Revote.objects.filter(workshop=workshop))
    after = Counter()
    for revote_id, answer, count in (
        RevoteAnswer.objects.filter(revote__in=revotes)
        .values_list("revote_id", "answer")
        .annotate(count=Count("pk"))
    ):
        after[(revote_id, answer)] = count
    return [
        (revote, {value: n for (rid, value), n in after.items() if rid == revote.pk})
        for revote in revotes
    ]
