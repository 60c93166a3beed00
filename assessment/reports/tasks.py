"""The report worker's one job: render a requested report and keep the file on its row."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from ..mail import send_private_link
from ..models import Assessment
from ..selectors import assessment_report
from ..workshops.selectors import client_progress
from .models import PreparedReport
from .pdf import assessment_report_pdf, progress_report_pdf, report_filename

logger = logging.getLogger(__name__)

# The queue's own bookkeeping of finished renders is of no use after a day.
TASK_RECORDS_KEPT_FOR = timedelta(days=1)


@task(queue_name="reports")
def render_report(prepared_id: int) -> None:
    prepared = PreparedReport.objects.defer("pdf").filter(pk=prepared_id).first()
    if prepared is None or prepared.is_ready:
        return  # deleted with its assessment meanwhile, or already rendered
    rows = PreparedReport.objects.filter(pk=prepared_id)
    try:
        pdf = _render(prepared)
    except Exception:
        rows.update(status=PreparedReport.Status.FAILED, finished_at=timezone.now())
        raise
    rows.update(status=PreparedReport.Status.READY, pdf=pdf, finished_at=timezone.now())
    DBTaskResult.objects.finished().filter(
        finished_at__lt=timezone.now() - TASK_RECORDS_KEPT_FOR
    ).delete()


def _render(prepared: PreparedReport) -> bytes:
    if prepared.assessment_id is not None:
        return assessment_report_pdf(assessment_report(prepared.assessment), prepared.language)
    return progress_report_pdf(client_progress(prepared.client), prepared.language)


@task(queue_name="reports")
def email_link_with_report(prepared_id: int, assessment_id: int, site: str, language: str) -> None:
    """The private link and the report a finished company asked to receive, sent from here once
    the report is rendered, so that no render takes a thread that answers pages. The task holds
    ids only: the address is read from the assessment (forgotten meanwhile: nothing is sent) and
    the link is built here from the site's address."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None or not assessment.email:
        return  # deleted, or the address forgotten, meanwhile
    with override(language):
        link = site + reverse("assessment:resume", kwargs={"token": assessment.token})
    report = None
    try:
        prepared = PreparedReport.objects.defer("pdf").get(pk=prepared_id)
        if not prepared.is_ready:
            # Its own render may be behind this task in line, or have failed: render it here.
            render_report.call(prepared_id)
        pdf = bytes(PreparedReport.objects.values_list("pdf", flat=True).get(pk=prepared_id))
        report = (report_filename(assessment, language), pdf)
    except Exception:
        # The link is what the company cannot do without: it goes alone, and says so.
        logger.exception("report %s could not be attached to its e-mail", prepared_id)
    send_private_link(
        assessment=assessment,
        recipient=assessment.email,
        link=link,
        language=language,
        report=report,
        report_missing=report is None,
    )
