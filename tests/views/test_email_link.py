"""The private link (and, once finished, the report) sent by e-mail when the company asks: read
back from a real SMTP server on the loopback."""

import html
import re
from unittest import mock

import pytest
from django_tasks_db.models import DBTaskResult

from assessment.models import Assessment
from tests.factories import make_assessment
from tests.mailbox import plain_text
from tests.report_worker import download_report, run_report_worker

pytestmark = pytest.mark.django_db


def send(client, assessment, address, language="", back="1"):
    prefix = f"/{language}" if language else ""
    return client.post(
        f"{prefix}/a/{assessment.token}/email/", {"email": address, "back": back}, follow=True
    )


def test_it_sends_the_private_link_in_french(client, smtp_server):
    assessment = make_assessment(profile="combative")
    send(client, assessment, "marie@usinage-martin.fr")
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "marie@usinage-martin.fr"
    assert message["Subject"].strip() == "Votre lien privé vers l'autodiagnostic réseaux sociaux"
    body = plain_text(message)
    assert f"http://testserver/a/{assessment.token}/" in body
    assert "Il vous ramène à vos réponses" in body


def test_it_sends_the_private_link_in_english_from_an_english_page(client, smtp_server):
    assessment = make_assessment(profile="combative")
    send(client, assessment, "marie@usinage-martin.fr", language="en")
    [message] = smtp_server.wait_for(1)
    assert message["Subject"].strip() == "Your private link to the social-media self-assessment"
    assert f"http://testserver/en/a/{assessment.token}/" in plain_text(message)


def test_the_message_holds_nothing_that_reports_back(client, smtp_server):
    assessment = make_assessment(profile="combative")
    send(client, assessment, "marie@usinage-martin.fr")
    [message] = smtp_server.wait_for(1)
    # Plain text alone: no HTML part that could load an image, and no address but the link itself.
    assert [part.get_content_type() for part in message.walk()] == ["text/plain"]
    body = plain_text(message)
    assert re.findall(r"https?://\S+", body) == [f"http://testserver/a/{assessment.token}/"]


