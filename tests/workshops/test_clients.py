"""A consultant's clients: creating them, and their consent to the peer comparisons."""

import pytest

from assessment.models import PeerScore
from assessment.workshops import services
from tests.profiles import PROFILES
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def test_a_client_name_with_a_control_character_is_refused(client, alice):
    client.force_login(alice)
    response = client.post("/consultant/clients/new/", {"name": "Maison\tLefèvre"})
    assert response.status_code == 200
    assert "caractères de contrôle" in response.content.decode()


def test_a_clients_agreed_answers_count_in_peers_only_with_its_consent(
    client, alice, questionnaire, client_company, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    assert not PeerScore.objects.exists()
    client.force_login(alice)
    client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "yes"})
    assert list(PeerScore.objects.values_list("assessment", flat=True)) == [agreed.pk]
    client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "no"})
    assert not PeerScore.objects.exists()


def test_consent_is_recorded_only_by_the_clients_consultancy(client, charlie, client_company):
    client.force_login(charlie)
    response = client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "yes"})
    assert response.status_code == 404
    client_company.refresh_from_db()
    assert not client_company.peer_benchmarks_consent
