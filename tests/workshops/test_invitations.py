"""Invitations expire and can be withdrawn; a colleague can be removed."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from assessment.refusals import InvitationUsed
from assessment.workshops import services
from assessment.workshops.models import Invitation, Membership

pytestmark = pytest.mark.django_db

NEW_MEMBER = {"email": "dora@conseil.fr", "password": "long-pass-word-1"}


def invite(user) -> Invitation:
    return services.invitation_create(consultancy=user.membership.consultancy, created_by=user)


def url(invitation) -> str:
    return f"/accounts/invitation/{invitation.token}/"


def test_an_invitation_works_for_seven_days(client, alice):
    invitation = invite(alice)
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(url(invitation)).status_code == 200
        assert client.post(url(invitation), NEW_MEMBER)["Location"] == "/consultant/"


def test_an_invitation_older_than_seven_days_is_refused(client, alice):
    invitation = invite(alice)
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert client.get(url(invitation)).status_code == 404
        assert client.post(url(invitation), NEW_MEMBER).status_code == 404
        with pytest.raises(InvitationUsed):
            services.invitation_accept(invitation=invitation, **NEW_MEMBER)
    assert not get_user_model().objects.filter(username=NEW_MEMBER["email"]).exists()


def test_a_withdrawn_invitation_no_longer_works(client, alice):
    invitation = invite(alice)
    client.force_login(alice)
    dashboard = client.get("/consultant/").content.decode()
    assert f"/consultant/invitations/{invitation.pk}/revoke/" in dashboard
    client.post(f"/consultant/invitations/{invitation.pk}/revoke/")
    assert Client().get(url(invitation)).status_code == 404


def test_an_invitation_is_withdrawn_only_by_its_consultancy(client, alice, charlie):
    invitation = invite(alice)
    client.force_login(charlie)
    client.post(f"/consultant/invitations/{invitation.pk}/revoke/")
    assert Client().get(url(invitation)).status_code == 200


def test_withdrawing_rejects_get(client, alice):
    invitation = invite(alice)
    client.force_login(alice)
    assert client.get(f"/consultant/invitations/{invitation.pk}/revoke/").status_code == 405


def test_the_dashboard_lists_only_invitations_that_still_work(client, alice, bob):
    pending = invite(alice)
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        expired = invite(alice)
    client.force_login(alice)
    dashboard = client.get("/consultant/").content.decode()
    assert f"/consultant/invitations/{pending.pk}/revoke/" in dashboard
    assert f"/consultant/invitations/{expired.pk}/revoke/" not in dashboard


def test_a_removed_colleague_can_no_longer_log_in_nor_stay_logged_in(client, alice, bob):
    bobs_browser = Client()
    bobs_browser.force_login(bob)
    client.force_login(alice)
    client.post(f"/consultant/colleagues/{bob.pk}/remove/")
    assert not Membership.objects.filter(user_id=bob.pk).exists()
    assert bobs_browser.get("/consultant/")["Location"].startswith("/accounts/login/")
    login = Client().post(
        "/accounts/login/", {"username": "bob@conseil.fr", "password": "correct horse battery"}
    )
    assert login.status_code == 200  # the form again: no such account


def test_a_removed_colleagues_pending_invitations_go_with_them(client, alice, bob):
    invitation = invite(bob)
    client.force_login(alice)
    client.post(f"/consultant/colleagues/{bob.pk}/remove/")
    assert Client().get(url(invitation)).status_code == 404


def test_nobody_removes_their_own_account(client, alice, bob):
    client.force_login(alice)
    response = client.post(f"/consultant/colleagues/{alice.pk}/remove/", follow=True)
    assert Membership.objects.filter(user_id=alice.pk).exists()
    assert "retirer votre propre compte" in response.content.decode()


def test_only_a_colleague_of_the_same_consultancy_can_remove_one(client, alice, bob, charlie):
    client.force_login(charlie)
    client.post(f"/consultant/colleagues/{bob.pk}/remove/")
    assert Membership.objects.filter(user_id=bob.pk).exists()


def test_removing_a_colleague_asks_first(client, alice, bob):
    client.force_login(alice)
    page = client.get(f"/consultant/colleagues/{bob.pk}/remove/")
    assert page.status_code == 200
    assert "bob@conseil.fr" in page.content.decode()
    assert Membership.objects.filter(user_id=bob.pk).exists()


def test_the_dashboard_offers_to_remove_colleagues_but_not_oneself(client, alice, bob):
    client.force_login(alice)
    dashboard = client.get("/consultant/").content.decode()
    assert f"/consultant/colleagues/{bob.pk}/remove/" in dashboard
    assert f"/consultant/colleagues/{alice.pk}/remove/" not in dashboard
