"""A consultancy's campaign: companies start from its link under its brand, and its consultants see
a company's results only once that company chooses to share them, and no longer once it
withdraws. alice and bob share a consultancy; charlie is from another."""

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.models import Assessment
from assessment.reports.pdf import report_html
from assessment.selectors import assessment_report
from assessment.workshops import campaigns, services
from assessment.workshops.models import AttachedAssessment, CampaignEntry, Client
from tests.factories import make_assessment
from tests.test_fuzz import VALUES

from .conftest import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultancy(alice):
    consultancy = alice.membership.consultancy
    consultancy.accent_colour = "#0a7d4f"
    consultancy.save()
    return consultancy


@pytest.fixture
def campaign(consultancy, alice):
    return campaigns.campaign_create(consultancy=consultancy, name="Salon 2027", created_by=alice)


def started_from(campaign, profile="casual", complete=True, **answers) -> Assessment:
    """A company's assessment started from the campaign's link, answered as a study portrait."""
    assessment = make_assessment(profile=profile, complete=complete, **answers)
    CampaignEntry.objects.create(campaign=campaign, assessment=assessment)
    return assessment


def share(browser, assessment, name="Atelier Morel", **extra):
    return browser.post(
        f"/a/{assessment.token}/campaign/share/", {"share": "on", "name": name, **extra}
    )


def shared_entry_url(assessment) -> str:
    return f"/consultant/shared/{assessment.campaign_entry.pk}/"


def logged_in(user) -> Browser:
    browser = Browser()
    browser.force_login(user)
    return browser


# The link


def test_a_campaign_link_starts_an_assessment_in_that_campaign(client, campaign):
    page = client.get(f"/c/{campaign.token}/")
    assert page.status_code == 200
    assert "Conseil A" in text_of(page)
    response = client.post(f"/c/{campaign.token}/")
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/a/{assessment.token}/step/1/"
    assert assessment.campaign_entry.campaign == campaign
    assert assessment.is_self_serve and assessment.respondent_key


def test_the_link_page_says_nothing_is_shared_unless_the_company_chooses(client, campaign):
    text = text_of(client.get(f"/c/{campaign.token}/"))
    assert "rien n’est partagé" in text or "rien n'est partagé" in text
    english = text_of(client.get(f"/en/c/{campaign.token}/"))
    assert "nothing is shared unless you do" in english


def test_campaign_links_are_unguessable(campaign, consultancy, alice):
    other = campaigns.campaign_create(consultancy=consultancy, name="Autre", created_by=alice)
    # 24 random bytes, URL-safe: 32 characters, 192 bits.
    assert len(campaign.token) == len(other.token) == 32
    assert campaign.token != other.token


def test_an_unknown_or_absurd_campaign_link_is_not_found(client, campaign):
    assert client.get("/c/not-a-campaign/").status_code == 404
    assert client.post("/c/not-a-campaign/").status_code == 404
    assert client.get(f"/c/{'x' * 500}/").status_code == 404
    assert Assessment.objects.count() == 0


def test_a_closed_campaign_says_so_and_starts_nothing(client, campaign, consultancy):
    campaigns.campaign_set_open(consultancy=consultancy, campaign_id=campaign.pk, is_open=False)
    page = client.get(f"/c/{campaign.token}/")
    assert page.status_code == 410
    assert "Cette campagne est close" in text_of(page)
    assert client.post(f"/c/{campaign.token}/").status_code == 410
    assert Assessment.objects.count() == 0
    english = client.get(f"/en/c/{campaign.token}/")
    assert "This campaign is closed" in text_of(english)


def test_an_assessment_started_before_the_close_goes_on(client, campaign, consultancy):
    client.post(f"/c/{campaign.token}/")
    assessment = Assessment.objects.get()
    campaigns.campaign_set_open(consultancy=consultancy, campaign_id=campaign.pk, is_open=False)
    assert client.get(f"/a/{assessment.token}/step/1/").status_code == 200


def test_campaign_starts_count_against_the_same_limit_as_other_starts(campaign):
    for _ in range(60):
        assert Browser().post("/start/").status_code == 302
    for _ in range(40):
        assert Browser().post(f"/c/{campaign.token}/").status_code == 302
    assert Browser().post(f"/c/{campaign.token}/").status_code == 429
    assert Assessment.objects.count() == 100


def test_only_the_consultancy_opens_and_closes_its_campaign(campaign, charlie, bob):
    logged_in(charlie).post(f"/consultant/campaigns/{campaign.pk}/close/")
    campaign.refresh_from_db()
    assert campaign.is_open
    logged_in(bob).post(f"/consultant/campaigns/{campaign.pk}/close/")
    campaign.refresh_from_db()
    assert not campaign.is_open


