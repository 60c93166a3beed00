"""A self-serve respondent is asked once, on the results page, whether their anonymous answers may
count among the companies compared: nobody counts without saying yes."""

import pytest

from assessment.models import PeerScore
from tests.factories import make_assessment
from tests.html import elements, text_of

pytestmark = pytest.mark.django_db


def counted(assessment) -> bool:
    return PeerScore.objects.filter(assessment=assessment).exists()


def test_a_respondent_not_yet_asked_is_not_counted():
    assert not counted(make_assessment(profile="combative", complete=True, peer_consent=None))


def test_the_results_page_asks_a_respondent_not_yet_asked_in_both_languages(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=None)
    french = client.get(f"/a/{assessment.token}/results/").content.decode()
    assert "Tant que vous ne dites pas oui" in text_of(french, "peer-consent")
    buttons = {b["value"] for b in elements(french, "button", name="consent")}
    assert buttons == {"yes", "no"}
    english = client.get(f"/en/a/{assessment.token}/results/").content.decode()
    assert "Until you say yes, they do not count." in text_of(english, "peer-consent")


def test_saying_yes_counts_the_answers_at_once(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=None)
    response = client.post(f"/a/{assessment.token}/consent/", {"consent": "yes"})
    assert response["Location"] == f"/a/{assessment.token}/results/#peer-consent"
    assert counted(assessment)
    page = client.get(f"/a/{assessment.token}/results/").content.decode()
    # Asked once: the question is gone, the answer stays, with the way back.
    assert "Tant que vous ne dites pas oui" not in page
    assert {b["value"] for b in elements(page, "button", name="consent")} == {"no"}


def test_saying_no_is_not_counted_and_is_not_asked_again(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=None)
    client.post(f"/a/{assessment.token}/consent/", {"consent": "no"})
    assessment.refresh_from_db()
    assert assessment.peer_benchmarks_consent is False and not counted(assessment)
    page = client.get(f"/a/{assessment.token}/results/").content.decode()
    assert "Tant que vous ne dites pas oui" not in page


def test_withdrawing_takes_the_answers_out_at_once(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=True)
    assert counted(assessment)
    client.post(f"/a/{assessment.token}/consent/", {"consent": "no"})
    assert not counted(assessment)


def test_a_respondent_who_said_no_stays_out_when_finishing_again(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=False)
    from assessment import services

    services.assessment_complete(assessment=assessment)
    assert not counted(assessment)


def test_an_answer_other_than_yes_or_no_changes_nothing(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=None)
    response = client.post(f"/a/{assessment.token}/consent/", {"consent": "maybe"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.peer_benchmarks_consent is None and not counted(assessment)


def test_the_consent_is_only_posted(client):
    assessment = make_assessment(profile="combative", complete=True, peer_consent=None)
    assert client.get(f"/a/{assessment.token}/consent/").status_code == 405


def test_agreed_answers_cannot_be_counted_from_the_link(client):
    # A workshop's agreed answers follow the client's consent, never the link's.
    consensus = make_assessment(profile="combative", complete=True, peer_consent=None)
    consensus.origin = "consensus"
    consensus.save()
    assert client.post(f"/a/{consensus.token}/consent/", {"consent": "yes"}).status_code == 404
    assert not counted(consensus)
