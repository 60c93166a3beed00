"""Rate limits: join codes cannot be enumerated, passwords cannot be guessed."""

import pytest

pytestmark = pytest.mark.django_db


def test_join_codes_cannot_be_enumerated(client, workshop):
    from assessment.workshops.throttling import JOIN_ATTEMPTS_PER_DEVICE

    client.get("/w/")  # the phone gets its id
    for _ in range(JOIN_ATTEMPTS_PER_DEVICE):
        assert client.post("/w/", {"code": "ZZZZZZ"}).status_code == 200
    assert client.post("/w/", {"code": "ZZZZZZ"}).status_code == 429
    # Even the right code is not checked for this phone until the window has passed.
    assert client.post("/w/", {"code": workshop.code}).status_code == 429


def test_one_phone_guessing_does_not_lock_the_room_out(client, workshop):
    from django.test import Client

    from assessment.workshops.throttling import JOIN_ATTEMPTS_PER_DEVICE

    client.get("/w/")
    for _ in range(JOIN_ATTEMPTS_PER_DEVICE + 1):
        client.post("/w/", {"code": "ZZZZZZ"})
    neighbour = Client()  # same Wi-Fi, same address
    neighbour.get("/w/")
    assert neighbour.post("/w/", {"code": workshop.code})["Location"] == f"/w/{workshop.code}/"


def test_many_wrong_codes_from_one_address_are_stopped_even_without_cookies(client, workshop):
    from django.test import Client

    from assessment.workshops.throttling import JOIN_ATTEMPTS_PER_ADDRESS

    for _ in range(JOIN_ATTEMPTS_PER_ADDRESS):
        Client().post("/w/", {"code": "ZZZZZZ"})
    assert Client().post("/w/", {"code": "ZZZZZZ"}).status_code == 429


def test_password_guessing_is_stopped(client, alice):
    from assessment.workshops.throttling import LOGIN_FAILURES_PER_ACCOUNT

    for _ in range(LOGIN_FAILURES_PER_ACCOUNT):
        response = client.post(
            "/accounts/login/", {"username": "alice@conseil.fr", "password": "no"}
        )
        assert response.status_code == 200
    right = {"username": "alice@conseil.fr", "password": "correct horse battery"}
    assert client.post("/accounts/login/", right).status_code == 429


def test_another_account_can_still_log_in_from_the_same_address(client, alice, bob):
    from assessment.workshops.throttling import LOGIN_FAILURES_PER_ACCOUNT

    for _ in range(LOGIN_FAILURES_PER_ACCOUNT + 1):
        client.post("/accounts/login/", {"username": "alice@conseil.fr", "password": "no"})
    response = client.post(
        "/accounts/login/", {"username": "bob@conseil.fr", "password": "correct horse battery"}
    )
    assert response["Location"] == "/consultant/"


def test_behind_a_proxy_the_rate_limit_counts_visitors_not_the_proxy(client, settings):
    from django.test import RequestFactory

    from assessment.workshops.throttling import client_address

    request = RequestFactory().get("/w/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.1"
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert client_address(request) == "1.2.3.4"
    spoofed = RequestFactory().get(
        "/w/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4"
    )
    assert client_address(spoofed) == "1.2.3.4"  # the proxy's own entry, not the visitor's claim