def test_a_campaign_needs_a_name(alice):
    browser = logged_in(alice)
    assert browser.post("/consultant/campaigns/new/", {"name": ""}).status_code == 302
    assert browser.post("/consultant/campaigns/new/", {"name": "a\x00b"}).status_code == 302
    assert browser.post("/consultant/campaigns/new/", {"name": "x" * 500}).status_code == 302
    assert not alice.membership.consultancy.campaigns.exists()


# The brand


def test_every_page_of_a_campaign_assessment_wears_the_consultancys_brand(client, campaign):
    unfinished = started_from(campaign, complete=False)
    finished = started_from(campaign)
    for url in (
        f"/a/{unfinished.token}/step/1/",
        f"/a/{unfinished.token}/step/3/",
        f"/a/{unfinished.token}/delete/",
        f"/a/{finished.token}/results/",
        f"/en/a/{finished.token}/results/",
    ):
        page = text_of(client.get(url))
        assert "Conseil A" in page, url
        assert "/brand/accent-0a7d4f.css" in page, url


def test_an_assessment_from_the_home_page_wears_no_brand(client, campaign):
    assessment = make_assessment(profile="casual", complete=True)
    page = text_of(client.get(f"/a/{assessment.token}/results/"))
    assert "Conseil A" not in page and "brand/accent" not in page


def test_the_report_of_a_campaign_assessment_says_who_offered_it(campaign, alice):
    assessment = started_from(campaign)
    html = report_html(assessment_report(assessment), "fr")
    assert "Un autodiagnostic proposé par Conseil A" in html
    assert "Préparé par" not in html
    # Once the company is the consultancy's client, the report is the consultancy's own.
    entry = campaigns.entry_share(assessment=assessment, name="Atelier Morel")
    campaigns.shared_entry_make_client(
        consultancy=campaign.consultancy, entry_id=entry.pk, client=None, name="", attached_by=alice
    )
    attached = Assessment.objects.get(pk=assessment.pk)
    html = report_html(assessment_report(attached), "fr")
    assert "Préparé par Conseil A" in html


def test_a_campaign_step_reads_its_brand_with_the_assessment_and_never_the_logo(client, campaign):
    assessment = started_from(campaign, complete=False)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/a/{assessment.token}/step/2/").status_code == 200
    assert len(queries) == 1
    assert not any('"workshops_consultancy"."logo"' in query["sql"] for query in queries)


def test_the_dashboard_reads_its_campaigns_in_the_same_queries_however_many(
    client, campaign, consultancy, alice
):
    browser = logged_in(alice)
    share(client, started_from(campaign))
    with CaptureQueriesContext(connection) as one:
        browser.get("/consultant/")
    for name in ("Autre", "Encore"):
        other = campaigns.campaign_create(consultancy=consultancy, name=name, created_by=alice)
        share(client, started_from(other))
    with CaptureQueriesContext(connection) as three:
        page = text_of(browser.get("/consultant/"))
    assert len(three) == len(one)
    assert page.count("partagée avec vous") == 3


# The choice to share


def test_the_choice_to_share_is_unticked_and_says_what_is_shared(client, campaign):
    assessment = started_from(campaign, company_name="Atelier Morel")
    page = text_of(client.get(f"/en/a/{assessment.token}/results/"))
    assert 'name="share" value="on" id="campaign-share-choice">' in page
    assert "checked" not in page.split('id="campaign-share"')[1].split("</section>")[0]
    for said in ("your answers to every question", "your scores and your segment", "PDF report"):
        assert said in page
    assert "the company name you give below" in page
    assert "You can withdraw" in page
    assert 'value="Atelier Morel"' in page


def test_nothing_is_shared_without_the_box_ticked(client, campaign, alice):
    assessment = started_from(campaign)
    client.post(f"/a/{assessment.token}/campaign/share/", {"name": "Atelier Morel"})
    assessment.campaign_entry.refresh_from_db()
    assert not assessment.campaign_entry.is_shared
    assert logged_in(alice).get(shared_entry_url(assessment)).status_code == 404


def test_before_the_choice_the_consultancy_sees_counts_only(client, campaign, alice):
    started_from(campaign, complete=False)
    assessment = started_from(campaign, company_name="Atelier Morel")
    browser = logged_in(alice)
    dashboard = text_of(browser.get("/consultant/"))
    assert "2 évaluations commencées" in dashboard
    assert "Atelier Morel" not in dashboard
    assert browser.get(shared_entry_url(assessment)).status_code == 404
    entry = assessment.campaign_entry.pk
    assert browser.get(f"/consultant/shared/{entry}/report/").status_code == 404
    assert browser.get(f"/consultant/shared/{entry}/report.pdf").status_code == 404


