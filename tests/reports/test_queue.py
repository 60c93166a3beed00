"""Reports off the request path: asked for, prepared by the report worker, then delivered; one
render for identical requests; a limit on new renders per link and per address."""

import datetime as dt

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from assessment.reports import tasks
from assessment.reports.models import PreparedReport
from tests.factories import make_assessment
from tests.report_worker import run_report_worker

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDFs the worker renders."""
    counted = []
    render = tasks.assessment_report_pdf

    def counting(report, language):
        counted.append(report.assessment.pk)
        return render(report, language)

    monkeypatch.setattr(tasks, "assessment_report_pdf", counting)
    return counted


def test_the_page_says_the_report_is_being_prepared_then_delivers_it(client, renders):
    assessment = make_assessment(profile="combative", complete=True)
    page = f"/a/{assessment.token}/report/"
    waiting = client.get(page)
    assert waiting.status_code == 202
    content = waiting.content.decode()
    assert "Votre rapport est en préparation" in content
    assert f'http-equiv="refresh" content="2;url={page}?waited=1"' in content
    assert renders == []  # nothing was rendered while answering the request

    run_report_worker()
    ready = client.get(page + "?waited=1")
    assert ready.status_code == 200
    content = ready.content.decode()
    assert "Votre rapport est prêt" in content
    assert f'content="0;url=/a/{assessment.token}/report.pdf"' in content
    pdf = client.get(f"/a/{assessment.token}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert renders == [assessment.pk]


def test_the_pdf_address_sends_to_the_page_until_the_report_is_ready(client):
    assessment = make_assessment(profile="combative", complete=True)
    response = client.get(f"/en/a/{assessment.token}/report.pdf")
    assert response.status_code == 302
    assert response["Location"] == f"/en/a/{assessment.token}/report/"
    assert "Your report is being prepared" in client.get(response["Location"]).content.decode()


def test_a_ready_report_downloads_straight_from_the_results_link(client):
    assessment = make_assessment(profile="combative", complete=True)
    client.get(f"/a/{assessment.token}/report/")
    run_report_worker()
    response = client.get(f"/a/{assessment.token}/report/")
    assert response.status_code == 302
    assert response["Location"] == f"/a/{assessment.token}/report.pdf"


def test_identical_requests_share_one_render(client, renders):
    assessment = make_assessment(profile="combative", complete=True)
    page = f"/a/{assessment.token}/report/"
    for address in ("192.0.2.1", "192.0.2.2", "192.0.2.1"):
        assert client.get(page, REMOTE_ADDR=address).status_code == 202
    assert PreparedReport.objects.count() == 1
    assert DBTaskResult.objects.count() == 1
    run_report_worker()
    for address in ("192.0.2.1", "192.0.2.3"):
        pdf = client.get(f"/a/{assessment.token}/report.pdf", REMOTE_ADDR=address)
        assert pdf.content.startswith(b"%PDF")
    assert renders == [assessment.pk]


def test_a_changed_answer_or_language_is_a_new_render(client):
    assessment = make_assessment(profile="combative", complete=True)
    client.get(f"/a/{assessment.token}/report/")
    client.get(f"/en/a/{assessment.token}/report/")
    assessment.answers["budget"] = "gt150k"
    assessment.save()
    client.get(f"/a/{assessment.token}/report/")
    assert PreparedReport.objects.count() == 3


def _new_render(client, assessment, number, address="192.0.2.1"):
    """A report of different content each time: the company's name changes."""
    assessment.answers["company_name"] = f"Maison {number}"
    assessment.save()
    return client.get(f"/a/{assessment.token}/report/", REMOTE_ADDR=address)


def test_a_link_may_ask_for_ten_new_reports_an_hour(client):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(NOON, tick=False):
        for number in range(10):
            assert _new_render(client, assessment, number).status_code == 202
        refused = _new_render(client, assessment, 10, address="192.0.2.9")
        assert refused.status_code == 429
        assert "Trop de rapports demandés" in refused.content.decode()
    with time_machine.travel(NOON + dt.timedelta(minutes=61), tick=False):
        assert _new_render(client, assessment, 11).status_code == 202


def test_an_address_may_ask_for_thirty_new_reports_an_hour(client):
    companies = [make_assessment(profile="combative", complete=True) for _ in range(31)]
    with time_machine.travel(NOON, tick=False):
        for company in companies[:30]:
            assert _new_render(client, company, 1).status_code == 202
        assert _new_render(client, companies[30], 1).status_code == 429
        assert _new_render(client, companies[30], 1, address="192.0.2.2").status_code == 202


