"""Hostile strings in every field a person can type come back as text, in pages and in PDFs."""

import io

import pytest
from django.template.loader import render_to_string
from django.utils.translation import override
from pypdf import PdfReader

from assessment.reports.pdf import StaticFilesOnly, html_to_pdf, report_brand, report_html
from assessment.selectors import assessment_report
from assessment.workshops import services
from assessment.workshops.presenters import progress_context
from assessment.workshops.selectors import client_progress
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert(1)</script><img src="http://evil.example/x.png"> url(http://evil.example/y)'
)


def assert_escaped(html: str, shown: bool = True):
    assert "<script>alert(1)</script>" not in html
    assert '<img src="http://evil.example' not in html
    if shown:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_consultant_and_participant_texts_are_escaped_in_pages_and_the_report(client):
    user = services.consultancy_signup(
        email="e@x.fr", password="a-long-pass-1", consultancy_name=HOSTILE[:120]
    )
    company = services.client_create(
        consultancy=user.membership.consultancy, name=HOSTILE[:120], notes=HOSTILE * 3
    )
    workshop = services.workshop_create(
        client=company, created_by=user, title=HOSTILE[:120], named_mode=True
    )
    participant = services.participant_join(
        workshop=workshop, device_key="d", role="sales", first_name=HOSTILE[:40], language="fr"
    )
    services.workshop_reveal(workshop=workshop)
    client.force_login(user)
    for url in (
        "/consultant/",
        f"/consultant/clients/{company.pk}/",
        f"/consultant/workshops/{workshop.pk}/",
        f"/w/{workshop.code}/",
        f"/a/{participant.assessment.token}/step/1/",
    ):
        assert_escaped(client.get(url).content.decode())
    # The live part after the reveal shows no names: nothing of the string, raw or escaped.
    assert_escaped(
        client.get(f"/consultant/workshops/{workshop.pk}/live/").content.decode(), shown=False
    )

    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop,
        answers=PROFILES["combative"](),
        dissent_notes={"budget": HOSTILE},
        language="fr",
    )
    assert_escaped(client.get(f"/a/{agreed.token}/results/").content.decode())
    html = report_html(assessment_report(agreed), "fr")
    assert_escaped(html)
    fetcher = StaticFilesOnly()
    pdf = html_to_pdf(html, fetcher)
    assert fetcher.refused == []
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "<script>alert(1)</script>" in " ".join(text.split())

    # The client's progress page and report, with the consultancy's name on the cover.
    assert_escaped(client.get(f"/consultant/clients/{company.pk}/progress/").content.decode())
    assert_escaped(client.get("/consultant/brand/").content.decode())
    with override("fr"):
        progress_html = render_to_string(
            "report/progress.html",
            {
                "client": company,
                "brand": report_brand(company.consultancy),
                **progress_context(client_progress(company), "fr"),
            },
        )
    assert_escaped(progress_html)
    fetcher = StaticFilesOnly()
    html_to_pdf(progress_html, fetcher)
    assert fetcher.refused == []


def test_a_very_long_dissent_note_is_kept_to_a_thousand_characters(questionnaire):
    user = services.consultancy_signup(
        email="l@x.fr", password="a-long-pass-1", consultancy_name="L"
    )
    company = services.client_create(consultancy=user.membership.consultancy, name="L")
    workshop = services.workshop_create(client=company, created_by=user)
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop,
        answers=PROFILES["combative"](),
        dissent_notes={"budget": "x" * 10_000},
        language="fr",
    )
    workshop.refresh_from_db()
    assert len(workshop.dissent_notes["budget"]) == 1000
