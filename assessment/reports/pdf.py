"""The PDF report: a Django template rendered to HTML, then to PDF by WeasyPrint, offline.

WeasyPrint reads the report's own static files (stylesheet, fonts, mark) from disk through
`StaticFilesOnly`; every other URL is refused, so nothing a company types can make the renderer
reach the network or the file system.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..barometer_presenters import segment_among_respondents
from ..models import Assessment
from ..selectors import AssessmentReport
from ..workshops import brand
from ..workshops.group_presenters import workshop_report_context
from ..workshops.presenters import progress_context
from ..workshops.selectors import ClientProgress
from .presenters import report_context

# Relative URLs in the report resolve against this base; only its static part is ever served.
BASE_URL = "file:///report/"
CONTENT_TYPES = {
    ".css": "text/css",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class StaticFilesOnly(URLFetcher):
    """Serve the report's static files from disk and refuse every other URL.

    `refused` keeps what was refused, so tests can prove nothing else was asked for.
    """

    def __init__(self, extra: Mapping[str, bytes] | None = None):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.refused: list[str] = []
        # Exact report URLs served from memory: the consultancy's logo, from the database.
        self.extra = dict(extra or {})

    def fetch(self, url, headers=None):
        if url in self.extra:
            return URLFetcherResponse(
                url, body=self.extra[url], headers={"Content-Type": "image/png"}
            )
        path = self._static_file(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"the report reads only its own static files, not {url[:200]}")
        return URLFetcherResponse(
            url,
            body=path.read_bytes(),
            headers={"Content-Type": CONTENT_TYPES.get(path.suffix, "application/octet-stream")},
        )

    @staticmethod
    def _static_file(url: str) -> Path | None:
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        if parts.scheme != "file" or parts.netloc or not parts.path.startswith(prefix):
            return None
        name = unquote(parts.path[len(prefix) :])
        if ".." in Path(name).parts:
            return None
        found = finders.find(name)
        if found is None and settings.STATIC_ROOT:
            candidate = Path(settings.STATIC_ROOT) / name
            found = str(candidate) if candidate.is_file() else None
        return Path(found) if found else None


# Where the report asks for the consultancy's logo; StaticFilesOnly serves it from memory.
LOGO_URL = BASE_URL + "brand/logo.png"


def report_brand(consultancy, *, offered: bool = False) -> dict | None:
    """The consultancy's brand on a report; `offered` for a company's own assessment started from
    its campaign link, which the consultancy offered rather than prepared."""
    if consultancy is None:
        return None
    accent = brand.stored_accent(consultancy.accent_colour)
    return {
        "name": consultancy.name,
        "logo_url": "brand/logo.png" if consultancy.logo_key else "",
        "logo_width": consultancy.logo_width,
        "logo_height": consultancy.logo_height,
        "accent": accent,
        "on_accent": brand.text_colour_on(accent) if accent else "",
        "offered": offered,
    }


def brand_fetcher(consultancy) -> StaticFilesOnly:
    logo = bytes(consultancy.logo) if consultancy is not None and consultancy.logo else None
    return StaticFilesOnly(extra={LOGO_URL: logo} if logo else None)


def report_html(report: AssessmentReport, language: str) -> str:
    context = report_context(report, language)
    context["brand"] = report_brand(report.consultancy, offered=report.offered_by_consultancy)
    context["among_respondents"] = segment_among_respondents(context["segment"]["key"], language)
    with override(language):
        if report.group is not None:
            # The agreed answers of a workshop: the report tells how the group got there.
            context.update(workshop_report_context(report.workshop, report.group, language))
        return render_to_string("report/assessment.html", context)


def html_to_pdf(html: str, fetcher: StaticFilesOnly | None = None) -> bytes:
    # PDF/UA: a tagged PDF with its language and title, so a screen reader can read it.
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnly()).write_pdf(
        pdf_variant="pdf/ua-1"
    )


def assessment_report_pdf(report: AssessmentReport, language: str) -> bytes:
    """Rendered by the report worker only (reports/tasks.py), which keeps the file."""
    return html_to_pdf(report_html(report, language), brand_fetcher(report.consultancy))


def report_filename(assessment: Assessment, language: str) -> str:
    company = slugify(assessment.answers.get("company_name", ""))[:60].strip("-")
    when = timezone.localtime(assessment.completed_at or assessment.updated_at).date()
    if language == "en":
        return f"{company or 'company'}-social-media-maturity-{when:%Y-%m-%d}.pdf"
    return f"{company or 'entreprise'}-maturite-reseaux-sociaux-{when:%Y-%m-%d}.pdf"


def progress_report_pdf(progress: ClientProgress, language: str) -> bytes:
    """The "progress since <date>" report of a client, for its board."""
    client = progress.client
    with override(language):
        context = {
            "client": client,
            "printed_at": timezone.now(),
            "brand": report_brand(client.consultancy),
            **progress_context(progress, language),
        }
        html = render_to_string("report/progress.html", context)
    return html_to_pdf(html, brand_fetcher(client.consultancy))


def progress_report_filename(client, first_date, language: str) -> str:
    name = slugify(client.name)[:60].strip("-") or ("company" if language == "en" else "entreprise")
    first_day = timezone.localtime(first_date).date()
    if language == "en":
        return f"{name}-progress-since-{first_day:%Y-%m-%d}.pdf"
    return f"{name}-progression-depuis-{first_day:%Y-%m-%d}.pdf"
