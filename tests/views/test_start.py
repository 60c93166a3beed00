import pytest

from assessment.models import TOKEN_BYTES, Assessment

pytestmark = pytest.mark.django_db


def test_it_creates_an_assessment_and_opens_the_first_step(client):
    response = client.post("/start/")
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/a/{assessment.token}/step/1/"
    assert assessment.language == "fr"


def test_it_records_the_language_it_was_started_in(client):
    response = client.post("/en/start/")
    assessment = Assessment.objects.get()
    assert assessment.language == "en"
    assert response["Location"] == f"/en/a/{assessment.token}/step/1/"


def test_the_private_token_carries_at_least_128_bits(client):
    client.post("/start/")
    client.post("/start/")
    tokens = list(Assessment.objects.values_list("token", flat=True))
    assert TOKEN_BYTES * 8 >= 128
    # token_urlsafe encodes 6 bits a character.
    assert all(len(token) * 6 >= 128 for token in tokens)
    assert len(set(tokens)) == 2


def test_it_rejects_get(client):
    assert client.get("/start/").status_code == 405
    assert Assessment.objects.count() == 0


def test_it_checks_csrf(rf):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/start/")
    assert response.status_code == 403
    assert "Cette page a expiré" in response.content.decode()
    assert Assessment.objects.count() == 0