def test_once_shared_the_consultancy_and_its_colleagues_see_the_results(
    client, campaign, alice, bob
):
    assessment = started_from(campaign)
    share(client, assessment)
    dashboard = text_of(logged_in(alice).get("/en/consultant/"))
    assert "Atelier Morel" in dashboard
    assert "1 assessment started · 1 completed · 1 shared with you" in dashboard
    for user in (alice, bob):
        page = logged_in(user).get(f"/en{shared_entry_url(assessment)}")
        assert page.status_code == 200
        assert "Atelier Morel" in text_of(page)
        assert f"{assessment.overall_score}" in text_of(page)


def test_another_consultancy_never_sees_a_shared_result(client, campaign, charlie):
    assessment = started_from(campaign)
    share(client, assessment)
    browser = logged_in(charlie)
    entry = assessment.campaign_entry.pk
    assert browser.get(f"/consultant/shared/{entry}/").status_code == 404
    assert browser.get(f"/consultant/shared/{entry}/report/").status_code == 404
    assert browser.post(f"/consultant/shared/{entry}/client/", {"name": "X"}).status_code == 404
    assert "Atelier Morel" not in text_of(browser.get("/consultant/"))
    assert not Client.objects.filter(name="X").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, campaign):
    assessment = started_from(campaign)
    share(client, assessment)
    response = Browser().get(shared_entry_url(assessment))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_withdrawing_removes_access_at_once(client, campaign, alice):
    assessment = started_from(campaign)
    share(client, assessment)
    browser = logged_in(alice)
    assert browser.get(shared_entry_url(assessment)).status_code == 200
    response = client.post(f"/a/{assessment.token}/campaign/withdraw/")
    assert response["Location"].endswith("#campaign-share")
    assert browser.get(shared_entry_url(assessment)).status_code == 404
    assert "Atelier Morel" not in text_of(browser.get("/consultant/"))


def test_the_withdrawal_says_what_it_cannot_recall(client, campaign):
    assessment = started_from(campaign)
    share(client, assessment)
    page = text_of(client.get(f"/en/a/{assessment.token}/results/"))
    assert "no longer sees your results" in page
    assert "cannot be recalled" in page
    assert "Withdraw my results" in page


def test_a_company_may_share_again_after_withdrawing(client, campaign, alice):
    assessment = started_from(campaign)
    share(client, assessment)
    client.post(f"/a/{assessment.token}/campaign/withdraw/")
    share(client, assessment, name="Morel SAS")
    page = logged_in(alice).get(shared_entry_url(assessment))
    assert "Morel SAS" in text_of(page)


def test_sharing_asks_for_a_name(client, campaign):
    assessment = started_from(campaign)
    for name in ("", "   ", "Morel\x00SAS", "x" * 500):
        assert share(client, assessment, name=name).status_code == 302
    assessment.campaign_entry.refresh_from_db()
    assert not assessment.campaign_entry.is_shared


def test_only_a_campaign_assessment_can_be_shared(client, campaign, workshop):
    alone = make_assessment(profile="casual", complete=True)
    assert share(client, alone).status_code == 404
    assert client.post(f"/a/{alone.token}/campaign/withdraw/").status_code == 404
    participant = services.participant_join(
        workshop=workshop, device_key="phone", role="sales", first_name="", language="fr"
    )
    assert share(client, participant.assessment).status_code == 404
    assert client.post("/a/unknown-token/campaign/share/").status_code == 404
    assert client.get(f"/a/{alone.token}/campaign/share/").status_code == 405


def test_an_unfinished_assessment_is_not_shared(client, campaign):
    assessment = started_from(campaign, complete=False)
    share(client, assessment)
    assessment.campaign_entry.refresh_from_db()
    assert not assessment.campaign_entry.is_shared


# Into a client


def test_one_action_makes_a_shared_result_a_new_client(client, campaign, alice):
    assessment = started_from(campaign, headcount="50_249", sector="industry")
    share(client, assessment)
    browser = logged_in(alice)
    response = browser.post(
        f"/consultant/shared/{assessment.campaign_entry.pk}/client/", {"name": "Atelier Morel"}
    )
    made = Client.objects.get(name="Atelier Morel")
    assert response["Location"] == f"/consultant/clients/{made.pk}/progress/"
    assert made.consultancy == campaign.consultancy
    assert (made.headcount, made.sector) == ("50_249", "industry")
    assert AttachedAssessment.objects.get(assessment=assessment).client == made
    progress = text_of(browser.get(f"/consultant/clients/{made.pk}/progress/"))
    assert shared_entry_url(assessment) in progress


