"""Participants, on their phones: joining by code, answering, and what they never see."""

import html
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from assessment.models import PeerScore
from assessment.workshops import services
from assessment.workshops.models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Participant, Workshop
from tests.factories import step_post_data
from tests.profiles import PROFILES
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def test_join_codes_avoid_characters_that_read_alike(workshop):
    assert len(workshop.code) == JOIN_CODE_LENGTH
    assert set(workshop.code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL5S2Z") & set(JOIN_CODE_ALPHABET)


def test_a_participant_joins_by_code_without_an_account(client, workshop):
    response = client.post("/w/", {"code": workshop.code.lower()})
    assert response["Location"] == f"/w/{workshop.code}/"
    response = client.post(f"/w/{workshop.code}/", {"role": "sales", "first_name": "Léa"})
    participant = Participant.objects.get()
    assert response["Location"] == f"/a/{participant.assessment.token}/step/1/"
    assert participant.role == "sales" and participant.first_name == "Léa"


def test_joining_twice_from_the_same_phone_resumes(client, workshop):
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    response = client.get(f"/w/{workshop.code}/")
    assert Participant.objects.count() == 1
    assert response["Location"] == f"/a/{Participant.objects.get().assessment.token}/"


def test_a_wrong_code_says_so_without_revealing_anything(client, workshop):
    response = client.post("/w/", {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Aucun atelier ne porte ce code" in response.content.decode()


def test_a_double_tap_on_start_joins_once(client, workshop):
    client.get(f"/w/{workshop.code}/")
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    assert Participant.objects.count() == 1


def test_a_participant_finishes_on_a_waiting_page_not_on_results(client, questionnaire, workshop):
    participant = join(workshop, "phone-1")
    response = answer_everything(client, questionnaire, participant)
    token = participant.assessment.token
    assert response["Location"] == f"/a/{token}/done/"
    assert client.get(f"/a/{token}/results/")["Location"] == f"/a/{token}/done/"


def test_participants_never_count_in_peer_benchmarks(client, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "phone-1"))
    assert not PeerScore.objects.exists()


def test_a_closed_workshop_accepts_no_new_answers_and_says_so(client, questionnaire, workshop):
    participant = join(workshop, "phone-1")
    before = dict(participant.assessment.answers)
    services.workshop_close(workshop=workshop)
    token = participant.assessment.token
    data = step_post_data(questionnaire, 1, PROFILES["combative"]())
    response = client.post(f"/a/{token}/step/1/", {**data, "next": "1"})
    assert response.status_code == 409
    assert "Cet atelier est clos" in response.content.decode()
    participant.assessment.refresh_from_db()
    assert participant.assessment.answers == before
    assert client.get(f"/w/{workshop.code}/").status_code == 200  # the closed page
    workshop.refresh_from_db()  # a join reads the workshop in its own request
    with pytest.raises(services.WorkshopClosed):
        join(workshop, "phone-2")


def test_participants_choose_among_the_roles_the_consultant_set(client, alice, client_company):
    client.force_login(alice)
    client.post(
        f"/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["management", "sales"]},
    )
    workshop = client_company.workshops.get()
    assert workshop.roles == ["management", "sales"]
    client.logout()
    page = client.get(f"/w/{workshop.code}/").content.decode()
    assert 'value="sales"' in page and 'value="marketing"' not in page
    response = client.post(f"/w/{workshop.code}/", {"role": "marketing"})
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_what_the_consultant_knows_of_the_client_is_filled_in(workshop):
    participant = join(workshop, "phone-1")
    assert participant.assessment.answers == {
        "company_name": "Maison Lefèvre",
        "headcount": "50_249",
        "sector": "retail",
    }


def test_a_participant_gets_no_report_of_their_own(client, questionnaire, workshop):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    token = participant.assessment.token
    assert client.get(f"/a/{token}/report.pdf")["Location"] == f"/a/{token}/done/"


def test_a_nul_byte_in_a_code_or_token_is_a_404(client):
    for url in ("/w/AB%00CD/", "/a/ab%00cd/", "/accounts/invitation/ab%00cd/"):
        assert client.get(url).status_code == 404, url


def test_a_prework_workshop_tells_participants_to_answer_by_its_date(client, alice, client_company):
    client.force_login(alice)
    due = timezone.localdate() + timedelta(days=5)
    response = client.post(
        f"/en/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["marketing", "sales"], "prework": "on", "prework_until": due.isoformat()},
    )
    workshop = Workshop.objects.get(client=client_company)
    assert response.status_code == 302 and workshop.prework and workshop.prework_until == due
    client.logout()
    page = html.unescape(client.get(f"/en/w/{workshop.code}/").content.decode())
    assert "Answer before the meeting, on your own" in page
    assert f"Please answer by {date_format(due, 'DATE_FORMAT')}." in page
