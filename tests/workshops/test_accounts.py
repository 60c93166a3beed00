"""Consultant accounts: sign-up, login, password reset, invitations."""

import html

import pytest
from django.contrib.auth.models import User

from assessment.workshops import services

pytestmark = pytest.mark.django_db


def test_signup_creates_a_consultancy_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {"consultancy_name": "Cabinet X", "email": "Zoe@X.fr", "password": "a-long-passphrase-1"},
    )
    assert response["Location"] == "/consultant/"
    assert "Cabinet X" in client.get("/consultant/").content.decode()


def test_an_invitation_works_once(client, alice):
    invitation = services.invitation_create(
        consultancy=alice.membership.consultancy, created_by=alice
    )
    data = {"email": "new@conseil.fr", "password": "a-long-passphrase-1"}
    assert client.post(f"/accounts/invitation/{invitation.token}/", data).status_code == 302
    client.logout()
    assert client.get(f"/accounts/invitation/{invitation.token}/").status_code == 404


def test_login_and_password_reset_pages_work(client, alice, mailoutbox):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "alice@conseil.fr", "password": "correct horse battery"}
    )
    assert response["Location"] == "/consultant/"
    client.post("/accounts/password_reset/", {"email": "alice@conseil.fr"})
    assert len(mailoutbox) == 1


def test_a_used_invitation_is_a_404_not_a_500(client, alice):
    invitation = services.invitation_create(
        consultancy=alice.membership.consultancy, created_by=alice
    )
    services.invitation_accept(invitation=invitation, email="x@y.fr", password="long-pass-word-1")
    url = f"/accounts/invitation/{invitation.token}/"
    for response in (
        client.get(url),
        client.post(url, {"email": "z@y.fr", "password": "long-pass-word-1"}),
    ):
        assert response.status_code == 404
        assert "Cette page n'existe pas" in html.unescape(response.content.decode())
    assert not User.objects.filter(username="z@y.fr").exists()
    # Two colleagues opening the same invitation at once: the second is refused, not crashed.
    with pytest.raises(services.InvitationUsed):
        services.invitation_accept(
            invitation=invitation, email="z@y.fr", password="long-pass-word-1"
        )


def test_an_email_too_long_for_a_login_is_refused_with_a_message(client):
    email = "a" * 140 + "@conseil.fr"
    response = client.post(
        "/accounts/signup/",
        {"consultancy_name": "X", "email": email, "password": "a-long-passphrase-1"},
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "au plus 150 caractères (actuellement 151)" in page
    assert not User.objects.filter(username=email).exists()
