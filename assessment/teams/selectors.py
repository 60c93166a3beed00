"""Reads of a company's own team: who answered, and the spread the owner alone sees."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from assessment.domain.group import ROLE_GROUP_MINIMUM, Respondent
from assessment.models import Assessment
from assessment.workshops.models import Participant
from assessment.workshops.selectors import GroupView, Member, group_of, workshop_members

from .models import Team

# What a team link looks like: anything longer is not worth a database query.
TEAM_TOKEN_MAX_LENGTH = 64


def team_of(owner: Assessment) -> Team | None:
    try:
        return owner.team
    except ObjectDoesNotExist:
        return None


def team_by_token(token: str) -> Team | None:
    if len(token) > TEAM_TOKEN_MAX_LENGTH:
        return None
    return Team.objects.select_related("workshop", "owner").filter(token=token).first()


def team_of_member(participant: Participant) -> Team | None:
    try:
        return participant.workshop.team
    except ObjectDoesNotExist:
        return None


@dataclass(frozen=True)
class TeamSpread:
    team: Team
    members: list[Member]  # in joining order
    respondents: list[Respondent]  # the finished members', and the owner's once finished
    owner_counted: bool
    group: GroupView | None  # None until ROLE_GROUP_MINIMUM have answered

    @property
    def answered(self) -> int:
        return len(self.respondents)

    @property
    def finished_members(self) -> int:
        return sum(1 for member in self.members if member.is_complete)


def team_spread(team: Team) -> TeamSpread:
    """The team as its owner reads it: nothing of the group below ROLE_GROUP_MINIMUM answers,
    and no question fewer answered (the owner answered too, and knows their own)."""
    # Read as the workshop's live screens read their room: plain values and stored scores.
    rows = workshop_members(team.workshop)
    members = [member for member, _answers, _scores in rows]
    # A colleague counts once finished: a half-answered questionnaire may still change.
    respondents = [
        Respondent(role=member.role, answers=answers, scores=scores)
        for member, answers, scores in rows
        if member.is_complete
    ]
    owner = team.owner
    questionnaire = team.workshop.questionnaire
    owner_counted = owner.is_complete and owner.questionnaire_version == questionnaire.version
    if owner_counted:
        respondents.append(Respondent(role=team.owner_role, answers=owner.answers))
    group = (
        group_of(
            members,
            respondents,
            respondents,
            shown_from=ROLE_GROUP_MINIMUM,
            questionnaire=questionnaire,
        )
        if len(respondents) >= ROLE_GROUP_MINIMUM
        else None
    )
    return TeamSpread(
        team=team,
        members=members,
        respondents=respondents,
        owner_counted=owner_counted,
        group=group,
    )


def team_agreed_start(spread: TeamSpread) -> dict[str, object]:
    """What the agreed answers' form starts from: the team's proposal, built from those who
    know; where the team has none, nothing is proposed."""
    return dict(spread.group.proposal) if spread.group else {}
