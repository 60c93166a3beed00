"""Reads of the consultant's side: a workshop's group, a client's timeline and progress.

Each returns plain values for the presenters; nothing here writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone

from assessment.domain.group import (
    DimensionSpread,
    QuestionSpread,
    Respondent,
    agenda,
    dimension_spreads,
    enough_answers,
    knowledge_gaps,
    proposed_consensus,
    question_spreads,
)
from assessment.domain.progress import TargetGap, against_targets
from assessment.domain.questionnaire import (
    DIMENSIONS,
    Questionnaire,
    first_step_missing,
    load_questionnaire,
)
from assessment.domain.segments import study_placement
from assessment.history import Change, change_between
from assessment.models import Assessment
from assessment.refusals import WorkshopStillOpen

from .models import (
    CLOSED_CODE_LIFETIME,
    INVITATION_LIFETIME,
    Client,
    Consultancy,
    Invitation,
    Participant,
    Workshop,
    may_answer,
)
from .revotes import revote_version


def workshop_of(assessment: Assessment) -> Workshop | None:
    """The workshop whose agreed answers this assessment holds, if any."""
    try:
        return assessment.workshop
    except ObjectDoesNotExist:
        return None


def consultancy_of(assessment: Assessment) -> Consultancy | None:
    """The consultancy whose client this assessment is, or from whose campaign it was started,
    if any: its brand goes on the report.

    One query, without the logo's bytes: the cache key needs only the brand's name, logo key and
    colour, and every download asks for it; the logo itself is read on a cache miss alone.
    """
    return (
        Consultancy.objects.defer("logo")
        .filter(
            Q(clients__workshops__agreed_assessment=assessment)
            | Q(clients__attachments__assessment=assessment)
            | Q(campaigns__entries__assessment=assessment)
        )
        .first()
    )


def workshops_with_brand():
    # Pages show the consultancy's name and colour, not its logo's bytes: the logo has an address.
    return Workshop.objects.select_related("client__consultancy").defer("client__consultancy__logo")


def pending_invitations(consultancy: Consultancy) -> list[Invitation]:
    """Invitations whose link still works, oldest first: the consultancy may withdraw them."""
    expired_before = timezone.now() - INVITATION_LIFETIME
    return list(
        Invitation.objects.filter(
            consultancy=consultancy, accepted_at__isnull=True, created_at__gt=expired_before
        ).order_by("created_at")
    )


def workshop_by_join_code(code: str) -> Workshop | None:
    """The workshop a join code leads to; none once it has been closed for CLOSED_CODE_LIFETIME,
    when its code answers as an unknown one does."""
    expired_before = timezone.now() - CLOSED_CODE_LIFETIME
    return (
        workshops_with_brand()
        # A company's own team is reached by its unguessable link alone, never by a short code.
        .filter(code=code.upper()[:12], client__isnull=False)
        .exclude(closed_at__lt=expired_before)
        .first()
    )


# A live workshop


def workshop_version(workshop: Workshop) -> str:
    """Changes whenever anything the facilitator view shows changes: its ETag."""
    state = Participant.objects.filter(workshop=workshop).aggregate(
        joined=Count("pk"),
        finished=Count("pk", filter=Q(assessment__completed_at__isnull=False)),
        last=Max("assessment__updated_at"),
        let_in=Max("let_in_at"),
    )
    raw = (
        f"{revote_version(workshop)}:{workshop.pk}:{state['joined']}:{state['finished']}:{state['last']}:{state['let_in']}:"
        f"{workshop.revealed_at}:{workshop.closed_at}"
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Member:
    """One participant as the group's screens show them: plain values, read in one query."""

    pk: int
    role: str
    first_name: str
    # Kept for those who gave a first name, whom named mode shows beside their answers: the
    # group's spreads are computed from everyone's, and the live snapshot stays small.
    named_answers: Mapping[str, object]
    is_complete: bool
    can_answer: bool
    step: int | None  # where an unfinished phone stands: the first step with a question left


@dataclass(frozen=True)
class GroupView:
    questionnaire: Questionnaire
    joined: int
    finished: int
    by_role: Mapping[str, int]
    participants: list[Member]
    agenda: list[QuestionSpread]
    spreads: list[QuestionSpread]  # every choice question, in questionnaire order
    dimensions: list[DimensionSpread]
    knowledge_gaps: list[QuestionSpread]  # the questions a quarter or more could not answer
    proposal: dict[str, object]
    segment: str | None


_SCORE_FIELDS = tuple(f"assessment__{dimension}_score" for dimension in DIMENSIONS)


def workshop_members(workshop: Workshop) -> list[tuple[Member, Mapping, Mapping | None]]:
    """The participants in joining order, each with their answers and stored scores, read as
    values: no model object is built for each."""
    rows = (
        Participant.objects.filter(workshop=workshop)
        .order_by("created_at", "pk")
        .values_list(
            "pk",
            "role",
            "first_name",
            "let_in_at",
            "assessment__answers",
            "assessment__questionnaire_version",
            "assessment__completed_at",
            *_SCORE_FIELDS,
        )
    )
    members = []
    for pk, role, first_name, let_in_at, answers, version, completed_at, *scores in rows:
        stored = dict(zip(DIMENSIONS, scores, strict=True))
        is_complete = completed_at is not None
        members.append(
            (
                Member(
                    pk=pk,
                    role=role,
                    first_name=first_name,
                    named_answers=answers if first_name else {},
                    is_complete=is_complete,
                    can_answer=may_answer(workshop, let_in_at),
                    step=None
                    if is_complete
                    else first_step_missing(load_questionnaire(version), answers),
                ),
                answers,
                # Scores are stored at completion; one missing is scored again from the answers.
                stored if None not in scores else None,
            )
        )
    return members


