"""Use cases of the consultant's side: one function each, atomic where they write."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment import services as assessment_services
from assessment.domain.group import (
    DimensionSpread,
    QuestionSpread,
    Respondent,
    agenda,
    dimension_spreads,
    group_knowledge_gaps,
    proposed_consensus,
    question_spreads,
)
from assessment.domain.questionnaire import Questionnaire, clean_answer, load_questionnaire
from assessment.domain.segments import study_placement
from assessment.models import Assessment, Origin

from .brand import Logo
from .models import (
    ROLES,
    AttachedAssessment,
    Client,
    Consultancy,
    Invitation,
    Membership,
    Participant,
    Workshop,
)


class WorkshopClosed(Exception):
    """The workshop no longer takes answers."""


class InvitationUsed(Exception):
    """The invitation was accepted already."""


class CannotAttach(Exception):
    """This assessment cannot join the client's timeline; the message says why."""


@transaction.atomic
def consultancy_signup(*, email: str, password: str, consultancy_name: str):
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    consultancy = Consultancy.objects.create(name=consultancy_name)
    Membership.objects.create(user=user, consultancy=consultancy)
    return user


def invitation_create(*, consultancy: Consultancy, created_by) -> Invitation:
    return Invitation.objects.create(consultancy=consultancy, created_by=created_by)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, email: str, password: str):
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise InvitationUsed
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    Membership.objects.create(user=user, consultancy=locked.consultancy)
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return user


def client_create(*, consultancy: Consultancy, **fields) -> Client:
    return Client.objects.create(consultancy=consultancy, **fields)


def workshop_create(
    *,
    client: Client,
    created_by,
    title: str = "",
    named_mode: bool = False,
    roles: list[str] | None = None,
    prework: bool = False,
    prework_until=None,
):
    # A clash of random codes is rare; a fresh one is drawn rather than failing the consultant.
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return Workshop.objects.create(
                    client=client,
                    created_by=created_by,
                    title=title,
                    named_mode=named_mode,
                    roles=[role for role in ROLES if role in (roles or ROLES)],
                    prework=prework,
                    prework_until=prework_until if prework else None,
                )
        except IntegrityError:
            continue
    raise RuntimeError("no free join code")


@transaction.atomic
def participant_join(
    *, workshop: Workshop, device_key: str, role: str, first_name: str, language: str
) -> Participant:
    """A phone joins the workshop; the same phone joining again gets its own answers back."""
    workshop = Workshop.objects.select_for_update().select_related("client").get(pk=workshop.pk)
    if not workshop.is_open:
        raise WorkshopClosed
    if role not in workshop.roles:
        raise ValueError(f"role {role!r} is not offered in this workshop")
    # The workshop row is locked: two taps of the same phone join one after the other, and the
    # second finds the first.
    existing = Participant.objects.filter(workshop=workshop, device_key=device_key).first()
    if existing is not None:
        return existing
    # What the consultant already knows of the client is filled in: participants confirm it
    # rather than typing it again.
    known = {
        "company_name": workshop.client.name[:120],
        "headcount": workshop.client.headcount,
        "turnover": workshop.client.turnover,
        "sector": workshop.client.sector,
    }
    assessment = Assessment.objects.create(
        language=language,
        origin=Origin.PARTICIPANT,
        answers={key: value for key, value in known.items() if value},
    )
    return Participant.objects.create(
        workshop=workshop,
        assessment=assessment,
        device_key=device_key,
        role=role,
        first_name=first_name.strip()[:40],
    )


def workshop_reveal(*, workshop: Workshop) -> None:
    Workshop.objects.filter(pk=workshop.pk, revealed_at__isnull=True).update(
        revealed_at=timezone.now()
    )


def workshop_close(*, workshop: Workshop) -> None:
    Workshop.objects.filter(pk=workshop.pk, closed_at__isnull=True).update(closed_at=timezone.now())
    # Closing reveals too: the consensus is built on the group's answers.
    Workshop.objects.filter(pk=workshop.pk, revealed_at__isnull=True).update(
        revealed_at=timezone.now()
    )


