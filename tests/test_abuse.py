"""What one visitor may do to the self-serve side and to every page: limits per address that a
forged header does not void, bodies refused unread, private pages kept by no cache, a language
link that never leaves the site."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory

from assessment import throttling
from assessment.models import Assessment, PeerScore
from assessment.throttling import client_address
from tests.factories import make_assessment, step_post_data
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db


def test_one_address_starts_at_most_100_assessments_in_10_minutes():
    for _ in range(100):
        assert Client().post("/start/").status_code == 302
    refused = Client().post("/start/")
    assert refused.status_code == 429
    assert Assessment.objects.count() == 100
    other_address = Client(REMOTE_ADDR="192.0.2.44")
    assert other_address.post("/start/").status_code == 302


def finish(questionnaire, address: str) -> Assessment:
    """A self-serve assessment finished from `address`, by its last step's page."""
    answers = PROFILES["pioneers"]()
    assessment = make_assessment(**answers)
    last = len(questionnaire.sections)
    response = Client(REMOTE_ADDR=address).post(
        f"/a/{assessment.token}/step/{last}/",
        {**step_post_data(questionnaire, last, answers), "next": "1"},
    )
    assert response["Location"] == f"/a/{assessment.token}/results/"
    assessment.refresh_from_db()
    return assessment


def test_past_five_finished_questionnaires_a_day_from_one_address_none_counts_among_peers(
    questionnaire,
):
    counted = [finish(questionnaire, "198.51.100.7") for _ in range(5)]
    sixth = finish(questionnaire, "198.51.100.7")
    assert set(PeerScore.objects.values_list("assessment_id", flat=True)) == {
        assessment.pk for assessment in counted
    }
    # Its respondent still has their results.
    assert sixth.is_complete
    assert Client().get(f"/a/{sixth.token}/results/").status_code == 200


def test_the_peer_limit_counts_each_address_on_its_own(questionnaire):
    for _ in range(5):
        finish(questionnaire, "198.51.100.7")
    elsewhere = finish(questionnaire, "198.51.100.8")
    assert PeerScore.objects.filter(assessment=elsewhere).exists()


def test_finishing_again_does_not_use_up_the_peer_limit(questionnaire):
    answers = PROFILES["pioneers"]()
    assessment = make_assessment(**answers)
    last = len(questionnaire.sections)
    data = {**step_post_data(questionnaire, last, answers), "next": "1"}
    for _ in range(6):
        Client().post(f"/a/{assessment.token}/step/{last}/", data)
    assert PeerScore.objects.filter(assessment=assessment).exists()
    assert PeerScore.objects.filter(assessment=finish(questionnaire, "127.0.0.1")).exists()


def test_one_address_signs_up_at_most_10_times_an_hour():
    for number in range(10):
        Client().post("/accounts/signup/", {"email": f"c{number}@x.fr"})  # invalid: counted too
    assert Client().post("/accounts/signup/", {"email": "late@x.fr"}).status_code == 429


def test_one_address_asks_for_at_most_10_password_resets_an_hour(mailoutbox):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("a@x.fr", "a@x.fr", "long-pass-word-1")
    for _ in range(10):
        assert Client().post("/accounts/password_reset/", {"email": "a@x.fr"}).status_code == 302
    assert Client().post("/accounts/password_reset/", {"email": "a@x.fr"}).status_code == 429
    assert len(mailoutbox) == 10


# The visitor's address behind proxies


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.CLIENT_IP_HEADER = ""
    assert client_address(request_from("10.0.0.1", "1.2.3.4")) == "10.0.0.1"


