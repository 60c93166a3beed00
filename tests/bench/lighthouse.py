"""Lighthouse (from npm) in Debian's headless Chromium, against the pages as the app serves them.

    .venv/bin/python -m tests.bench.lighthouse     (or: make lighthouse)

Builds nothing it does not own: a fresh SQLite database in a temporary folder (a completed
assessment for the results page, a new one for a step), the static files collected as in
production (hashed, compressed), the app under gunicorn on 127.0.0.1. Then Lighthouse runs on the
home, step 1, results and sources pages, with its phone emulation (a Moto G Power, throttled) and
its desktop preset, and prints the four category scores and the cumulative layout shift of each.
Goal (issue 20): accessibility and best practices 100, SEO 100 on the public pages (the private
ones say noindex, which Lighthouse counts against them), layout shift under 0.05 everywhere.
Chromium is /usr/bin/chromium (CHROME_PATH); nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="lighthouse-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'lighthouse.sqlite3'}"
os.environ.setdefault("SECRET_KEY", "lighthouse-only-secret-key-not-used-anywhere-else")
os.environ["DJANGO_SETTINGS_MODULE"] = "assessment.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from tests.factories import make_assessment  # noqa: E402
from tests.servers import free_port, start_gunicorn  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = {"phone": [], "desktop": ["--preset=desktop"]}
# Throttling applied to the real page load (not simulated afterwards): the fonts and the stylesheet
# really arrive late, as on a slow phone network, which is when a layout shift shows.
THROTTLING = ["--throttling-method=devtools"]


def lighthouse(url: str, extra: list[str]) -> dict:
    result = subprocess.run(  # noqa: S603 - a fixed command line of our own
        [
            str(LIGHTHOUSE),
            url,
            *extra,
            *THROTTLING,
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--disable-full-page-screenshot",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)


def summary(report: dict) -> dict:
    scores = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    failed = [
        audit_id
        for name in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and report["audits"][audit_id]["score"] is not None
        and report["audits"][audit_id]["score"] < 1
    ]
    return {**scores, "cls": shift, "failed": failed}


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    done = make_assessment(profile="combative", complete=True)
    fresh = make_assessment()
    pages = {
        "home": "/",
        "step 1": f"/a/{fresh.token}/step/1/",
        "results": f"/a/{done.token}/results/",
        "sources": "/sources/",
    }
    port = free_port()
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING"}
    server = start_gunicorn(env, port, "--workers", "2")
    try:
        columns = f"{'page':<10}{'size':<9}{'perf':>5}{'a11y':>6}{'best':>6}{'seo':>5}{'CLS':>8}"
        print(columns + "  audits below 100 (accessibility, best practices, SEO)")
        for name, path in pages.items():
            for size, extra in FORM_FACTORS.items():
                result = summary(lighthouse(f"http://127.0.0.1:{port}{path}", extra))
                print(
                    f"{name:<10}{size:<9}{result['performance']:>5}{result['accessibility']:>6}"
                    f"{result['best-practices']:>6}{result['seo']:>5}{result['cls']:>8.3f}  "
                    + ", ".join(result["failed"]),
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
