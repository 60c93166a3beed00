"""How fast is the peer comparison on 100,000 completed assessments?

    .venv/bin/python -m tests.bench.bench_peers                     # SQLite (a file in /tmp)
    BENCH_POSTGRES=postgres://.../postgres .venv/bin/python -m tests.bench.bench_peers

Always on a database of its own (see own_database.py), never DATABASE_URL's.

Seeds the synthetic population once (kept between runs), then times, in turns, so that a noisy
machine slows both alike:
- the peer comparison of one company, cold (the histogram cache emptied before each run) and
  warm (the cache kept, as for every visit after the first while the data does not change);
- the baseline: a plain SQL COUNT(*) ... GROUP BY size band and sector over the same rows (the
  100,000 rows of the peer table).
It prints the median of each and the ratios against the baseline.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.own_database import use_own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
# Its own database, never DATABASE_URL's: it deletes every assessment it finds there.
use_own_database("peers")
os.environ["PEER_BENCHMARKS_INCLUDE_SYNTHETIC"] = "1"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from assessment import selectors  # noqa: E402
from assessment.models import Assessment, PeerScore  # noqa: E402
from assessment.synthetic import load_synthetic_population  # noqa: E402

POPULATION = int(os.environ.get("BENCH_POPULATION", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def seed() -> Assessment:
    call_command("migrate", verbosity=0)
    have = Assessment.objects.filter(is_synthetic=True).count()
    if have != POPULATION:
        Assessment.objects.all().delete()
        started = time.perf_counter()
        load_synthetic_population(count=POPULATION, seed=2018)
        print(f"seeded {POPULATION} assessments in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE assessment_assessment")
    # The company: a 20-49 staff manufacturer, the study's most common profile.
    return (
        PeerScore.objects.filter(headcount="20_49", sector="industry")
        .order_by("pk")
        .first()
        .assessment
    )


def baseline() -> None:
    """The plain aggregate over the same rows: how many counted companies per size and sector."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT headcount, sector, COUNT(*) FROM assessment_peerscore "
            "GROUP BY headcount, sector"
        )
        cursor.fetchall()


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    company = seed()
    cold, warm, plain = [], [], []

    def cold_run():
        cache.clear()
        selectors.assessment_peer_groups(company)

    selectors.assessment_peer_groups(company)  # warm-up: imports, connections, page cache
    baseline()
    for _ in range(RUNS):
        plain.append(timed(baseline))
        cold.append(timed(cold_run))
        warm.append(timed(lambda: selectors.assessment_peer_groups(company)))

    groups = selectors.assessment_peer_groups(company)
    sizes = ", ".join(f"{g.kind} {g.size}" for g in groups)
    median = statistics.median
    print(f"database: {connection.vendor}; {POPULATION} assessments; {RUNS} runs each")
    print(f"peer groups of the company: {sizes}")
    print(f"baseline COUNT/GROUP BY      median {median(plain):7.1f} ms")
    print(f"peer comparison, cold cache  median {median(cold):7.1f} ms")
    print(f"peer comparison, warm cache  median {median(warm):7.1f} ms")
    cold_ratios = [c / p for c, p in zip(cold, plain, strict=True)]
    warm_ratios = [w / p for w, p in zip(warm, plain, strict=True)]
    print(f"ratio cold / baseline        median {median(cold_ratios):7.2f}")
    print(f"ratio warm / baseline        median {median(warm_ratios):7.2f}")


if __name__ == "__main__":
    main()
