"""Personas: alice owns the client, bob is her colleague, charlie is from another consultancy."""

import pytest

from assessment.workshops import services
from assessment.workshops.models import Client, Membership
from tests.factories import step_post_data
from tests.profiles import PROFILES


@pytest.fixture
def alice(db):
    return services.consultancy_signup(
        email="alice@conseil.fr", password="correct horse battery", consultancy_name="Conseil A"
    )


@pytest.fixture
def bob(alice):
    invitation = services.invitation_create(
        consultancy=alice.membership.consultancy, created_by=alice
    )
    return services.invitation_accept(
        invitation=invitation, email="bob@conseil.fr", password="correct horse battery"
    )


@pytest.fixture
def charlie(db):
    return services.consultancy_signup(
        email="charlie@autre.fr", password="correct horse battery", consultancy_name="Autre"
    )


@pytest.fixture
def client_company(alice) -> Client:
    return services.client_create(
        consultancy=Membership.objects.get(user=alice).consultancy,
        name="Maison Lefèvre",
        headcount="50_249",
        sector="retail",
    )


@pytest.fixture
def workshop(client_company, alice):
    return services.workshop_create(client=client_company, created_by=alice)


def join(workshop, device, role="marketing", first_name=""):
    return services.participant_join(
        workshop=workshop, device_key=device, role=role, first_name=first_name, language="fr"
    )


def answer_everything(client, questionnaire, participant, profile="combative", **changes):
    answers = {**PROFILES[profile](), **changes}
    token = participant.assessment.token
    for number in range(1, len(questionnaire.sections) + 1):
        response = client.post(
            f"/a/{token}/step/{number}/",
            {**step_post_data(questionnaire, number, answers), "next": "1"},
        )
    return response