def test_behind_one_proxy_the_address_it_appended_is_used_not_the_visitors_claim(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_TRUSTED_PROXIES = 1
    assert client_address(request_from("10.0.0.1", "1.2.3.4")) == "1.2.3.4"
    assert client_address(request_from("10.0.0.1", "6.6.6.6, 1.2.3.4")) == "1.2.3.4"


def test_behind_two_proxies_the_outer_ones_entry_is_used(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_TRUSTED_PROXIES = 2
    # visitor's forgery, the client as the outer proxy saw it, the outer proxy as the inner saw it
    assert client_address(request_from("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.1")) == "1.2.3.4"
    # Fewer entries than proxies: it did not come through both, the connection is used.
    assert client_address(request_from("10.0.0.2", "1.2.3.4")) == "10.0.0.2"


def test_a_header_entry_that_is_no_address_is_not_used(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert client_address(request_from("10.0.0.1", "1.2.3.4, not-an-address")) == "10.0.0.1"
    assert client_address(request_from("10.0.0.1", "")) == "10.0.0.1"


def test_a_rotating_forged_header_does_not_escape_the_start_limit(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    for number in range(100):
        forged = f"203.0.113.{number % 250}, 198.51.100.9"
        assert Client(HTTP_X_FORWARDED_FOR=forged).post("/start/").status_code == 302
    forged = "203.0.113.251, 198.51.100.9"
    assert Client(HTTP_X_FORWARDED_FOR=forged).post("/start/").status_code == 429


# Request bodies


def test_a_large_body_is_refused_unread():
    response = Client().post(
        "/start/", data=b"x", content_type="text/plain", CONTENT_LENGTH=str(50 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert Assessment.objects.count() == 0


def test_a_body_within_the_limit_is_read():
    response = Client().post("/start/", data={"padding": "x" * 200_000})
    assert response.status_code == 302


def test_the_logo_form_takes_no_large_body_from_an_anonymous_visitor():
    response = Client().post(
        "/consultant/brand/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413


# Caches


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_pages_and_files_reached_by_a_private_link_are_kept_by_no_cache(client):
    assessment = make_assessment(profile="pioneers", complete=True)
    for path in (
        f"/a/{assessment.token}/",
        f"/a/{assessment.token}/results/",
        f"/a/{assessment.token}/answers.csv",
        f"/a/{assessment.token}/step/1/",
        f"/en/a/{assessment.token}/results/",
        "/a/not-a-real-token-at-all-0123456789/results/",
    ):
        assert no_store(client.get(path)), path


@pytest.mark.parametrize(
    "path",
    [
        "/w/ZQ4W7K/",  # a join code, a real one or not
        "/en/w/ZQ4W7K/",
        "/accounts/invitation/an-invitation-token-0123456789abcdef/",
        "/accounts/reset/MQ/set-password/",
        "/accounts/reset/MQ/cw2abc-0123456789abcdef0123/",
        "/t/a-team-token-0123456789abcdefghijklmnop/",
        "/c/a-campaign-token-0123456789abcdefghijkl/",
    ],
)
def test_join_invitation_reset_team_and_campaign_links_are_kept_by_no_cache(client, path):
    response = client.get(path)
    assert response.status_code < 500
    assert no_store(response), (path, response.status_code)


def test_the_report_is_kept_by_no_cache(client):
    assessment = make_assessment(profile="pioneers", complete=True)
    response = client.get(f"/a/{assessment.token}/report.pdf")
    assert no_store(response)


def test_public_pages_may_be_cached(client):
    assert not no_store(client.get("/"))
    assert not no_store(client.get("/sources/"))


# The language switch


def language_links(response) -> dict[str, str]:
    return {link["code"]: link["url"] for link in response.context["language_links"]}


def test_the_language_link_of_a_404_never_leaves_the_site(client):
    for path in ("//other.example/", "//other.example/sources/", "/nowhere/"):
        # As a browser sends it: the test client would read `//other.example/` as a host.
        response = client.get("/", PATH_INFO=path)
        assert response.status_code == 404
        assert language_links(response) == {"fr": "/", "en": "/en/"}, path
        assert 'href="//' not in response.content.decode()


def test_the_language_link_leads_to_the_same_page_in_the_other_language(client):
    assert language_links(client.get("/sources/")) == {"fr": "/sources/", "en": "/en/sources/"}
    assert language_links(client.get("/accounts/login/?next=/consultant/"))["en"] == (
        "/en/accounts/login/?next=/consultant/"
    )


def test_a_limit_checked_without_counting_reads_the_count_the_counting_keeps():
    limit = throttling.Limit("test-read", "3/1m")
    request = RequestFactory().post("/w/", REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        throttling.refused(request, limit)
        assert not throttling.over(request, limit)
    throttling.refused(request, limit)
    assert throttling.over(request, limit)
    # Another address has its own count.
    assert not throttling.over(RequestFactory().post("/w/", REMOTE_ADDR="203.0.113.8"), limit)


def test_a_limit_checked_without_counting_writes_nothing():
    # The join page checks two limits for every new phone of a room: a read, never a write.
    request = RequestFactory().get("/w/ABCD2345/", REMOTE_ADDR="203.0.113.9")
    cache = caches["default"]
    with (
        mock.patch.object(cache, "add", side_effect=AssertionError("written")),
        mock.patch.object(cache, "set", side_effect=AssertionError("written")),
        mock.patch.object(cache, "incr", side_effect=AssertionError("written")),
    ):
        assert not throttling.join_blocked(request, "a-new-phone")
