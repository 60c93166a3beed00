import pytest
from django.utils import timezone

from tests.factories import make_assessment
from tests.report_worker import download_report

pytestmark = pytest.mark.django_db


def test_it_downloads_a_pdf_named_after_the_company_in_french(client):
    assessment = make_assessment(profile="combative", complete=True)
    response = download_report(client, f"/a/{assessment.token}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = f"{timezone.localtime(assessment.completed_at):%Y-%m-%d}"
    assert response["Content-Disposition"] == (
        f'attachment; filename="maison-lefevre-maturite-reseaux-sociaux-{day}.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_it_names_the_english_report_in_english(client):
    assessment = make_assessment(profile="combative", complete=True)
    response = download_report(client, f"/en/a/{assessment.token}/report.pdf")
    day = f"{timezone.localtime(assessment.completed_at):%Y-%m-%d}"
    assert (
        f'filename="maison-lefevre-social-media-maturity-{day}.pdf"'
        in (response["Content-Disposition"])
    )


def test_a_company_without_a_name_gets_a_generic_file_name(client):
    assessment = make_assessment(profile="combative", company_name="", complete=True)
    response = download_report(client, f"/en/a/{assessment.token}/report.pdf")
    assert 'filename="company-social-media-maturity-' in response["Content-Disposition"]


def test_a_hostile_name_cannot_break_the_header(client):
    assessment = make_assessment(
        profile="combative", company_name='a"; filename="evil.exe', complete=True
    )
    response = download_report(client, f"/a/{assessment.token}/report.pdf")
    assert response.status_code == 200
    assert '"' not in response["Content-Disposition"].split('filename="')[1][:-1]


def test_an_unfinished_assessment_has_no_report_yet(client):
    assessment = make_assessment(profile="combative")
    response = client.get(f"/a/{assessment.token}/report.pdf")
    assert response.status_code == 302


def test_an_unknown_token_is_404(client):
    assert client.get("/a/nope/report.pdf").status_code == 404


def test_it_rejects_post(client):
    assessment = make_assessment(profile="combative", complete=True)
    assert client.post(f"/a/{assessment.token}/report.pdf").status_code == 405


def test_the_results_page_offers_the_download(client):
    assessment = make_assessment(profile="combative", complete=True)
    content = client.get(f"/a/{assessment.token}/results/").content.decode()
    assert f'href="/a/{assessment.token}/report/"' in content
    assert "Télécharger le rapport PDF" in content
