"""Dates a reader sees are Paris dates: at 23:30 UTC (00:30 in Paris) every file is named after the
Paris day, which has already turned. The whole suite passes with the clock set there too."""

from datetime import UTC, datetime

import pytest
import time_machine

from assessment.workshops import services
from tests.factories import make_assessment
from tests.profiles import PROFILES
from tests.report_worker import download_report
from tests.workshops.conftest import join

pytestmark = pytest.mark.django_db

# 9 March 2026, 23:30 in UTC: already 10 March in Paris (UTC+1 in winter).
LATE_EVENING_UTC = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
PARIS_DAY = "2026-03-10"


@pytest.fixture
def late_evening():
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        yield


def test_the_report_is_named_after_the_paris_day(client, late_evening):
    assessment = make_assessment(profile="combative", complete=True)
    french = download_report(client, f"/a/{assessment.token}/report.pdf")["Content-Disposition"]
    english = download_report(client, f"/en/a/{assessment.token}/report.pdf")["Content-Disposition"]
    assert f"maturite-reseaux-sociaux-{PARIS_DAY}.pdf" in french
    assert f"social-media-maturity-{PARIS_DAY}.pdf" in english


def test_the_progress_report_is_named_after_the_paris_day(
    client, alice, client_company, late_evening
):
    workshop = services.workshop_create(client=client_company, created_by=alice)
    join(workshop, "phone")
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    client.force_login(alice)
    response = download_report(client, f"/en/consultant/clients/{client_company.pk}/progress.pdf")
    assert f"progress-since-{PARIS_DAY}.pdf" in response["Content-Disposition"]


def test_the_exports_are_named_after_the_paris_day(client, alice, client_company, late_evening):
    workshop = services.workshop_create(client=client_company, created_by=alice)
    client.force_login(alice)
    workshop_export = client.get(f"/consultant/workshops/{workshop.pk}/answers.csv")
    client_export = client.get(f"/consultant/clients/{client_company.pk}/assessments.csv")
    assert f"workshop-{PARIS_DAY}-{workshop.code}.csv" in workshop_export["Content-Disposition"]
    assert f"maison-lefevre-{PARIS_DAY}.csv" in client_export["Content-Disposition"]


def test_a_self_serve_respondent_in_the_client_export_carries_the_paris_day(
    client, alice, client_company, late_evening
):
    own = make_assessment(profile="casual", complete=True)
    services.client_attach_assessment(client=client_company, link=own.token, attached_by=alice)
    client.force_login(alice)
    rows = client.get(f"/en/consultant/clients/{client_company.pk}/assessments.csv")
    assert f"self-serve {PARIS_DAY} #1" in rows.content.decode()