def workshop_version(workshop: Workshop) -> str:
    """Changes whenever anything the facilitator view shows changes: its ETag."""
    state = Participant.objects.filter(workshop=workshop).aggregate(
        joined=Count("pk"),
        finished=Count("pk", filter=Q(assessment__completed_at__isnull=False)),
        last=Max("assessment__updated_at"),
    )
    raw = (
        f"{workshop.pk}:{state['joined']}:{state['finished']}:{state['last']}:"
        f"{workshop.revealed_at}:{workshop.closed_at}"
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class GroupView:
    joined: int
    finished: int
    by_role: Mapping[str, int]
    participants: list[Participant]
    agenda: list[QuestionSpread]
    spreads: list[QuestionSpread]  # every choice question, in questionnaire order
    dimensions: list[DimensionSpread]
    knowledge_gaps: list[str]
    proposal: dict[str, object]
    segment: str | None


def workshop_group(workshop: Workshop) -> GroupView:
    participants = list(workshop.participants.select_related("assessment"))
    questionnaire = load_questionnaire()
    respondents = [Respondent(role=p.role, answers=p.assessment.answers) for p in participants]
    by_role: dict[str, int] = {}
    for participant in participants:
        by_role[participant.role] = by_role.get(participant.role, 0) + 1
    spreads_by_question = question_spreads(questionnaire, respondents)
    proposal = proposed_consensus(spreads_by_question)
    # Scores are a finished participant's: half a questionnaire would count as zeros.
    finished = [
        Respondent(role=p.role, answers=p.assessment.answers)
        for p in participants
        if p.assessment.is_complete
    ]
    spreads = dimension_spreads(questionnaire, finished) if finished else []
    return GroupView(
        joined=len(participants),
        finished=sum(1 for p in participants if p.assessment.is_complete),
        by_role=by_role,
        participants=participants,
        agenda=agenda(spreads_by_question),
        spreads=spreads_by_question,
        dimensions=spreads,
        knowledge_gaps=group_knowledge_gaps(spreads),
        proposal=proposal,
        segment=study_placement(proposal).segment
        if "self_activity" in proposal and "tempo" in proposal
        else None,
    )


def _clean_consensus(questionnaire: Questionnaire, answers: Mapping[str, object]) -> dict:
    return {
        question.id: clean_answer(question, answers.get(question.id))
        for question in questionnaire.questions
        if answers.get(question.id) not in (None, "", [])
    }


@transaction.atomic
def workshop_record_consensus(
    *,
    workshop: Workshop,
    answers: Mapping[str, object],
    dissent_notes: Mapping[str, str],
    language: str,
) -> Assessment:
    """The agreed answers become the client's assessment of that date."""
    locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
    questionnaire = load_questionnaire()
    agreed = locked.agreed_assessment or Assessment.objects.create(
        language=language, origin=Origin.CONSENSUS
    )
    agreed.answers = {}
    agreed.save()
    agreed_answers = _clean_consensus(questionnaire, answers)
    agreed_answers["company_name"] = locked.client.name[:120]
    assessment_services.assessment_save_answers(
        assessment=agreed, answers=agreed_answers, language=language
    )
    assessment_services.assessment_complete(assessment=agreed)
    locked.agreed_assessment = agreed
    locked.dissent_notes = {key: note.strip()[:1000] for key, note in dissent_notes.items() if note}
    if locked.closed_at is None:
        locked.closed_at = timezone.now()
    if locked.revealed_at is None:
        locked.revealed_at = timezone.now()
    locked.save()
    agreed.refresh_from_db()
    # Linked to its workshop now: the client's consent decides whether it counts among peers.
    assessment_services.assessment_update_peer_benchmarks(assessment=agreed)
    return agreed


@transaction.atomic
def client_set_peer_consent(*, client: Client, consent: bool) -> None:
    """The client opts in or out: its assessments enter or leave the peer benchmarks."""
    client.peer_benchmarks_consent = consent
    client.save(update_fields=["peer_benchmarks_consent"])
    completed = client_assessments(client).filter(completed_at__isnull=False)
    for assessment in completed.select_related("workshop__client", "attachment__client"):
        assessment_services.assessment_update_peer_benchmarks(assessment=assessment)


@transaction.atomic
def client_delete(*, client: Client) -> None:
    """Delete a client and everything of it: workshops, participants and all their answers,
    agreed assessments and their cached reports."""
    # The report module reads the workshops' services: imported here, not at the top.
    from assessment.reports.pdf import forget_reports

    assessments = Assessment.objects.filter(
        Q(participant__workshop__client=client)
        | Q(workshop__client=client)
        | Q(attachment__client=client)
    )
    for assessment in assessments:
        forget_reports(assessment)
    assessments.delete()
    client.delete()


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
        .select_related("workshop")
        .order_by("completed_at", "pk")
    )
    return [TimelineEntry(assessment=a, workshop=getattr(a, "workshop", None)) for a in completed]


