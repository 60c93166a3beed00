import pytest
from django.conf import settings

from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def test_it_works_in_french_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b'<html lang="fr">' in response.content
    assert "Commencer le diagnostic" in response.content.decode()


def test_it_works_in_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en">' in response.content
    assert "Start the assessment" in response.content.decode()


def test_an_english_browser_still_gets_french_at_the_root(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert b'<html lang="fr">' in response.content


def test_it_links_to_the_same_page_in_the_other_language(client):
    assert 'href="/en/"' in client.get("/").content.decode()
    assert 'href="/"' in client.get("/en/").content.decode()


def test_it_shows_the_study_shares_with_their_source(client):
    content = client.get("/").content.decode()
    for share in ("44", "19", "9", "28"):
        assert f"{share}\u00a0%" in content
    assert "Bpifrance Le Lab" in content and "2018" in content and "France" in content


def test_it_offers_to_resume_a_remembered_assessment(client):
    assessment = make_assessment(profile="silent_mass")
    client.cookies.load({})
    response = client.get("/")
    assert assessment.token not in response.content.decode()
    client.post("/start/")  # sets the cookie for a new assessment
    response = client.get("/")
    assert "Reprendre là où je me suis arrêté" in response.content.decode()


def test_a_forged_resume_cookie_is_ignored(client):
    assessment = make_assessment(profile="silent_mass")
    client.cookies[settings.RESUME_COOKIE_NAME] = assessment.token  # not signed
    response = client.get("/")
    assert response.status_code == 200
    assert assessment.token not in response.content.decode()


def test_it_rejects_post(client):
    assert client.post("/").status_code == 405
