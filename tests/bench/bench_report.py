"""How much does our own work add to WeasyPrint, and how fast is a cached report?

    .venv/bin/python -m tests.bench.bench_report

On a database of its own (SQLite in /tmp, 1,000 synthetic peers so the peer section is drawn),
times in turns, so that a noisy machine slows all alike:
- the full report: data, template, charts and WeasyPrint (the cache emptied before each run);
- WeasyPrint alone, rendering the very HTML the full report produced;
- the cached report, as every download after the first gets it.
It prints each median and the ratio full / WeasyPrint alone, pair by pair. Then the same for a
client's progress report (three assessments over a year, targets, the consultancy's logo).
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.own_database import use_own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
# Its own database, never DATABASE_URL's: it deletes every assessment it finds there.
use_own_database("report")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402

from assessment.models import Assessment  # noqa: E402
from assessment.reports.pdf import assessment_report_pdf, html_to_pdf, report_html  # noqa: E402
from assessment.selectors import assessment_report  # noqa: E402
from assessment.synthetic import load_synthetic_population  # noqa: E402
from tests.factories import make_assessment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "10"))
LANGUAGE = os.environ.get("BENCH_LANGUAGE", "fr")


def milliseconds(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    call_command("migrate", verbosity=0)
    Assessment.objects.all().delete()
    load_synthetic_population(count=1000, seed=2018)
    company = make_assessment(profile="combative", complete=True)

    def full():
        cache.clear()
        assessment_report_pdf(assessment_report(company), LANGUAGE)

    html = report_html(assessment_report(company), LANGUAGE)
    full()  # warm-up: fonts, templates, imports
    html_to_pdf(html)
    full_runs, weasy_runs, cached_runs = [], [], []
    for _ in range(RUNS):
        full_runs.append(milliseconds(full))
        weasy_runs.append(milliseconds(lambda: html_to_pdf(html)))
        cached_runs.append(
            milliseconds(lambda: assessment_report_pdf(assessment_report(company), LANGUAGE))
        )

    median = statistics.median
    ratios = [f / w for f, w in zip(full_runs, weasy_runs, strict=True)]
    print(f"report in {LANGUAGE}; {RUNS} runs each; {len(html):,} characters of HTML")
    print(f"full report (ours + WeasyPrint)   median {median(full_runs):8.1f} ms")
    print(f"WeasyPrint alone, same HTML       median {median(weasy_runs):8.1f} ms")
    print(f"ratio full / WeasyPrint alone     median {median(ratios):8.3f}")
    print(f"cached report                     median {median(cached_runs):8.2f} ms")
    progress_report_bench()


def progress_report_bench() -> None:
    import io

    from django.template.loader import render_to_string
    from django.utils import timezone
    from django.utils.translation import override
    from PIL import Image

    from assessment.reports.pdf import brand_fetcher, progress_report_pdf, report_brand
    from assessment.workshops import brand, services
    from assessment.workshops.presenters import progress_context
    from assessment.workshops.selectors import client_progress

    user = services.consultancy_signup(
        email=f"bench{time.time_ns()}@conseil.fr",
        password=secrets.token_urlsafe(),
        consultancy_name="C",
    )
    consultancy = user.membership.consultancy
    logo = io.BytesIO()
    Image.new("RGB", (400, 120), (224, 122, 20)).save(logo, format="PNG")
    services.consultancy_set_brand(
        consultancy=consultancy,
        name="Conseil Lumière",
        logo=brand.read_logo(logo.getvalue()),
        accent_colour="#0a6e5c",
    )
    client = services.client_create(consultancy=consultancy, name="Maison Lefèvre")
    for days, profile in ((365, "silent_mass"), (180, "casual"), (10, "combative")):
        assessment = make_assessment(profile=profile, complete=True)
        Assessment.objects.filter(pk=assessment.pk).update(
            completed_at=timezone.now() - timezone.timedelta(days=days)
        )
        services.client_attach_assessment(client=client, link=assessment.token, attached_by=user)
    services.client_set_targets(client=client, targets={"team": 70, "roi": 60})

    with override(LANGUAGE):
        html = render_to_string(
            "report/progress.html",
            {
                "client": client,
                "printed_at": timezone.now(),
                "brand": report_brand(consultancy),
                **progress_context(client_progress(client), LANGUAGE),
            },
        )

    def full():
        progress_report_pdf(client_progress(client), LANGUAGE)

    full()  # warm-up
    full_runs, weasy_runs = [], []
    for _ in range(RUNS):
        full_runs.append(milliseconds(full))
        weasy_runs.append(milliseconds(lambda: html_to_pdf(html, brand_fetcher(consultancy))))
    median = statistics.median
    ratios = [f / w for f, w in zip(full_runs, weasy_runs, strict=True)]
    print(f"progress report (ours + WeasyPrint) median {median(full_runs):6.1f} ms")
    print(f"WeasyPrint alone, same HTML         median {median(weasy_runs):6.1f} ms")
    print(f"ratio full / WeasyPrint alone       median {median(ratios):6.3f}")


if __name__ == "__main__":
    main()