def test_a_finished_assessment_sends_its_report_along_from_the_report_worker(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    with mock.patch("assessment.reports.pdf.HTML") as renderer:
        page = send(client, assessment, "marie@usinage-martin.fr", back="results")
    # The request renders nothing and sends nothing: it asks the report worker, and says so.
    renderer.assert_not_called()
    assert smtp_server.messages == []
    assert "vont être envoyés à marie@usinage-martin.fr" in html.unescape(page.content.decode())
    run_report_worker()
    [message] = smtp_server.wait_for(1)
    [report] = list(message.iter_attachments())
    assert report.get_content_type() == "application/pdf"
    assert report.get_content().startswith(b"%PDF")
    assert "Votre rapport PDF est en pièce jointe." in plain_text(message)
    assert f"http://testserver/a/{assessment.token}/" in plain_text(message)


def test_the_report_sent_by_email_is_the_one_downloaded_rendered_once(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    download_report(client, f"/a/{assessment.token}/report.pdf")
    with mock.patch("assessment.reports.tasks.assessment_report_pdf") as render:
        send(client, assessment, "marie@usinage-martin.fr", back="results")
        run_report_worker()
    render.assert_not_called()
    [message] = smtp_server.wait_for(1)
    assert [part.get_content_type() for part in message.iter_attachments()] == ["application/pdf"]


def test_past_the_links_renders_the_link_goes_alone_and_says_where_the_report_is(
    client, smtp_server
):
    assessment = make_assessment(profile="combative", complete=True)
    with mock.patch("assessment.reports.queue.RENDERS_PER_SUBJECT_PER_HOUR", 0):
        page = send(client, assessment, "marie@usinage-martin.fr", back="results")
    content = html.unescape(page.content.decode())
    assert "Envoyé à marie@usinage-martin.fr" in content
    assert "Votre rapport n'a pas pu être joint" in content
    assert "trop de rapports ont été demandés depuis ce lien ou ce réseau" in content
    [message] = smtp_server.wait_for(1)
    assert list(message.iter_attachments()) == []
    body = plain_text(message)
    assert f"http://testserver/a/{assessment.token}/" in body
    assert "Votre rapport PDF n'a pas pu être joint cette fois" in body


def test_a_report_that_cannot_be_rendered_leaves_the_link_to_go_alone(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    send(client, assessment, "marie@usinage-martin.fr", back="results")
    with mock.patch("assessment.reports.tasks.assessment_report_pdf", side_effect=OSError):
        run_report_worker()
    [message] = smtp_server.wait_for(1)
    assert list(message.iter_attachments()) == []
    assert f"http://testserver/a/{assessment.token}/" in plain_text(message)
    assert "n'a pas pu être joint" in plain_text(message)


def test_the_queue_keeps_neither_the_link_nor_the_address(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    send(client, assessment, "marie@usinage-martin.fr", language="en", back="results")
    stored = " ".join(str(row.args_kwargs) for row in DBTaskResult.objects.all())
    assert "email_link_with_report" in " ".join(r.task_path for r in DBTaskResult.objects.all())
    assert assessment.token not in stored and "marie@" not in stored
    run_report_worker()
    [message] = smtp_server.wait_for(1)
    # The link is built in the worker, in the page's language.
    assert f"http://testserver/en/a/{assessment.token}/" in plain_text(message)


def test_nothing_is_sent_once_the_address_is_forgotten_before_the_report(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    send(client, assessment, "marie@usinage-martin.fr", back="results")
    client.post(f"/a/{assessment.token}/email/forget/", {"back": "results"})
    run_report_worker()
    assert smtp_server.messages == []


def test_nothing_is_sent_for_an_assessment_deleted_before_its_report(client, smtp_server):
    assessment = make_assessment(profile="combative", complete=True)
    send(client, assessment, "marie@usinage-martin.fr", back="results")
    client.post(f"/a/{assessment.token}/delete/")
    run_report_worker()
    assert smtp_server.messages == []


def test_the_address_is_kept_and_shown_until_forgotten(client, smtp_server):
    assessment = make_assessment(profile="combative")
    page = send(client, assessment, "marie@usinage-martin.fr").content.decode()
    assert "Nous gardons marie@usinage-martin.fr" in page
    assert Assessment.objects.get(pk=assessment.pk).email == "marie@usinage-martin.fr"
    page = client.post(
        f"/a/{assessment.token}/email/forget/", {"back": "1"}, follow=True
    ).content.decode()
    assert Assessment.objects.get(pk=assessment.pk).email == ""
    assert "marie@usinage-martin.fr" not in page


def test_an_address_receives_at_most_three_emails_an_hour(client, smtp_server):
    assessment = make_assessment(profile="combative")
    for _ in range(3):
        send(client, assessment, "marie@usinage-martin.fr")
    page = send(client, assessment, "Marie@Usinage-Martin.fr").content.decode()
    assert "Cette adresse a déjà reçu plusieurs e-mails" in page
    assert len(smtp_server.wait_for(3)) == 3
    # Another address is still served.
    send(client, assessment, "paul@usinage-martin.fr")
    assert len(smtp_server.wait_for(4)) == 4


def test_an_invalid_address_sends_nothing(client, smtp_server):
    assessment = make_assessment(profile="combative")
    page = send(client, assessment, "not an address").content.decode()
    assert "Saisissez une adresse e-mail valide" in page
    assert smtp_server.messages == []
    assert Assessment.objects.get(pk=assessment.pk).email == ""


def test_a_mail_server_that_does_not_answer_is_said_not_a_500(client, settings):
    from tests.servers import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    assessment = make_assessment(profile="combative")
    response = send(client, assessment, "marie@usinage-martin.fr")
    assert response.status_code == 200
    assert "L'e-mail n'a pas pu être envoyé" in html.unescape(response.content.decode())
    # An address that received nothing is not kept.
    assert Assessment.objects.get(pk=assessment.pk).email == ""


def test_it_rejects_get(client):
    assessment = make_assessment(profile="combative")
    assert client.get(f"/a/{assessment.token}/email/").status_code == 405


def test_a_workshop_participants_link_is_not_sent(client, smtp_server):
    assessment = make_assessment(profile="combative")
    Assessment.objects.filter(pk=assessment.pk).update(origin="participant")
    assert (
        client.post(f"/a/{assessment.token}/email/", {"email": "x@example.com"}).status_code == 404
    )
    assert smtp_server.messages == []