def test_the_consultancy_never_gets_the_companys_private_link(client, campaign, alice):
    """A private link once seen would outlive a withdrawal: the client's pages open a campaign's
    assessment on the shared page instead, which closes when the company withdraws."""
    assessment = started_from(campaign)
    share(client, assessment)
    browser = logged_in(alice)
    browser.post(f"/consultant/shared/{assessment.campaign_entry.pk}/client/", {"name": "Morel"})
    made = Client.objects.get(name="Morel")
    for url in (
        "/consultant/",
        shared_entry_url(assessment),
        f"/consultant/clients/{made.pk}/",
        f"/consultant/clients/{made.pk}/progress/",
    ):
        page = text_of(browser.get(url))
        assert assessment.token not in page, url
    assert shared_entry_url(assessment) in text_of(
        browser.get(f"/consultant/clients/{made.pk}/progress/")
    )
    assert shared_entry_url(assessment) in text_of(browser.get(f"/consultant/clients/{made.pk}/"))


def test_a_shared_result_can_join_an_existing_client(client, campaign, alice, client_company):
    assessment = started_from(campaign)
    share(client, assessment)
    logged_in(alice).post(
        f"/consultant/shared/{assessment.campaign_entry.pk}/client/",
        {"client": client_company.pk},
    )
    assert AttachedAssessment.objects.get(assessment=assessment).client == client_company


def test_a_shared_result_never_joins_another_consultancys_client(client, campaign, alice, charlie):
    theirs = services.client_create(consultancy=charlie.membership.consultancy, name="Theirs")
    assessment = started_from(campaign)
    share(client, assessment)
    response = logged_in(alice).post(
        f"/consultant/shared/{assessment.campaign_entry.pk}/client/", {"client": theirs.pk}
    )
    assert response.status_code == 400
    assert not AttachedAssessment.objects.exists()


def test_making_a_client_twice_says_it_is_done(client, campaign, alice):
    assessment = started_from(campaign)
    share(client, assessment)
    browser = logged_in(alice)
    url = f"/consultant/shared/{assessment.campaign_entry.pk}/client/"
    browser.post(url, {"name": "Atelier Morel"})
    again = browser.post(url, {"name": "Atelier Morel bis"})
    assert again.status_code == 400
    assert AttachedAssessment.objects.count() == 1
    assert "Atelier Morel bis" not in Client.objects.values_list("name", flat=True)


def test_bad_input_to_make_a_client_is_refused_without_an_error(client, campaign, alice):
    assessment = started_from(campaign)
    share(client, assessment)
    url = f"/consultant/shared/{assessment.campaign_entry.pk}/client/"
    browser = logged_in(alice)
    for data in ({}, {"client": "abc"}, {"client": "999999"}, {"name": "a\x00b"}):
        assert browser.post(url, data).status_code == 400, data
    assert not AttachedAssessment.objects.exists()


def test_withdrawing_takes_the_assessment_off_the_clients_timeline(client, campaign, alice):
    assessment = started_from(campaign)
    share(client, assessment)
    browser = logged_in(alice)
    browser.post(f"/consultant/shared/{assessment.campaign_entry.pk}/client/", {"name": "Morel"})
    made = Client.objects.get(name="Morel")
    client.post(f"/a/{assessment.token}/campaign/withdraw/")
    assert not AttachedAssessment.objects.exists()
    assert assessment.token not in text_of(browser.get(f"/consultant/clients/{made.pk}/progress/"))


# Bad input

FIELDS = st.sampled_from(["share", "name", "client", "is_open", "csrfmiddlewaretoken", "x", ""])
CAMPAIGN_FORMS = st.dictionaries(
    FIELDS, st.one_of(VALUES, st.lists(VALUES, max_size=3), st.integers()), max_size=6
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=CAMPAIGN_FORMS)
def test_no_campaign_form_answers_random_data_with_a_500(client, campaign, alice, data):
    mine = started_from(campaign)
    shared = started_from(campaign)
    campaigns.entry_share(assessment=shared, name="Partagée")
    entry = shared.campaign_entry.pk
    company_urls = (
        f"/c/{campaign.token}/",
        f"/c/{campaign.token}x/",
        f"/a/{mine.token}/campaign/share/",
        f"/a/{mine.token}/campaign/withdraw/",
        f"/en/a/{mine.token}/campaign/share/",
    )
    for url in company_urls:
        assert client.post(url, data).status_code < 500, (url, data)
    consultant = logged_in(alice)
    for url in (
        "/consultant/campaigns/new/",
        f"/consultant/campaigns/{campaign.pk}/close/",
        f"/consultant/campaigns/{campaign.pk}/open/",
        f"/consultant/shared/{entry}/client/",
        f"/consultant/shared/{entry + 1000}/client/",
    ):
        assert consultant.post(url, data).status_code < 500, (url, data)
