"""Personas: alice holds the company's private link and owns the team; bob, carol and dave are
her colleagues, answering from the team link; the helpers put a team and its answers in place."""

import pytest

from assessment.teams import services
from assessment.teams.models import Team
from tests.factories import make_assessment
from tests.workshops.conftest import answer_everything  # noqa: F401 - a colleague answers as a participant


@pytest.fixture
def alice(db):
    """The company's first private link, finished."""
    return make_assessment(profile="combative", complete=True, company_name="Maison Lefèvre")


@pytest.fixture
def team(alice) -> Team:
    return services.team_create(owner=alice, owner_role="management", company_name="Maison Lefèvre")


def colleague(team, device, role="sales"):
    return services.team_member_join(team=team, device_key=device, role=role, language="fr")
