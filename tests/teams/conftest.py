"""Personas: alice holds the company's private link and owns the team; bob, carol and dave are
her colleagues, answering from the team link; the helpers put a team and its answers in place."""

import pytest

from assessment.teams import services
from assessment.teams.models import Team
from tests.factories import make_assessment, step_post_data
from tests.profiles import PROFILES


@pytest.fixture
def alice(db):
    """The company's first private link, finished."""
    return make_assessment(profile="combative", complete=True, company_name="Maison Lefèvre")


@pytest.fixture
def team(alice) -> Team:
    return services.team_create(owner=alice, owner_role="management", company_name="Maison Lefèvre")


def colleague(team, device, role="sales"):
    return services.team_member_join(team=team, device_key=device, role=role, language="fr")


def answer_everything(client, questionnaire, member, profile="combative", **changes):
    answers = {**PROFILES[profile](), **changes}
    token = member.assessment.token
    for number in range(1, len(questionnaire.sections) + 1):
        response = client.post(
            f"/a/{token}/step/{number}/",
            {**step_post_data(questionnaire, number, answers), "next": "1"},
        )
    return response
