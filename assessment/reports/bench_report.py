"""How much does our own work add to WeasyPrint, and how fast is a cached report?

    .venv/bin/python -m assessment.reports.bench_report

On a database of its own (SQLite in /tmp, 1,000 synthetic peers so the peer section is drawn),
times in turns, so that a noisy machine slows all alike:
- the full report: data, template, charts and WeasyPrint (the cache emptied before each run);
- WeasyPrint alone, rendering the very HTML the full report produced;
- the cached report, as every download after the first gets it.
It prints each median and the ratio full / WeasyPrint alone, pair by pair.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench_report.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402

from assessment.models import Assessment  # noqa: E402
from assessment.reports.pdf import assessment_report_pdf, html_to_pdf, report_html  # noqa: E402
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
        assessment_report_pdf(company, LANGUAGE)

    html = report_html(company, LANGUAGE)
    full()  # warm-up: fonts, templates, imports
    html_to_pdf(html)
    full_runs, weasy_runs, cached_runs = [], [], []
    for _ in range(RUNS):
        full_runs.append(milliseconds(full))
        weasy_runs.append(milliseconds(lambda: html_to_pdf(html)))
        cached_runs.append(milliseconds(lambda: assessment_report_pdf(company, LANGUAGE)))

    median = statistics.median
    ratios = [f / w for f, w in zip(full_runs, weasy_runs, strict=True)]
    print(f"report in {LANGUAGE}; {RUNS} runs each; {len(html):,} characters of HTML")
    print(f"full report (ours + WeasyPrint)   median {median(full_runs):8.1f} ms")
    print(f"WeasyPrint alone, same HTML       median {median(weasy_runs):8.1f} ms")
    print(f"ratio full / WeasyPrint alone     median {median(ratios):8.3f}")
    print(f"cached report                     median {median(cached_runs):8.2f} ms")


if __name__ == "__main__":
    main()
