"""Use cases of the consultant's side: one function each, atomic where they write."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment import services as assessment_services
from assessment.domain.questionnaire import Questionnaire, clean_answer
from assessment.models import Assessment, Origin, PeerDataVersion
from assessment.refusals import (
    AnswersFrozen,
    CannotAttach,
    CannotRemoveColleague,
    InvitationUsed,
    WorkshopClosed,
    WorkshopFull,
    WorkshopStillOpen,
)

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
    WorkshopNote,
)
from .selectors import client_assessments


@transaction.atomic
def consultancy_signup(*, email: str, password: str, consultancy_name: str):
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    consultancy = Consultancy.objects.create(name=consultancy_name)
    Membership.objects.create(user=user, consultancy=consultancy)
    return user


def invitation_create(*, consultancy: Consultancy, created_by) -> Invitation:
    return Invitation.objects.create(consultancy=consultancy, created_by=created_by)


def invitation_is_usable(invitation: Invitation) -> bool:
    """Not accepted yet, and made less than INVITATION_LIFETIME ago: a link forgotten in a mailbox
    does not open the consultancy's clients months later."""
    return invitation.accepted_at is None and timezone.now() < invitation.expires_at


@transaction.atomic
def invitation_accept(*, invitation: Invitation, email: str, password: str):
    locked = Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    if locked is None or not invitation_is_usable(locked):
        raise InvitationUsed
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    Membership.objects.create(user=user, consultancy=locked.consultancy)
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return user


def invitation_revoke(*, consultancy: Consultancy, invitation_id: int) -> None:
    """The link stops working at once; an accepted invitation is history and stays."""
    Invitation.objects.filter(
        pk=invitation_id, consultancy=consultancy, accepted_at__isnull=True
    ).delete()


@transaction.atomic
def colleague_remove(*, consultancy: Consultancy, user_id: int, removed_by) -> None:
    """A colleague leaves the consultancy: their account goes, with the invitations they sent;
    the workshops they ran stay with the clients. Nobody removes themselves, so a consultancy
    always keeps someone who can log in."""
    if user_id == removed_by.pk:
        raise CannotRemoveColleague
    membership = Membership.objects.filter(consultancy=consultancy, user_id=user_id).first()
    if membership is not None:
        get_user_model().objects.filter(pk=membership.user_id).delete()


def client_create(*, consultancy: Consultancy, **fields) -> Client:
    return Client.objects.create(consultancy=consultancy, **fields)


def workshop_check_open(workshop: Workshop) -> None:
    """Refuse participants and their answers once the workshop is closed."""
    if not workshop.is_open:
        raise WorkshopClosed(workshop)


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
                    # The proposed roles in their usual order, then the client's own.
                    roles=[role for role in ROLES if role in (roles or ROLES)]
                    + [role for role in (roles or []) if role not in ROLES],
                    prework=prework,
                    prework_until=prework_until if prework else None,
                )
        except IntegrityError:
            continue
    raise RuntimeError("no free join code")


def participant_join(
    *,
    workshop: Workshop,
    device_key: str,
    role: str,
    first_name: str,
    language: str,
    known: Mapping[str, str] | None = None,
) -> Participant:
    """A phone joins the workshop; the same phone joining again gets its own answers back.

    `workshop` as read in the same request (its client with it): whether it is still open is
    checked on that copy. No lock on the workshop: hundreds of phones join the same one in the
    same seconds. Two taps of one phone are told apart by the unique constraint on the workshop
    and the phone instead: the second insert fails, and its phone gets the first one's answers.
    `known` is what the participant confirms rather than types: by default, what the consultant
    knows of the client.
    """
    workshop_check_open(workshop)
    if role not in workshop.roles:
        raise ValueError(f"role {role!r} is not offered in this workshop")
    existing = Participant.objects.filter(workshop=workshop, device_key=device_key).first()
    if existing is not None:
        return existing
    # Counted without a lock: under a burst of joins the cap may be passed by a few, never by a
    # script's hundreds.
    if workshop.participants.count() >= settings.WORKSHOP_MAX_PARTICIPANTS:
        raise WorkshopFull(workshop)
    if known is None:
        known = _client_answers(workshop.client)
    try:
        return _participant_create(workshop, device_key, role, first_name, language, known)
    except IntegrityError:
        return Participant.objects.get(workshop=workshop, device_key=device_key)