def test_a_prepared_report_is_delivered_past_the_limit(client):
    assessment = make_assessment(profile="combative", complete=True)
    # Made first: a completed assessment changes the peer figures, and so every report's content.
    others = [make_assessment(profile="casual", complete=True) for _ in range(30)]
    with time_machine.travel(NOON, tick=False):
        client.get(f"/a/{assessment.token}/report/")
        run_report_worker()
        for other in others:
            _new_render(client, other, 1)
        assert _new_render(client, others[0], 2).status_code == 429
        pdf = client.get(f"/a/{assessment.token}/report.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_the_address_is_never_stored(client):
    assessment = make_assessment(profile="combative", complete=True)
    client.get(f"/a/{assessment.token}/report/", REMOTE_ADDR="192.0.2.77")
    assert "192.0.2.77" not in PreparedReport.objects.get().requested_by


def test_a_failed_render_says_so_and_can_be_tried_again(client, monkeypatch):
    assessment = make_assessment(profile="combative", complete=True)
    page = f"/en/a/{assessment.token}/report/"
    client.get(page)

    def broken(report, language):
        raise RuntimeError("the renderer stopped")

    monkeypatch.setattr(tasks, "assessment_report_pdf", broken)
    run_report_worker()
    failed = client.get(page + "?waited=1")
    assert failed.status_code == 503
    assert "Your report could not be prepared" in failed.content.decode()
    assert f'href="{page}?retry=1"' in failed.content.decode()

    monkeypatch.undo()
    assert client.get(page + "?retry=1").status_code == 202
    run_report_worker()
    assert client.get(f"/en/a/{assessment.token}/report.pdf").content.startswith(b"%PDF")


def test_a_render_whose_worker_stopped_is_asked_again_after_ten_minutes(client):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(NOON, tick=False):
        client.get(f"/a/{assessment.token}/report/")
    DBTaskResult.objects.all().delete()  # the worker that took it is gone
    with time_machine.travel(NOON + dt.timedelta(minutes=9), tick=False):
        client.get(f"/a/{assessment.token}/report/")
        assert DBTaskResult.objects.count() == 0
    with time_machine.travel(NOON + dt.timedelta(minutes=11), tick=False):
        client.get(f"/a/{assessment.token}/report/")
        assert DBTaskResult.objects.count() == 1


def test_a_participant_has_no_report_of_their_own(client, monkeypatch):
    from assessment import views

    monkeypatch.setattr(views, "_is_participant", lambda assessment: True)
    assessment = make_assessment(profile="combative", complete=True)
    response = client.get(f"/a/{assessment.token}/report/")
    assert response["Location"] == f"/a/{assessment.token}/done/"
    assert not PreparedReport.objects.exists()


def test_an_unknown_link_has_no_report_page(client):
    assert client.get("/a/nope/report/").status_code == 404


def test_a_company_completing_meanwhile_does_not_restart_a_render(client, renders):
    assessment = make_assessment(profile="combative", complete=True)
    client.get(f"/a/{assessment.token}/report/")
    make_assessment(profile="pioneers", complete=True)  # the peer figures change
    assert client.get(f"/a/{assessment.token}/report/?waited=1").status_code == 202
    run_report_worker()
    assert client.get(f"/a/{assessment.token}/report.pdf").content.startswith(b"%PDF")
    assert renders == [assessment.pk]


def test_a_prepared_reports_peer_figures_are_at_most_an_hour_old(client, renders):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(NOON, tick=False):
        client.get(f"/a/{assessment.token}/report/")
        run_report_worker()
    with time_machine.travel(NOON + dt.timedelta(minutes=59), tick=False):
        assert client.get(f"/a/{assessment.token}/report/").status_code == 302
    with time_machine.travel(NOON + dt.timedelta(minutes=61), tick=False):
        assert client.get(f"/a/{assessment.token}/report/").status_code == 202
        run_report_worker()
    assert renders == [assessment.pk, assessment.pk]


def test_past_the_limit_an_older_prepared_report_is_still_delivered(client):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(NOON, tick=False):
        client.get(f"/a/{assessment.token}/report/")
        run_report_worker()
    with time_machine.travel(NOON + dt.timedelta(minutes=90), tick=False):
        for number in range(30):
            _new_render(client, make_assessment(profile="casual", complete=True), number)
        response = client.get(f"/a/{assessment.token}/report.pdf", REMOTE_ADDR="192.0.2.1")
    assert response.content.startswith(b"%PDF")