def workshop_group(workshop: Workshop) -> GroupView:
    rows = workshop_members(workshop)
    participants = [member for member, _answers, _scores in rows]
    respondents = [Respondent(role=m.role, answers=answers) for m, answers, _scores in rows]
    # Scores are a finished participant's: half a questionnaire would count as zeros.
    finished = [
        Respondent(role=m.role, answers=answers, scores=scores)
        for m, answers, scores in rows
        if m.is_complete
    ]
    return group_of(participants, respondents, finished, questionnaire=workshop.questionnaire)


def group_of(
    participants: list[Member],
    respondents: list[Respondent],
    finished: list[Respondent],
    *,
    shown_from: int = 0,
    questionnaire: Questionnaire | None = None,
) -> GroupView:
    """The group of these respondents, as the workshop's screens and a company's own team read
    it: one set of rules. With `shown_from`, questions fewer answered are left out (see
    `enough_answers`). `questionnaire` is the one they answered, the current one by default."""
    questionnaire = questionnaire or load_questionnaire()
    by_role: dict[str, int] = {}
    for participant in participants:
        by_role[participant.role] = by_role.get(participant.role, 0) + 1
    spreads_by_question = question_spreads(questionnaire, respondents)
    if shown_from:
        spreads_by_question = enough_answers(spreads_by_question, shown_from)
    proposal = proposed_consensus(spreads_by_question)
    spreads = dimension_spreads(questionnaire, finished) if finished else []
    return GroupView(
        questionnaire=questionnaire,
        joined=len(participants),
        finished=len(finished),
        by_role=by_role,
        participants=participants,
        agenda=agenda(spreads_by_question),
        spreads=spreads_by_question,
        dimensions=spreads,
        knowledge_gaps=knowledge_gaps(spreads_by_question),
        proposal=proposal,
        segment=study_placement(proposal).segment
        if "self_activity" in proposal and "tempo" in proposal
        else None,
    )


def workshop_consensus_start(workshop: Workshop) -> dict[str, object]:
    """What the consensus form starts from: the answers agreed already, or the group's proposal,
    with the notes of dissent as the form names them."""
    if workshop.is_open:
        raise WorkshopStillOpen
    initial = (
        workshop.agreed_assessment.answers
        if workshop.agreed_assessment
        else workshop_group(workshop).proposal
    )
    dissent = {f"dissent_{key}": note for key, note in workshop.dissent_notes.items()}
    return {**initial, **dissent}


def workshop_participants(workshop: Workshop) -> list[Participant]:
    """In joining order, with their answers: the rows of the workshop's export."""
    return list(workshop.participants.select_related("assessment"))


# A client over time


def client_assessments(client: Client):
    """The assessments that stand for the client: agreed in its workshops, or made on its own and
    attached to it. Participants' individual answers are not among them."""
    return Assessment.objects.filter(Q(workshop__client=client) | Q(attachment__client=client))


@dataclass(frozen=True)
class TimelineEntry:
    assessment: Assessment
    workshop: Workshop | None  # None for a self-serve assessment


def client_timeline(client: Client) -> list[TimelineEntry]:
    """The client's completed assessments, oldest first."""
    completed = (
        client_assessments(client)
        .filter(completed_at__isnull=False)
        .select_related("workshop", "campaign_entry")
        .order_by("completed_at", "pk")
    )
    return [TimelineEntry(assessment=a, workshop=getattr(a, "workshop", None)) for a in completed]


@dataclass(frozen=True)
class ClientProgress:
    """A client's assessments over time, what moved since the previous one, what was acted on,
    and how far each target is."""

    client: Client
    timeline: list[TimelineEntry]
    targets: list[TargetGap]
    last_change: Change | None

    @property
    def assessments(self) -> list[Assessment]:
        return [entry.assessment for entry in self.timeline]


def client_progress(client: Client) -> ClientProgress:
    timeline = client_timeline(client)
    assessments = [entry.assessment for entry in timeline]
    targets = against_targets(assessments[-1].score_values(), client.targets) if timeline else []
    last_change = change_between(*assessments[-2:]) if len(assessments) >= 2 else None
    return ClientProgress(
        client=client, timeline=timeline, targets=targets, last_change=last_change
    )


@dataclass(frozen=True)
class ClientExport:
    """Every assessment of a client, for its export: those it made on its own, then each
    workshop's participants and agreed answers, oldest first."""

    on_its_own: list[Assessment]
    workshops: list[Workshop]  # their participants prefetched, in joining order


def client_export(client: Client) -> ClientExport:
    participants = Participant.objects.select_related("assessment").order_by("created_at")
    workshops = (
        client.workshops.order_by("created_at")
        .select_related("agreed_assessment")
        .prefetch_related(Prefetch("participants", queryset=participants))
    )
    return ClientExport(
        on_its_own=[e.assessment for e in client_timeline(client) if e.workshop is None],
        workshops=list(workshops),
    )
