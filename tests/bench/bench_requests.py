"""The app's own CPU per request of a workshop, without network, server or load generator: what
is left once the requests are cheap, and where it goes.

    .venv/bin/python -m tests.bench.bench_requests [--phones 60] [--profile save]
    BENCH_POSTGRES=postgres://maturity:maturity@127.0.0.1:5432/postgres \\
        .venv/bin/python -m tests.bench.bench_requests

On a database of its own (see own_database.py). Phones join a workshop (not revealed: answers
lock at the reveal) and answer every step through Django's test client while the facilitator
view is polled after each round; each request's CPU time (time.process_time, so other work on
the machine does not count) is kept by kind. Prints the median and mean per kind and the mean
over the whole scenario; with --profile KIND, the functions where that kind's time goes
(cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.own_database import use_own_database  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"
use_own_database(os.environ.get("BENCH_DATABASE_NAME", "requests"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from assessment.domain.questionnaire import load_questionnaire  # noqa: E402
from assessment.workshops import services  # noqa: E402
from assessment.workshops.models import Consultancy  # noqa: E402
from tests.factories import step_post_data  # noqa: E402
from tests.profiles import PROFILES  # noqa: E402


class Timer:
    def __init__(self, profile_kind: str | None):
        self.cpu: dict[str, list[float]] = {}
        self.profile_kind = profile_kind
        self.profiler = cProfile.Profile()

    def __call__(self, kind, send, *args, **kwargs):
        profiling = kind == self.profile_kind
        if profiling:
            self.profiler.enable()
        started = time.process_time()
        response = send(*args, **kwargs)
        self.cpu.setdefault(kind, []).append((time.process_time() - started) * 1000)
        if profiling:
            self.profiler.disable()
        if response.status_code >= 400:
            raise RuntimeError(f"{kind}: HTTP {response.status_code}")
        return response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--profile", help="join, step page, save, last step, poll")
    arguments = parser.parse_args()

    call_command("migrate", verbosity=0)
    # Its own database: what an earlier run left goes.
    Consultancy.objects.filter(name="Bench").delete()
    user = services.consultancy_signup(
        email=f"bench-{time.time_ns()}@example.com", password="x", consultancy_name="Bench"
    )
    client_company = services.client_create(consultancy=user.membership.consultancy, name="B")
    workshop = services.workshop_create(client=client_company, created_by=user)
    questionnaire = load_questionnaire()
    timer = Timer(arguments.profile)
    facilitator = Client(HTTP_ACCEPT_ENCODING="gzip")
    facilitator.force_login(user)
    live = f"/consultant/workshops/{workshop.pk}/live/"
    etag = timer("poll", facilitator.get, live)["ETag"]

    phones = []
    for number in range(arguments.phones):
        phone = Client(HTTP_ACCEPT_ENCODING="gzip")
        timer("join page", phone.get, f"/w/{workshop.code}/")
        response = timer("join", phone.post, f"/w/{workshop.code}/", {"role": "sales"})
        names = sorted(PROFILES)
        phones.append((phone, response["Location"], PROFILES[names[number % len(names)]]()))
    for step in range(1, len(questionnaire.sections) + 1):
        last = step == len(questionnaire.sections)
        for index, (phone, url, answers) in enumerate(phones):
            timer("step page", phone.get, url)
            data = {**step_post_data(questionnaire, step, answers), "next": "1"}
            response = timer("last step" if last else "save", phone.post, url, data)
            phones[index] = (phone, response["Location"], answers)
        response = timer("poll", facilitator.get, live, HTTP_IF_NONE_MATCH=etag)
        etag = response.get("ETag", etag)
        timer("poll unchanged", facilitator.get, live, HTTP_IF_NONE_MATCH=etag)

    everything = [value for values in timer.cpu.values() for value in values]
    print(f"{arguments.phones} phones, {len(everything)} requests, CPU per request (ms):")
    for kind, values in timer.cpu.items():
        print(
            f"  {kind:<15} n {len(values):>5}  median {statistics.median(values):6.1f}"
            f"  mean {statistics.mean(values):6.1f}"
        )
    print(f"  {'all':<15} n {len(everything):>5}  mean {statistics.mean(everything):6.1f}")
    if arguments.profile:
        stats = pstats.Stats(timer.profiler)
        # Wall time: waiting on the database shows as psycopg's wait, the rest is CPU.
        stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