# A private link ends with the assessment's token: /a/<token>/..., in any language.
TOKEN_IN_LINK = re.compile(r"/a/([A-Za-z0-9_-]{20,64})(?:/|$)")


def token_from_link(link: str) -> str | None:
    link = link.strip()
    if re.fullmatch(r"[A-Za-z0-9_-]{20,64}", link):
        return link
    found = TOKEN_IN_LINK.search(link)
    return found.group(1) if found else None


@transaction.atomic
def client_attach_assessment(*, client: Client, link: str, attached_by) -> Assessment:
    """Put a self-serve assessment, named by its private link, on the client's timeline."""
    token = token_from_link(link)
    assessment = (
        Assessment.objects.select_for_update().filter(token=token).first() if token else None
    )
    if assessment is None:
        raise CannotAttach(_("No assessment has this link. Paste the private link it gave."))
    if assessment.origin == Origin.CONSENSUS:
        raise CannotAttach(
            _("These are a workshop's agreed answers: they are on their client's timeline already.")
        )
    if not assessment.is_self_serve:
        raise CannotAttach(
            _(
                "This is one participant's link in a workshop: the workshop's agreed answers "
                "stand for the client, not one person's."
            )
        )
    if not assessment.is_complete:
        raise CannotAttach(_("This assessment is not finished yet: attach it once it is."))
    existing = AttachedAssessment.objects.filter(assessment=assessment).first()
    if existing is not None:
        raise CannotAttach(
            _("This assessment is on this client's timeline already.")
            if existing.client_id == client.pk
            else _("This assessment is attached to another client.")
        )
    AttachedAssessment.objects.create(client=client, assessment=assessment, attached_by=attached_by)
    # It is the client's now: it counts among peers only if the client agreed.
    assessment_services.assessment_update_peer_benchmarks(assessment=assessment)
    return assessment


@transaction.atomic
def client_detach_assessment(*, client: Client, attachment_id: int) -> None:
    """Take a wrongly attached assessment off the timeline: it goes back to its respondent alone,
    and counts among peers as any self-serve assessment does."""
    attachment = AttachedAssessment.objects.filter(pk=attachment_id, client=client).first()
    if attachment is None:
        return
    attachment.delete()
    # Read again: the loaded assessment still remembers the attachment just deleted.
    assessment = Assessment.objects.get(pk=attachment.assessment_id)
    assessment_services.assessment_update_peer_benchmarks(assessment=assessment)


def client_set_targets(*, client: Client, targets: Mapping[str, int | None]) -> None:
    """The scores aimed at for the next assessment; an empty target is no target."""
    client.targets = {name: int(value) for name, value in targets.items() if value is not None}
    client.save(update_fields=["targets"])


# The consultancy's brand


def consultancy_set_brand(
    *,
    consultancy: Consultancy,
    name: str,
    logo: Logo | None = None,
    remove_logo: bool = False,
    accent_colour: str | None = None,
) -> None:
    """Name, logo and accent colour; a logo or colour not given is kept as it is."""
    consultancy.name = name
    if remove_logo:
        consultancy.logo, consultancy.logo_key = None, ""
        consultancy.logo_width = consultancy.logo_height = None
    elif logo is not None:
        consultancy.logo, consultancy.logo_key = logo.png, logo.key
        consultancy.logo_width, consultancy.logo_height = logo.width, logo.height
    if accent_colour is not None:
        consultancy.accent_colour = accent_colour
    consultancy.save()
