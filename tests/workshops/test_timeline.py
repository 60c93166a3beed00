"""A client's timeline: attaching the assessments it made on its own, and what attaching means."""

import pytest

from assessment.models import PeerScore
from assessment.workshops import selectors, services
from tests.factories import make_assessment
from tests.profiles import PROFILES
from tests.workshops.conftest import agreed_workshop, join, progress_page, self_serve, text_of

pytestmark = pytest.mark.django_db


# The timeline: agreed assessments and self-serve ones the consultant attaches


def test_a_self_serve_assessment_joins_the_timeline_from_its_private_link(
    client, alice, client_company
):
    earlier = self_serve(days_ago=120, profile="silent_mass")
    agreed_workshop(client_company, alice)
    client.force_login(alice)
    link = f"https://example.org/en/a/{earlier.token}/results/"
    response = client.post(f"/consultant/clients/{client_company.pk}/attach/", {"link": link})
    assert response.status_code == 302
    timeline = selectors.client_timeline(client_company)
    assert [entry.assessment for entry in timeline][0] == earlier  # oldest first
    assert timeline[0].workshop is None and timeline[1].workshop is not None
    page = progress_page(client, client_company)
    assert "Autodiagnostic" in page and "Depuis le diagnostic précédent" in page


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https://example.org/a/not-a-token/", "Aucun diagnostic n'a ce lien"),
        ("bonjour", "Aucun diagnostic n'a ce lien"),
        ("x" * 500, "Aucun diagnostic n'a ce lien"),
    ],
)
def test_a_wrong_link_is_refused_with_a_message(client, alice, client_company, link, message):
    client.force_login(alice)
    response = client.post(f"/consultant/clients/{client_company.pk}/attach/", {"link": link})
    assert response.status_code == 400
    assert message in text_of(response)
    assert not client_company.attachments.exists()


def test_an_unfinished_assessment_cannot_be_attached(client, alice, client_company):
    unfinished = make_assessment(profile="casual")
    client.force_login(alice)
    response = client.post(
        f"/consultant/clients/{client_company.pk}/attach/", {"link": f"/a/{unfinished.token}/"}
    )
    assert "pas encore terminé" in text_of(response)
    assert not client_company.attachments.exists()


def test_a_participants_answers_cannot_be_attached(client, alice, client_company, workshop):
    participant = join(workshop, "phone")
    client.force_login(alice)
    response = client.post(
        f"/consultant/clients/{client_company.pk}/attach/",
        {"link": f"/a/{participant.assessment.token}/"},
    )
    assert response.status_code == 400 and not client_company.attachments.exists()


def test_agreed_answers_cannot_be_attached_again(client, alice, client_company):
    agreed = agreed_workshop(client_company, alice)
    client.force_login(alice)
    response = client.post(
        f"/consultant/clients/{client_company.pk}/attach/", {"link": agreed.token}
    )
    assert response.status_code == 400 and not client_company.attachments.exists()


def test_an_assessment_belongs_to_one_client_only(client, alice, client_company):
    assessment = self_serve()
    other = services.client_create(consultancy=client_company.consultancy, name="Autre client")
    client.force_login(alice)
    client.post(f"/consultant/clients/{client_company.pk}/attach/", {"link": assessment.token})
    response = client.post(f"/consultant/clients/{other.pk}/attach/", {"link": assessment.token})
    assert "rattaché à un autre client" in text_of(response)
    assert list(other.attachments.all()) == []


def test_an_attached_assessment_follows_the_clients_consent(client, alice, client_company):
    assessment = self_serve()
    assert PeerScore.objects.filter(assessment=assessment).exists()  # the respondent's own
    client.force_login(alice)
    client.post(f"/consultant/clients/{client_company.pk}/attach/", {"link": assessment.token})
    assert not PeerScore.objects.filter(assessment=assessment).exists()
    client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "yes"})
    assert PeerScore.objects.filter(assessment=assessment).exists()


def test_deleting_a_client_deletes_the_assessments_attached_to_it(client, alice, client_company):
    assessment = self_serve()
    services.client_attach_assessment(
        client=client_company, link=assessment.token, attached_by=alice
    )
    services.client_delete(client=client_company)
    assert not type(assessment).objects.filter(pk=assessment.pk).exists()


# An attached assessment stays as it was, and follows the client


def test_an_attached_assessment_no_longer_changes_through_the_questionnaire(
    client, alice, client_company, questionnaire
):
    from tests.factories import step_post_data

    assessment = self_serve(profile="casual")
    services.client_attach_assessment(
        client=client_company, link=assessment.token, attached_by=alice
    )
    last = len(questionnaire.sections)
    answers = {**PROFILES["pioneers"]()}
    response = client.post(
        f"/a/{assessment.token}/step/{last}/",
        {**step_post_data(questionnaire, last, answers), "next": "1"},
    )
    assert response["Location"] == f"/a/{assessment.token}/results/"
    assert client.get(f"/a/{assessment.token}/")["Location"] == f"/a/{assessment.token}/results/"
    assessment.refresh_from_db()
    assert assessment.answers["tempo"] == PROFILES["casual"]()["tempo"]
    # Re-finishing it cannot bring it back among peers without the client's consent.
    assert not PeerScore.objects.filter(assessment=assessment).exists()
    page = text_of(client.get(f"/a/{assessment.token}/results/"))
    assert "ses réponses ne changent plus" in page and "Modifier mes réponses" not in page


def test_an_assessment_taken_off_the_timeline_goes_back_to_its_respondent(
    client, alice, charlie, client_company
):
    assessment = self_serve()
    services.client_attach_assessment(
        client=client_company, link=assessment.token, attached_by=alice
    )
    attachment = client_company.attachments.get()
    url = f"/consultant/clients/{client_company.pk}/attached/{attachment.pk}/remove/"
    client.force_login(charlie)
    assert client.post(url).status_code == 404
    assert client_company.attachments.exists()
    client.force_login(alice)
    assert client.post(url).status_code == 302
    assert not client_company.attachments.exists()
    assert PeerScore.objects.filter(assessment=assessment).exists()  # a self-serve one again
    assert selectors.client_timeline(client_company) == []


def test_a_participants_own_link_is_refused_with_its_own_reason(
    client, alice, client_company, workshop
):
    participant = join(workshop, "phone")
    client.force_login(alice)
    response = client.post(
        f"/consultant/clients/{client_company.pk}/attach/",
        {"link": f"/a/{participant.assessment.token}/"},
    )
    assert "le lien d'un participant" in text_of(response)
