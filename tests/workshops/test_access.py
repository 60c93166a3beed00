"""Every consultant page: owner can, colleague can, outsider gets 404, visitor logs in."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    ("get", "/consultant/clients/{client}/"),
    ("get", "/consultant/workshops/{workshop}/"),
    ("get", "/consultant/workshops/{workshop}/live/"),
    ("get", "/consultant/workshops/{workshop}/qr.svg"),
    ("get", "/consultant/workshops/{workshop}/consensus/"),
    ("post", "/consultant/workshops/{workshop}/reveal/"),
    ("post", "/consultant/workshops/{workshop}/close/"),
    ("post", "/consultant/clients/{client}/workshops/new/"),
    ("get", "/consultant/clients/{client}/progress/"),
    ("get", "/consultant/clients/{client}/progress.pdf"),
    ("post", "/consultant/clients/{client}/targets/"),
    ("post", "/consultant/clients/{client}/attach/"),
    ("post", "/consultant/clients/{client}/attached/1/remove/"),
    ("get", "/consultant/clients/{client}/assessments.csv"),
    ("get", "/consultant/clients/{client}/assessments.xlsx"),
    ("post", "/consultant/clients/{client}/consent/"),
    ("get", "/consultant/workshops/{workshop}/answers.csv"),
    ("get", "/consultant/workshops/{workshop}/answers.xlsx"),
]


def urls(client_company, workshop):
    return [
        (method, path.format(client=client_company.pk, workshop=workshop.pk))
        for method, path in PAGES
    ]


def test_the_owner_can(client, alice, client_company, workshop):
    client.force_login(alice)
    for method, url in urls(client_company, workshop):
        assert getattr(client, method)(url).status_code in (200, 302, 400), url


def test_a_colleague_of_the_same_consultancy_can(client, bob, client_company, workshop):
    client.force_login(bob)
    for method, url in urls(client_company, workshop):
        assert getattr(client, method)(url).status_code in (200, 302, 400), url


def test_it_checks_owner(client, charlie, client_company, workshop):
    client.force_login(charlie)
    for method, url in urls(client_company, workshop):
        assert getattr(client, method)(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_log_in(client, client_company, workshop):
    for method, url in urls(client_company, workshop) + [("get", "/consultant/")]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url


def test_a_user_without_a_consultancy_sees_nothing(client, django_user_model, workshop):
    stranger = django_user_model.objects.create_user("admin", password="x")
    client.force_login(stranger)
    assert client.get(f"/consultant/workshops/{workshop.pk}/").status_code == 404
    assert client.get("/consultant/").status_code == 404


def test_the_dashboard_lists_only_the_consultancys_clients(client, charlie, client_company):
    client.force_login(charlie)
    # charlie's own consultancy has no client: alice's never shows.
    assert "Maison Lefèvre" not in client.get("/consultant/").content.decode()


def test_the_actions_reject_get(client, alice, workshop):
    client.force_login(alice)
    assert client.get(f"/consultant/workshops/{workshop.pk}/reveal/").status_code == 405
    assert client.get(f"/consultant/workshops/{workshop.pk}/close/").status_code == 405


def test_deleting_a_client_checks_owner_and_removes_everything(
    client, alice, charlie, questionnaire, client_company, workshop
):
    from assessment.models import Assessment
    from assessment.workshops import services
    from assessment.workshops.models import Client, Participant, Workshop
    from tests.profiles import PROFILES
    from tests.workshops.conftest import join

    join(workshop, "p1")
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    assert Assessment.objects.filter(origin="consensus").exists()
    client.force_login(charlie)
    assert client.post(f"/consultant/clients/{client_company.pk}/delete/").status_code == 404
    client.force_login(alice)
    assert client.get(f"/consultant/clients/{client_company.pk}/delete/").status_code == 200
    response = client.post(f"/consultant/clients/{client_company.pk}/delete/")
    assert response["Location"] == "/consultant/"
    assert not Client.objects.exists()
    assert not Workshop.objects.exists()
    assert not Participant.objects.exists()
    assert not Assessment.objects.exists()
