"""A respondent's data: what is said about it, deleting it, and the retention period."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessment import selectors
from assessment.models import Assessment, PeerScore
from assessment.reports.models import PreparedReport
from tests.factories import make_assessment
from tests.report_worker import download_report

pytestmark = pytest.mark.django_db


def test_the_privacy_page_says_what_is_stored_in_both_languages(client, settings):
    settings.ASSESSMENT_RETENTION_DAYS = 45
    french = client.get("/privacy/").content.decode()
    assert "Ce qui est conservé" in french and "45 jours" in french
    english = client.get("/en/privacy/").content.decode()
    assert "What is stored" in english and "45 days" in english


def test_every_page_links_to_the_privacy_page(client):
    assert 'href="/privacy/"' in client.get("/").content.decode()


def test_deleting_asks_first_then_removes_everything(client):
    assessment = make_assessment(profile="combative", complete=True)
    download_report(client, f"/a/{assessment.token}/report.pdf")
    assert PreparedReport.objects.filter(assessment=assessment).exclude(pdf=None).exists()
    token = assessment.token
    assert client.get(f"/a/{token}/delete/").status_code == 200
    assert Assessment.objects.filter(token=token).exists()
    response = client.post(f"/a/{token}/delete/")
    assert response["Location"] == "/"
    assert not Assessment.objects.filter(token=token).exists()
    assert not PeerScore.objects.exists()
    assert not PreparedReport.objects.exists()
    assert client.get(f"/a/{token}/results/").status_code == 404


def test_a_deleted_assessment_leaves_the_peer_benchmarks_at_once(client):
    peers = [make_assessment(profile="combative", complete=True) for _ in range(10)]
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    size = next(g for g in selectors.assessment_peer_groups(company) if g.kind == "size")
    assert size.shown
    client.post(f"/a/{peers[0].token}/delete/")
    size = next(g for g in selectors.assessment_peer_groups(company) if g.kind == "size")
    assert size.size == 9 and not size.shown


def test_agreed_answers_and_participants_cannot_be_deleted_from_the_link(client):
    consensus = make_assessment(profile="combative", complete=True)
    consensus.origin = "consensus"
    consensus.save()
    assert client.post(f"/a/{consensus.token}/delete/").status_code == 404


@pytest.mark.parametrize(("days_ago", "kept"), [(89, True), (91, False)])
def test_unfinished_assessments_are_purged_after_the_retention_period(days_ago, kept, settings):
    settings.ASSESSMENT_RETENTION_DAYS = 90
    stale = make_assessment(profile="combative")
    finished = make_assessment(profile="combative", complete=True)
    when = timezone.now() - timezone.timedelta(days=days_ago)
    Assessment.objects.filter(pk__in=[stale.pk, finished.pk]).update(updated_at=when)
    call_command("purge_unfinished", verbosity=0)
    assert Assessment.objects.filter(pk=stale.pk).exists() is kept
    assert Assessment.objects.filter(pk=finished.pk).exists()
