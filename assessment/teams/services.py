"""Use cases of a company's own team: one function each, atomic where they write.

The colleagues join and answer through the workshop's services (a team is a workshop without a
client); what is written here is the team's own: its link, its close, and the agreed answers
that become the company's assessment.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from assessment import services as assessment_services
from assessment.models import Assessment, Origin, new_token
from assessment.refusals import AnswersFrozen, WorkshopStillOpen
from assessment.selectors import respondent_assessment
from assessment.workshops import services as workshop_services
from assessment.workshops.models import ROLES, Participant, Workshop

from .models import Team

# What a colleague confirms rather than types: the company the owner described.
KNOWN_ANSWERS = ("headcount", "turnover", "sector")


@transaction.atomic
def team_create(*, owner: Assessment, owner_role: str, company_name: str) -> Team:
    """The team of the company this private link belongs to; one per link, made once."""
    respondent_assessment(owner)
    if owner_role not in ROLES:
        raise ValueError(f"role {owner_role!r} is not offered")
    locked = Assessment.objects.select_for_update().get(pk=owner.pk)
    existing = Team.objects.filter(owner=locked).first()
    if existing is not None:
        return existing
    workshop = Workshop.objects.create(client=None, roles=list(ROLES))
    return Team.objects.create(
        owner=locked,
        owner_role=owner_role,
        company_name=company_name.strip()[:120],
        workshop=workshop,
    )


def team_member_join(*, team: Team, device_key: str, role: str, language: str) -> Participant:
    """A colleague joins, without a name: the same rules as a workshop's phones (WorkshopClosed,
    WorkshopFull), with what the owner said of the company filled in."""
    known = {"company_name": team.company_name}
    known.update({key: team.owner.answers.get(key, "") for key in KNOWN_ANSWERS})
    return workshop_services.participant_join(
        workshop=team.workshop,
        device_key=device_key,
        role=role,
        first_name="",
        language=language,
        known=known,
    )


def team_close(*, team: Team) -> None:
    """No colleague joins or changes an answer any more: the agreed answers can be recorded."""
    workshop_services.workshop_close(workshop=team.workshop)


def team_reopen(*, team: Team) -> None:
    """Open again for late colleagues, until the agreed answers are recorded (AnswersFrozen)."""
    if team.agreed_assessment_id is not None:
        raise AnswersFrozen
    # Closing marked the answers as shown; a team's are never shown to its colleagues, so
    # reopening lets them answer again, not only those let in.
    Workshop.objects.filter(pk=team.workshop_id).update(closed_at=None, revealed_at=None)


@transaction.atomic
def team_record_agreed_answers(
    *, team: Team, answers: Mapping[str, object], language: str
) -> Assessment:
    """The agreed answers become a new completed assessment of the company, beside the owner's
    own in its history (the same company key): once, and only once the team is closed, as they
    are built on answers given blind."""
    locked = Team.objects.select_for_update().select_related("workshop", "owner").get(pk=team.pk)
    if locked.workshop.is_open:
        raise WorkshopStillOpen
    if locked.agreed_assessment_id is not None:
        raise AnswersFrozen
    owner = locked.owner
    if not owner.company_key:
        owner.company_key = new_token()
        owner.save(update_fields=["company_key"])
    # The questionnaire the colleagues answered: their workshop's, as on the workshop's screens.
    questionnaire = locked.workshop.questionnaire
    agreed = Assessment.objects.create(
        origin=Origin.SELF_SERVE,
        language=language,
        respondent_key=owner.respondent_key,
        company_key=owner.company_key,
        questionnaire_version=questionnaire.version,
        answers=workshop_services.clean_consensus(
            questionnaire, {**answers, "company_name": locked.company_name}
        ),
    )
    assessment_services.assessment_complete(assessment=agreed)
    locked.agreed_assessment = agreed
    locked.save(update_fields=["agreed_assessment"])
    agreed.refresh_from_db()
    return agreed