def _client_answers(client: Client) -> dict[str, str]:
    # What the consultant already knows of the client is filled in: participants confirm it
    # rather than typing it again.
    return {
        "company_name": client.name[:120],
        "headcount": client.headcount,
        "turnover": client.turnover,
        "sector": client.sector,
    }


@transaction.atomic
def _participant_create(
    workshop: Workshop,
    device_key: str,
    role: str,
    first_name: str,
    language: str,
    known: Mapping[str, str],
) -> Participant:
    assessment = Assessment.objects.create(
        language=language,
        origin=Origin.PARTICIPANT,
        questionnaire_version=workshop.questionnaire_version,
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


@transaction.atomic
def participant_remove(*, workshop: Workshop, participant_id: int) -> None:
    """Take a duplicate phone out of the group, with its answers, before the answers are agreed."""
    if workshop.agreed_assessment_id is not None:
        raise AnswersFrozen
    participant = workshop.participants.filter(pk=participant_id).first()
    if participant is not None:
        # The assessment holds the participant row: deleting it removes both.
        participant.assessment.delete()


def workshop_add_note(
    *, workshop: Workshop, question_id: str, text: str, owner: str = "", due=None
) -> WorkshopNote:
    """A note or an action from the discussion, until the agreed answers are recorded."""
    if workshop.agreed_assessment_id is not None:
        raise AnswersFrozen
    return WorkshopNote.objects.create(
        workshop=workshop, question_id=question_id, text=text, owner=owner, due=due
    )


def workshop_delete_note(*, workshop: Workshop, note_id: int) -> None:
    if workshop.agreed_assessment_id is not None:
        raise AnswersFrozen
    workshop.notes.filter(pk=note_id).delete()


def participant_let_in(*, workshop: Workshop, participant_id: int) -> None:
    """The facilitator lets one phone answer after the results were shown (a late arrival)."""
    workshop_check_open(workshop)
    workshop.participants.filter(pk=participant_id, let_in_at__isnull=True).update(
        let_in_at=timezone.now()
    )


@transaction.atomic
def workshop_close(*, workshop: Workshop) -> None:
    now = timezone.now()
    Workshop.objects.filter(pk=workshop.pk, closed_at__isnull=True).update(closed_at=now)
    # Closing reveals too: the consensus is built on the group's answers.
    Workshop.objects.filter(pk=workshop.pk, revealed_at__isnull=True).update(revealed_at=now)


def workshop_reopen(*, workshop: Workshop) -> None:
    """Open a closed workshop again for late answers, until the agreed answers are recorded.

    The results stay shown, so answers stay locked: the facilitator lets each late phone in.
    """
    if workshop.agreed_assessment_id is not None:
        raise AnswersFrozen
    Workshop.objects.filter(pk=workshop.pk, agreed_assessment__isnull=True).update(closed_at=None)


def clean_consensus(questionnaire: Questionnaire, answers: Mapping[str, object]) -> dict:
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
    """The agreed answers become the client's assessment of that date: only once the workshop is
    closed, as they are built on the group's answers given blind."""
    locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if locked.is_open:
        raise WorkshopStillOpen
    questionnaire = locked.questionnaire
    agreed_answers = clean_consensus(
        questionnaire, {**answers, "company_name": locked.client.name[:120]}
    )
    # Written here, not through the questionnaire's service: agreed answers are frozen there.
    agreed = locked.agreed_assessment or Assessment(origin=Origin.CONSENSUS)
    agreed.answers, agreed.language = agreed_answers, language
    agreed.questionnaire_version = questionnaire.version
    agreed.save()
    assessment_services.assessment_complete(assessment=agreed)
    locked.agreed_assessment = agreed
    locked.dissent_notes = {key: note.strip()[:1000] for key, note in dissent_notes.items() if note}
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
    assessments = Assessment.objects.filter(
        Q(participant__workshop__client=client)
        | Q(workshop__client=client)
        | Q(attachment__client=client)
    )
    for assessment in assessments:
        assessment_services.assessment_forget_reports(assessment=assessment)
    assessments.delete()
    client.delete()
    # Its agreed and attached assessments may have counted among peers.
    PeerDataVersion.bump()


# A client over time


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
    return client_attach(client=client, assessment=assessment, attached_by=attached_by)


def client_attach(*, client: Client, assessment: Assessment, attached_by) -> Assessment:
    """Put a self-serve assessment on the client's timeline; the caller holds its row locked."""
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
