"""Every consultant page: owner can, colleague can, outsider gets 404, visitor logs in."""

import pytest

pytestmark = pytest.mark.django_db

# Each page as its owner meets it, in this order: what it answers (200 with its content type, a
# redirect to where the action leads, or 400 for an empty form). A redirect to the login page, or
# anywhere else, fails the owner's and the colleague's tests.
HTML = "text/html; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGES = [
    ("get", "/consultant/clients/{client}/", 200, HTML),
    ("get", "/consultant/workshops/{workshop}/", 200, HTML),
    ("get", "/consultant/workshops/{workshop}/live/", 200, HTML),
    ("get", "/consultant/workshops/{workshop}/qr.svg", 200, "image/svg+xml"),
    ("get", "/consultant/workshops/{workshop}/present/", 200, HTML),
    ("get", "/consultant/workshops/{workshop}/present/slides/", 200, HTML),
    # Consensus is recorded only after the close: before it, back to the workshop.
    (
        "get",
        "/consultant/workshops/{workshop}/consensus/",
        302,
        "/consultant/workshops/{workshop}/",
    ),
    ("post", "/consultant/workshops/{workshop}/reveal/", 302, "/consultant/workshops/{workshop}/"),
    # Closing is confirmed on a page of its own first.
    ("get", "/consultant/workshops/{workshop}/close/", 200, HTML),
    (
        "post",
        "/consultant/workshops/{workshop}/close/",
        302,
        "/consultant/workshops/{workshop}/consensus/",
    ),
    ("post", "/consultant/clients/{client}/workshops/new/", 302, "/consultant/clients/{client}/"),
    ("get", "/consultant/clients/{client}/progress/", 200, HTML),
    # No agreed assessment yet: no progress to print, back to the progress page.
    (
        "get",
        "/consultant/clients/{client}/progress.pdf",
        302,
        "/consultant/clients/{client}/progress/",
    ),
    (
        "get",
        "/consultant/clients/{client}/progress/report/",
        302,
        "/consultant/clients/{client}/progress/",
    ),
    (
        "post",
        "/consultant/clients/{client}/targets/",
        302,
        "/consultant/clients/{client}/progress/",
    ),
    ("post", "/consultant/clients/{client}/attach/", 400, HTML),
    (
        "post",
        "/consultant/clients/{client}/attached/1/remove/",
        302,
        "/consultant/clients/{client}/",
    ),
    ("get", "/consultant/clients/{client}/assessments.csv", 200, "text/csv; charset=utf-8"),
    (
        "get",
        "/consultant/clients/{client}/assessments.xlsx",
        200,
        XLSX,
    ),
    ("post", "/consultant/clients/{client}/consent/", 302, "/consultant/clients/{client}/"),
    ("get", "/consultant/workshops/{workshop}/answers.csv", 200, "text/csv; charset=utf-8"),
    ("get", "/consultant/workshops/{workshop}/answers.xlsx", 200, XLSX),
]


def urls(client_company, workshop):
    return [
        (method, path.format(client=client_company.pk, workshop=workshop.pk))
        for method, path, _, _ in PAGES
    ]


def assert_each_page_answers_as_for_its_owner(client, client_company, workshop):
    ids = {"client": client_company.pk, "workshop": workshop.pk}
    for method, path, status, expected in PAGES:
        url = path.format(**ids)
        response = getattr(client, method)(url)
        assert response.status_code == status, url
        if status == 302:
            assert response["Location"] == expected.format(**ids), url
        else:
            assert response["Content-Type"] == expected, url


def test_the_owner_can(client, alice, client_company, workshop):
    client.force_login(alice)
    assert_each_page_answers_as_for_its_owner(client, client_company, workshop)


def test_a_colleague_of_the_same_consultancy_can(client, bob, client_company, workshop):
    client.force_login(bob)
    assert_each_page_answers_as_for_its_owner(client, client_company, workshop)


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
    assert client.get(f"/consultant/workshops/{workshop.pk}/reopen/").status_code == 405


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
