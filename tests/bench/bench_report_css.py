"""What the report's own stylesheet costs WeasyPrint: the same report laid out with two versions
of static/css/report.css, in turns, and the pages of both compared as images.

    git show e9fdb82:static/css/report.css > /tmp/report-before.css
    .venv/bin/python -m tests.bench.bench_report_css --before /tmp/report-before.css

On a database of its own (SQLite in /tmp, 1,000 synthetic peers so the peer section is drawn).
The report's HTML is rendered once; each run lays it out with the stylesheet inlined, the
earlier one and the current one in turns, so that a noisy machine slows both alike. Prints both
medians and the ratio before / after, pair by pair; then rasterises both PDFs (pdftoppm) and
prints, page by page, the share of pixels that differ, and where the images are kept.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.own_database import use_own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
use_own_database("report")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from PIL import Image, ImageChops  # noqa: E402

from assessment.models import Assessment  # noqa: E402
from assessment.reports.pdf import html_to_pdf, report_html  # noqa: E402
from assessment.selectors import assessment_report  # noqa: E402
from assessment.synthetic import load_synthetic_population  # noqa: E402
from tests.factories import make_assessment  # noqa: E402

STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*report[^"]*\.css">')
CURRENT = ROOT / "static" / "css" / "report.css"


def with_stylesheet(html: str, css: str) -> str:
    # Inlined, so both are read the same way; url()s in it are relative to the css folder.
    css = css.replace('url("../', 'url("/static/')
    return STYLESHEET_LINK.sub(lambda _: f"<style>{css}</style>", html, count=1)


def milliseconds(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def pages(pdf: bytes, folder: Path, name: str) -> list[Path]:
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(  # noqa: S603 - a fixed command line of our own
        ["pdftoppm", "-r", "60", "-png", str(folder / f"{name}.pdf"), str(folder / name)],
        check=True,
    )
    return sorted(folder.glob(f"{name}-*.png"))


def differing_share(first: Path, second: Path) -> float:
    a, b = Image.open(first).convert("RGB"), Image.open(second).convert("RGB")
    if a.size != b.size:
        return 1.0
    difference = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 16 else 0)
    return sum(1 for v in difference.tobytes() if v) / (a.size[0] * a.size[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True, help="the earlier report.css")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--language", default="fr")
    arguments = parser.parse_args()

    call_command("migrate", verbosity=0)
    Assessment.objects.all().delete()
    load_synthetic_population(count=1000, seed=2018)
    company = make_assessment(profile="combative", complete=True)
    html = report_html(assessment_report(company), arguments.language)
    before = with_stylesheet(html, Path(arguments.before).read_text())
    after = with_stylesheet(html, CURRENT.read_text())
    assert before != html and after != html, "the stylesheet link was not found"

    html_to_pdf(before), html_to_pdf(after)  # warm-up: fonts, imports
    before_runs, after_runs = [], []
    for _ in range(arguments.runs):
        before_runs.append(milliseconds(lambda: html_to_pdf(before)))
        after_runs.append(milliseconds(lambda: html_to_pdf(after)))
    median = statistics.median
    ratios = [b / a for b, a in zip(before_runs, after_runs, strict=True)]
    print(f"report in {arguments.language}; {arguments.runs} runs each, in turns")
    print(f"stylesheet before   median {median(before_runs):8.1f} ms")
    print(f"stylesheet after    median {median(after_runs):8.1f} ms")
    print(f"ratio before / after, pair by pair: median {median(ratios):.3f}")

    folder = Path(tempfile.mkdtemp(prefix="report-css-"))
    old, new = (
        pages(html_to_pdf(before), folder, "before"),
        pages(html_to_pdf(after), folder, "after"),
    )
    print(f"pages: {len(old)} before, {len(new)} after; images in {folder}")
    for number, (first, second) in enumerate(zip(old, new, strict=False), start=1):
        print(f"  page {number:>2}: {100 * differing_share(first, second):6.2f} % of pixels differ")


if __name__ == "__main__":
    main()
