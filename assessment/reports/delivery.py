"""What a report request answers: the PDF when it is ready, otherwise a page that says where it
stands (being prepared, ready, failed, or too many asked for) and looks again by itself."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import redirect, render

from ..downloads import PDF, download
from .models import PreparedReport
from .queue import RenderLimitReached, prepared_pdf

# How often the "being prepared" page looks again: a render takes a few seconds.
REFRESH_SECONDS = 2
# The page's address says that the visitor waited on it, so that a report ready by then is
# announced on the page before its download starts, instead of leaving "being prepared" on screen.
WAITED = "waited"
RETRY = "retry"


@dataclass(frozen=True)
class ReportAddresses:
    pdf: str
    page: str
    back: str
    back_label: str


def report_response(request, ask, addresses: ReportAddresses, filename: str, *, as_page: bool):
    """`ask(retry=...)` puts the render in line (or finds it); the PDF address hands the file over
    or sends to the page, which tells where the render stands."""
    try:
        prepared = ask(retry=RETRY in request.GET)
    except RenderLimitReached:
        return _page(request, "limited", addresses, status=429)
    if not as_page:
        if prepared.is_ready:
            return download(prepared_pdf(prepared), PDF, filename)
        return redirect(addresses.page)
    if prepared.is_ready:
        if WAITED not in request.GET:
            return redirect(addresses.pdf)
        return _page(request, "ready", addresses)
    if prepared.status == PreparedReport.Status.FAILED:
        return _page(request, "failed", addresses, status=503)
    return _page(request, "pending", addresses, status=202)


def _page(request, state: str, addresses: ReportAddresses, status: int = 200) -> HttpResponse:
    return render(
        request,
        "report_status.html",
        {
            "state": state,
            "addresses": addresses,
            "refresh_seconds": REFRESH_SECONDS,
            "waited": WAITED,
            "retry": RETRY,
        },
        status=status,
    )
