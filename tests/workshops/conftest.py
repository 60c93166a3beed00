"""Personas: alice owns the client, bob is her colleague, charlie is from another consultancy;
and the helpers that put a workshop, its participants and a client's assessments in place."""

import html
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from assessment.workshops import services
from assessment.workshops.models import Client, Membership
from tests.factories import make_assessment, step_post_data
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


def a_poll_later():
    """The screens poll every 2 seconds: what a poll sees is never older than the one before."""
    return time_machine.travel(timezone.now() + timedelta(seconds=2), tick=True)


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


def agreed_workshop(client_company, alice, days_ago=0, **answers):
    workshop = services.workshop_create(client=client_company, created_by=alice)
    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop,
        answers={**PROFILES["silent_mass"](), **answers},
        dissent_notes={},
        language="fr",
    )
    if days_ago:
        agreed.completed_at = timezone.now() - timedelta(days=days_ago)
        agreed.save(update_fields=["completed_at"])
    return agreed


def self_serve(days_ago=0, profile="casual", **answers):
    assessment = make_assessment(profile=profile, complete=True, **answers)
    if days_ago:
        assessment.completed_at = timezone.now() - timedelta(days=days_ago)
        assessment.save(update_fields=["completed_at"])
    return assessment


def progress_page(client, client_company) -> str:
    return text_of(client.get(f"/consultant/clients/{client_company.pk}/progress/"))


def text_of(response) -> str:
    return html.unescape(response.content.decode())
