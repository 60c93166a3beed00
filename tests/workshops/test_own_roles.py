"""A client's own roles (HR, IT, customer service...) beside the four proposed."""

import re

import pytest

from assessment.workshops import services
from assessment.workshops.models import Workshop
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def create(client, client_company, **fields):
    return client.post(
        f"/en/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["management", "sales"], **fields},
    )


def test_the_consultant_adds_the_clients_own_roles(client, alice, client_company):
    client.force_login(alice)
    create(client, client_company, own_roles="HR,  IT , hr, Customer service, Sales")
    workshop = Workshop.objects.get(client=client_company)
    # Repeats and a proposed role typed again are dropped; the proposed roles come first.
    assert workshop.roles == ["management", "sales", "HR", "IT", "Customer service"]
    page = " ".join(client.get(f"/en/w/{workshop.code}/").content.decode().split())
    assert 'value="Customer service"' in page
    assert re.search(r">\s*Customer service\s*</label>", page)


def test_a_participant_joins_under_a_clients_own_role_and_it_is_shown_from_three(
    client, alice, client_company, questionnaire
):
    workshop = services.workshop_create(
        client=client_company, created_by=alice, roles=["management", "HR"]
    )
    for number in range(3):
        answer_everything(
            client, questionnaire, join(workshop, f"h{number}", role="HR"), tempo="late"
        )
        answer_everything(
            client, questionnaire, join(workshop, f"m{number}", role="management"), tempo="ahead"
        )
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "<strong>HR</strong>" in page


def test_a_role_the_workshop_does_not_offer_is_refused(client, alice, client_company):
    workshop = services.workshop_create(client=client_company, created_by=alice, roles=["HR"])
    response = client.post(f"/en/w/{workshop.code}/", {"role": "IT"})
    assert response.status_code == 200
    assert not workshop.participants.exists()


@pytest.mark.parametrize(
    "own_roles",
    ["x" * 41, "a,b,c,d,e,f,g", "R\x07H"],
)
def test_own_roles_that_are_too_long_too_many_or_odd_are_refused(
    client, alice, client_company, own_roles
):
    client.force_login(alice)
    create(client, client_company, own_roles=own_roles)
    assert not Workshop.objects.filter(client=client_company).exists()


def test_a_workshop_needs_a_role(client, alice, client_company):
    client.force_login(alice)
    client.post(f"/en/consultant/clients/{client_company.pk}/workshops/new/", {"own_roles": ""})
    assert not Workshop.objects.filter(client=client_company).exists()
    create(client, client_company, roles=[], own_roles="HR")
    assert Workshop.objects.get(client=client_company).roles == ["HR"]
