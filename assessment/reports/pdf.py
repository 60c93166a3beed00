"""The PDF report: a Django template rendered to HTML, then to PDF by WeasyPrint, offline.

WeasyPrint reads the report's own static files (stylesheet, fonts, mark) from disk through
`StaticFilesOnly`; every other URL is refused, so nothing a company types can make the renderer
reach the network or the file system.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from benchmarks.peers import PEER_GROUP_MINIMUM

from ..models import Assessment
from ..presenters import report_context
from ..services import peer_data_version
from ..workshops import brand
from ..workshops.models import Consultancy
from ..workshops.presenters import progress_context, workshop_report_context
from ..workshops.services import workshop_version

# Bump when the report's template or content changes: cached reports of the old version are
# then never served again.
REPORT_VERSION = "2026-11.2"

# Relative URLs in the report resolve against this base; only its static part is ever served.
BASE_URL = "file:///report/"
CONTENT_TYPES = {
    ".css": "text/css",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
REPORT_CACHE_SECONDS = 60 * 60 * 24 * 7


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


def _workshop_of(assessment: Assessment):
    try:
        return assessment.workshop
    except ObjectDoesNotExist:
        return None


def consultancy_of(assessment: Assessment):
    """The consultancy whose client this assessment is, if any: its brand goes on the report.

    One query, without the logo's bytes: the cache key needs only the brand's name, logo key and
    colour, and every download asks for it; the logo itself is read on a cache miss alone.
    """
    return (
        Consultancy.objects.defer("logo")
        .filter(
            Q(clients__workshops__agreed_assessment=assessment)
            | Q(clients__attachments__assessment=assessment)
        )
        .first()
    )


def report_brand(consultancy) -> dict | None:
    if consultancy is None:
        return None
    try:
        accent = brand.clean_accent(consultancy.accent_colour)
    except ValueError:
        accent = ""
    return {
        "name": consultancy.name,
        "logo_url": "brand/logo.png" if consultancy.logo_key else "",
        "logo_width": consultancy.logo_width,
        "logo_height": consultancy.logo_height,
        "accent": accent,
        "on_accent": brand.text_colour_on(accent) if accent else "",
    }


def brand_fetcher(consultancy) -> StaticFilesOnly:
    logo = bytes(consultancy.logo) if consultancy is not None and consultancy.logo else None
    return StaticFilesOnly(extra={LOGO_URL: logo} if logo else None)


def _brand_version(consultancy) -> str:
    if consultancy is None:
        return ""
    return f"{consultancy.name}|{consultancy.logo_key}|{consultancy.accent_colour}"


def report_html(assessment: Assessment, language: str) -> str:
    context = report_context(assessment, language)
    context["brand"] = report_brand(consultancy_of(assessment))
    workshop = _workshop_of(assessment)
    with override(language):
        if workshop is not None:
            # The agreed answers of a workshop: the report tells how the group got there.
            context.update(workshop_report_context(workshop, language))
        return render_to_string("report/assessment.html", context)


def html_to_pdf(html: str, fetcher: StaticFilesOnly | None = None) -> bytes:
    # PDF/UA: a tagged PDF with its language and title, so a screen reader can read it.
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher or StaticFilesOnly()).write_pdf(
        pdf_variant="pdf/ua-1"
    )


def report_cache_key(assessment: Assessment, language: str) -> str:
    """The same answers, language, report version and peer data give the same report."""
    content = json.dumps(
        {
            "answers": assessment.answers,
            "questionnaire": assessment.questionnaire_version,
            "completed": assessment.completed_at.isoformat() if assessment.completed_at else "",
            "language": language,
            "report": REPORT_VERSION,
            "peers": peer_data_version(),
            "workshop": workshop_version(workshop)
            if (workshop := _workshop_of(assessment))
            else "",
            "dissent": workshop.dissent_notes if workshop else {},
            "brand": _brand_version(consultancy_of(assessment)),
            "synthetic": settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC,
            "peer_minimum": PEER_GROUP_MINIMUM,
        },
        sort_keys=True,
    )
    return "report:" + hashlib.sha256(content.encode()).hexdigest()


def forget_reports(assessment: Assessment) -> None:
    """Drop an assessment's cached reports, in every language, before the assessment goes."""
    for language, _name in settings.LANGUAGES:
        cache.delete(report_cache_key(assessment, language))


def assessment_report_pdf(assessment: Assessment, language: str) -> bytes:
    key = report_cache_key(assessment, language)
    pdf = cache.get(key)
    if pdf is None:
        fetcher = brand_fetcher(consultancy_of(assessment))
        pdf = html_to_pdf(report_html(assessment, language), fetcher)
        cache.set(key, pdf, timeout=REPORT_CACHE_SECONDS)
    return pdf


def report_filename(assessment: Assessment, language: str) -> str:
    company = slugify(assessment.answers.get("company_name", ""))[:60].strip("-")
    when = timezone.localtime(assessment.completed_at or assessment.updated_at).date()
    if language == "en":
        return f"{company or 'company'}-social-media-maturity-{when:%Y-%m-%d}.pdf"
    return f"{company or 'entreprise'}-maturite-reseaux-sociaux-{when:%Y-%m-%d}.pdf"


def progress_report_pdf(client, language: str) -> bytes:
    """The "progress since <date>" report of a client, for its board."""
    with override(language):
        context = {
            "client": client,
            "printed_at": timezone.now(),
            "brand": report_brand(client.consultancy),
            **progress_context(client, language),
        }
        html = render_to_string("report/progress.html", context)
    return html_to_pdf(html, brand_fetcher(client.consultancy))


def progress_report_filename(client, first_date, language: str) -> str:
    name = slugify(client.name)[:60].strip("-") or ("company" if language == "en" else "entreprise")
    first_day = timezone.localtime(first_date).date()
    if language == "en":
        return f"{name}-progress-since-{first_day:%Y-%m-%d}.pdf"
    return f"{name}-progression-depuis-{first_day:%Y-%m-%d}.pdf"
