"""Reports are rendered by a report worker (`manage.py db_worker --queue-name reports`), never by
a process that answers pages: a request asks for a render and is told where it stands.

Identical requests share one render: a report is known by the key of its content, and the row of
that key is its place in line, then the file. Renders are limited per assessment or client and per
address, counted on those rows, so the limits hold across every process without a shared cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Assessment
from ..selectors import REPORT_VERSION, assessment_report
from ..workshops.selectors import ClientProgress
from .models import PreparedReport
from .tasks import render_report

# A respondent who changes a few answers and downloads again, in both languages, stays well
# under this; a script looping on one link does not.
RENDERS_PER_SUBJECT_PER_HOUR = 10
# A consultancy's office shares an address and downloads many clients' reports in a morning.
RENDERS_PER_ADDRESS_PER_HOUR = 30
LIMIT_WINDOW = timedelta(hours=1)
# A render still unfinished after this long lost its worker (stopped mid-render): asked again.
RENDER_GIVEN_UP_AFTER = timedelta(minutes=10)
# A prepared report's peer figures are at most this old when it is handed over: past it, the next
# request renders it again. Its key leaves the peers out, so that a visitor waiting for a report
# is not sent a new render each time another company completes the questionnaire meanwhile.
PEERS_FRESH_FOR = timedelta(hours=1)
# Prepared files are kept this long, then deleted.
KEPT_FOR = timedelta(days=7)


class RenderLimitReached(Exception):
    """Too many new renders asked for by this link or this address within the hour."""


def requester(address: str) -> str:
    """The address as the limits count it: a keyed hash, so no address is stored."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def assessment_report_request(
    *, assessment: Assessment, language: str, address: str, retry: bool = False
) -> PreparedReport:
    key = assessment_report(assessment).cache_key(language, with_peers=False)
    key = key.removeprefix("report:")
    return _request(key=key, language=language, address=address, retry=retry, assessment=assessment)


def progress_report_key(progress: ClientProgress, language: str) -> str:
    """The same timeline, targets, brand, language and day give the same progress report (it
    prints the day it was drawn up)."""
    client, consultancy = progress.client, progress.client.consultancy
    content = json.dumps(
        {
            "client": [client.pk, client.name, client.targets],
            "assessments": [
                [a.pk, a.questionnaire_version, str(a.updated_at), str(a.completed_at)]
                for a in progress.assessments
            ],
            "workshops": [
                [e.workshop.pk, e.workshop.title] if e.workshop else None for e in progress.timeline
            ],
            "brand": [consultancy.name, consultancy.logo_key, consultancy.accent_colour],
            "language": language,
            "day": str(timezone.localdate()),
            "report": REPORT_VERSION,
        },
        sort_keys=True,
        default=str,
    )
    return "progress-" + hashlib.sha256(content.encode()).hexdigest()


def progress_report_request(
    *, progress: ClientProgress, language: str, address: str, retry: bool = False
) -> PreparedReport:
    return _request(
        key=progress_report_key(progress, language),
        language=language,
        address=address,
        retry=retry,
        client=progress.client,
    )


def _request(*, key, language, address, retry, assessment=None, client=None) -> PreparedReport:
    prepared = PreparedReport.objects.defer("pdf").filter(key=key).first()
    if prepared is not None and not _to_render_again(prepared, retry):
        return prepared
    now = timezone.now()
    by = requester(address)
    subject = {"assessment": assessment} if assessment is not None else {"client": client}
    recent = PreparedReport.objects.filter(requested_at__gte=now - LIMIT_WINDOW)
    if (
        recent.filter(**subject).count() >= RENDERS_PER_SUBJECT_PER_HOUR
        or recent.filter(requested_by=by).count() >= RENDERS_PER_ADDRESS_PER_HOUR
    ):
        if prepared is not None and prepared.is_ready:
            return prepared  # its peer figures are older than wished, but it is the report
        raise RenderLimitReached
    with transaction.atomic():
        if prepared is None:
            PreparedReport.objects.filter(requested_at__lt=now - KEPT_FOR).delete()
            try:
                with transaction.atomic():
                    prepared = PreparedReport.objects.create(
                        key=key, language=language, requested_by=by, requested_at=now, **subject
                    )
            except IntegrityError:
                # An identical request came first: its render is this one's too.
                return PreparedReport.objects.defer("pdf").get(key=key)
        else:
            # Only one of two simultaneous retries puts the render back in line.
            taken = PreparedReport.objects.filter(
                pk=prepared.pk, status=prepared.status, requested_at=prepared.requested_at
            ).update(status=PreparedReport.Status.PENDING, requested_at=now, requested_by=by)
            prepared.refresh_from_db(fields=["status", "requested_at", "requested_by"])
            if not taken:
                return prepared
        render_report.enqueue(prepared.pk)
    return prepared


def _to_render_again(prepared: PreparedReport, retry: bool) -> bool:
    if prepared.status == PreparedReport.Status.FAILED:
        return retry
    if prepared.status == PreparedReport.Status.PENDING:
        return timezone.now() - prepared.requested_at > RENDER_GIVEN_UP_AFTER
    return timezone.now() - (prepared.finished_at or prepared.requested_at) > PEERS_FRESH_FOR


def prepared_pdf(prepared: PreparedReport) -> bytes:
    return bytes(PreparedReport.objects.values_list("pdf", flat=True).get(pk=prepared.pk))
