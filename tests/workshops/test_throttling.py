"""Rate limits of the workshop side: join codes cannot be enumerated, a workshop cannot be
flooded, passwords cannot be guessed, the admin's included."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from assessment.workshops import services
from assessment.workshops.models import Participant

from .conftest import join

pytestmark = pytest.mark.django_db

WRONG = "ZZZZZZ"


def test_join_codes_cannot_be_enumerated(client, workshop):
    client.get("/w/")  # the phone gets its id
    for _ in range(10):
        assert client.post("/w/", {"code": WRONG}).status_code == 200
    assert client.post("/w/", {"code": WRONG}).status_code == 429
    # Even the right code is not checked for this phone until the window has passed.
    assert client.post("/w/", {"code": workshop.code}).status_code == 429


def test_once_over_the_limit_every_code_gets_the_same_answer(client, workshop):
    """The bypass: past the limit, /w/<code>/ answered 200 for a real code and 429 for a wrong
    one, so codes could still be told apart at full speed."""
    client.get("/w/")
    for _ in range(10):
        assert client.get(f"/w/{WRONG}/").status_code == 404
    real = client.get(f"/w/{workshop.code}/")
    wrong = client.get("/w/YYYYYY/")
    assert real.status_code == wrong.status_code == 429
    # The same page, but for the code itself in the language switch's link to this address.
    assert real.content.replace(workshop.code.encode(), b"CODE") == wrong.content.replace(
        b"YYYYYY", b"CODE"
    )


def test_wrong_codes_by_address_and_form_share_one_count(client, workshop):
    client.get("/w/")
    for _ in range(5):
        client.get(f"/w/{WRONG}/")
    for _ in range(5):
        client.post("/w/", {"code": WRONG})
    assert client.get(f"/w/{workshop.code}/").status_code == 429


def test_one_phone_guessing_does_not_lock_the_room_out(client, workshop):
    client.get("/w/")
    for _ in range(11):
        client.post("/w/", {"code": WRONG})
    neighbour = Client()  # same Wi-Fi, same address
    neighbour.get("/w/")
    assert neighbour.post("/w/", {"code": workshop.code})["Location"] == f"/w/{workshop.code}/"


def test_many_wrong_codes_from_one_address_are_stopped_even_without_cookies(workshop):
    for _ in range(100):
        Client().get(f"/w/{WRONG}/")
    assert Client().get(f"/w/{WRONG}/").status_code == 429
    assert Client().get(f"/w/{workshop.code}/").status_code == 429


def test_a_closed_workshops_code_still_says_closed_on_its_first_day(client, workshop):
    services.workshop_close(workshop=workshop)
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        response = client.get(f"/w/{workshop.code}/")
    assert response.status_code == 200
    assert "workshops/closed.html" in [t.name for t in response.templates]


def test_a_closed_workshops_code_expires_after_a_day(client, workshop):
    services.workshop_close(workshop=workshop)
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert client.get(f"/w/{workshop.code}/").status_code == 404
        client.get("/w/")
        form = client.post("/w/", {"code": workshop.code})
    assert form.status_code == 200  # the form says no workshop has this code
    assert "No workshop has this code" in form.content.decode() or form.context["form"].errors


def test_an_expired_code_counts_as_a_wrong_one(client, workshop):
    services.workshop_close(workshop=workshop)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        client.get("/w/")
        for _ in range(10):
            client.get(f"/w/{workshop.code}/")
        assert client.get(f"/w/{workshop.code}/").status_code == 429


def test_a_workshop_takes_at_most_300_participants(client, workshop):
    for number in range(299):
        join(workshop, f"phone-{number}")
    client.get(f"/w/{workshop.code}/")
    assert client.post(f"/w/{workshop.code}/", {"role": "sales"}).status_code == 302
    late = Client()
    late.get(f"/w/{workshop.code}/")
    refused = late.post(f"/w/{workshop.code}/", {"role": "sales"})
    assert refused.status_code == 409
    assert "300" in refused.content.decode()
    assert Participant.objects.filter(workshop=workshop).count() == 300


def test_a_phone_already_in_a_full_workshop_gets_its_answers_back(client, workshop):
    client.get(f"/w/{workshop.code}/")
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    for number in range(299):
        join(workshop, f"phone-{number}")
    response = client.get(f"/w/{workshop.code}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/a/")


def test_one_address_joins_at_most_300_times_an_hour(client_company, alice):
    workshops = [services.workshop_create(client=client_company, created_by=alice) for _ in "ab"]
    for number in range(300):
        phone = Client()
        phone.get(f"/w/{workshops[number % 2].code}/")
        assert phone.post(f"/w/{workshops[number % 2].code}/", {"role": "sales"}).status_code == 302
    phone = Client()
    phone.get(f"/w/{workshops[0].code}/")
    assert phone.post(f"/w/{workshops[0].code}/", {"role": "sales"}).status_code == 429
    later = Client()
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        later.get(f"/w/{workshops[0].code}/")
        assert later.post(f"/w/{workshops[0].code}/", {"role": "sales"}).status_code == 302


def test_a_plenary_deployment_takes_more_participants_than_a_room(client, workshop, settings):
    settings.WORKSHOP_MAX_PARTICIPANTS = 1000
    for number in range(300):
        join(workshop, f"phone-{number}")
    client.get(f"/w/{workshop.code}/")
    assert client.post(f"/w/{workshop.code}/", {"role": "sales"}).status_code == 302
    assert Participant.objects.filter(workshop=workshop).count() == 301


def test_a_plenary_deployment_lets_one_address_join_more_often(client_company, alice, settings):
    settings.WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR = 1000
    settings.WORKSHOP_MAX_PARTICIPANTS = 1000
    workshop = services.workshop_create(client=client_company, created_by=alice)
    for _ in range(301):
        phone = Client()
        phone.get(f"/w/{workshop.code}/")
        assert phone.post(f"/w/{workshop.code}/", {"role": "sales"}).status_code == 302


# Logins (django-axes per account and address, the address-wide limit in throttling)

ALICE = {"username": "alice@conseil.fr", "password": "correct horse battery"}
WRONG_PASSWORD = {"username": "alice@conseil.fr", "password": "no"}


def test_password_guessing_is_stopped(client, alice):
    for _ in range(9):
        assert client.post("/accounts/login/", WRONG_PASSWORD).status_code == 200
    # The tenth wrong password locks the account for this address: the right one is refused too.
    assert client.post("/accounts/login/", WRONG_PASSWORD).status_code == 429
    assert client.post("/accounts/login/", ALICE).status_code == 429


def test_password_guessing_on_the_admin_login_is_stopped(client, alice):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=alice.pk).update(is_staff=True, is_superuser=True)
    for _ in range(9):
        assert client.post("/admin/login/", WRONG_PASSWORD).status_code == 200
    assert client.post("/admin/login/", WRONG_PASSWORD).status_code == 429
    assert client.post("/admin/login/", ALICE).status_code == 429


def test_failures_on_the_admin_and_the_site_add_up(client, alice):
    for _ in range(5):
        client.post("/admin/login/", WRONG_PASSWORD)
    for _ in range(5):
        client.post("/accounts/login/", WRONG_PASSWORD)
    assert client.post("/accounts/login/", ALICE).status_code == 429


def test_the_account_opens_again_after_a_quarter_of_an_hour(client, alice):
    for _ in range(10):
        client.post("/accounts/login/", WRONG_PASSWORD)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert client.post("/accounts/login/", ALICE)["Location"] == "/consultant/"


def test_another_account_can_still_log_in_from_the_same_address(client, alice, bob):
    for _ in range(11):
        client.post("/accounts/login/", WRONG_PASSWORD)
    response = client.post(
        "/accounts/login/", {"username": "bob@conseil.fr", "password": "correct horse battery"}
    )
    assert response["Location"] == "/consultant/"


def test_one_address_trying_many_accounts_is_stopped(client, alice):
    for number in range(50):
        client.post("/accounts/login/", {"username": f"user{number}@x.fr", "password": "no"})
    assert client.post("/accounts/login/", ALICE).status_code == 429


def test_one_address_trying_many_accounts_on_the_admin_login_is_stopped(client, alice):
    for number in range(50):
        client.post("/admin/login/", {"username": f"user{number}@x.fr", "password": "no"})
    assert client.post("/admin/login/", ALICE).status_code == 429
    assert client.post("/accounts/login/", ALICE).status_code == 429


def test_many_accounts_tried_on_the_admin_and_the_site_add_up(client, alice):
    for number in range(25):
        client.post("/admin/login/", {"username": f"admin{number}@x.fr", "password": "no"})
        client.post("/accounts/login/", {"username": f"site{number}@x.fr", "password": "no"})
    assert client.post("/admin/login/", ALICE).status_code == 429


def test_an_empty_login_form_is_no_guess(client, alice):
    # Only a password actually checked counts: a form sent empty 60 times refuses nobody.
    for _ in range(60):
        client.post("/accounts/login/", {"username": "", "password": ""})
    assert client.post("/accounts/login/", ALICE).status_code == 302
