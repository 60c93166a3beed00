"""A live workshop under load: 300 phones answering at once while the facilitator view polls.

    .venv/bin/python -m tests.bench.bench_workshop [--participants 300] [--think 2]

Serves the app with `manage.py serve` (nginx, gunicorn, the report worker: the stack `make serve`
and production run) on a PostgreSQL database of its own, created on the cluster `make postgres`
prepares and dropped at the end, on 127.0.0.1 only. Each simulated participant joins by code,
then for each step loads the page and sends its answers, waiting `--think` seconds (randomised
+-50 %) between steps as a person reading would; meanwhile a logged-in facilitator polls the live
view every second with conditional requests. Prints requests per second, median and 95th percentile
latencies of answer saves and of the facilitator view, errors, answers sent against answers
stored, and how far behind the facilitator view ever was.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import signal
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.bench.database import own_database
from tests.profiles import PROFILES
from tests.servers import free_port, start_stack

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SECRET_KEY", "load-test-only-secret-key")
os.environ["DJANGO_SETTINGS_MODULE"] = "assessment.settings"

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "load-test-password-123"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.saves: list[float] = []
        self.polls: list[float] = []
        self.requests = 0
        self.errors: list[str] = []
        self.answers_sent = 0
        self.finished_at: list[float] = []

    def record(self, kind: str | None, seconds: float):
        with self.lock:
            self.requests += 1
            if kind:
                getattr(self, kind).append(seconds * 1000)


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar


def request(session, url, data=None, headers=None):
    """One request; a redirect is an answer too (the step was saved)."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with session.open(req, timeout=30) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), error.headers


def participant(base, code, number, think, recorder, questionnaire):
    from tests.factories import step_post_data

    session, jar = opener()
    answers = {**PROFILES[random.choice(list(PROFILES))](), "company_name": ""}
    started = time.perf_counter()
    status, page, _ = request(session, f"{base}/w/{code}/")
    recorder.record(None, time.perf_counter() - started)
    csrf = CSRF.search(page).group(1)
    role = random.choice(["management", "marketing", "sales", "other"])
    status, _, headers = request(
        session, f"{base}/w/{code}/", {"csrfmiddlewaretoken": csrf, "role": role}
    )
    recorder.record(None, 0)
    if status != 302:
        recorder.errors.append(f"join {status}")
        return
    step_url = urllib.parse.urljoin(base, headers["Location"])
    for step in range(1, len(questionnaire.sections) + 1):
        time.sleep(think * random.uniform(0.5, 1.5))
        started = time.perf_counter()
        status, page, _ = request(session, step_url)
        recorder.record(None, time.perf_counter() - started)
        if status != 200:
            recorder.errors.append(f"step page {status}")
            return
        csrf = CSRF.search(page).group(1)
        data = step_post_data(questionnaire, step, answers)
        started = time.perf_counter()
        status, _, headers = request(
            session, step_url, {**data, "csrfmiddlewaretoken": csrf, "next": "1"}
        )
        recorder.record("saves", time.perf_counter() - started)
        if status != 302:
            recorder.errors.append(f"save {status}")
            return
        with recorder.lock:
            recorder.answers_sent += len([v for v in data.values() if v not in ("", [])])
        step_url = urllib.parse.urljoin(base, headers["Location"])
    with recorder.lock:
        recorder.finished_at.append(time.perf_counter())


def facilitator(base, workshop_pk, recorder, stop, seen):
    session, jar = opener()
    status, page, _ = request(session, f"{base}/accounts/login/")
    csrf = CSRF.search(page).group(1)
    request(
        session,
        f"{base}/accounts/login/",
        {"csrfmiddlewaretoken": csrf, "username": "load@conseil.fr", "password": PASSWORD},
    )
    etag = None
    while not stop.is_set():
        started = time.perf_counter()
        headers = {"If-None-Match": etag} if etag else {}
        status, page, response_headers = request(
            session, f"{base}/consultant/workshops/{workshop_pk}/live/", headers=headers
        )
        elapsed = time.perf_counter() - started
        recorder.record("polls", elapsed)
        if status == 200:
            etag = response_headers.get("ETag")
            counts = re.findall(r'<span class="count">(\d+)</span>', page)
            if len(counts) >= 2:
                seen.append((time.perf_counter(), int(counts[1])))
        elif status != 304:
            recorder.errors.append(f"poll {status}")
        time.sleep(max(0.0, 1.0 - elapsed))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    arguments = parser.parse_args()
    with own_database("maturity_workshop_bench"):
        measure(arguments)


def measure(arguments):
    import django

    django.setup()
    from django.core.management import call_command

    from assessment.domain.questionnaire import load_questionnaire
    from assessment.models import Assessment
    from assessment.workshops import services
    from assessment.workshops.models import Participant

    call_command("migrate", verbosity=0)
    user = services.consultancy_signup(
        email="load@conseil.fr", password=PASSWORD, consultancy_name="Load test"
    )
    client = services.client_create(consultancy=user.membership.consultancy, name="Load test")
    workshop = services.workshop_create(client=client, created_by=user)
    services.workshop_reveal(workshop=workshop)  # the heavier view: the group's results

    call_command("collectstatic", interactive=False, verbosity=0)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "WEB_WORKERS": str(arguments.workers),
        "WEB_THREADS": str(arguments.threads),
    }
    server = start_stack(env, port)
    try:
        questionnaire = load_questionnaire()
        recorder = Recorder()
        stop = threading.Event()
        seen: list[tuple[float, int]] = []
        poller = threading.Thread(
            target=facilitator, args=(base, workshop.pk, recorder, stop, seen)
        )
        poller.start()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=arguments.participants) as pool:
            for number in range(arguments.participants):
                pool.submit(
                    participant,
                    base,
                    workshop.code,
                    number,
                    arguments.think,
                    recorder,
                    questionnaire,
                )
        duration = time.perf_counter() - started
        time.sleep(3)
        stop.set()
        poller.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()

    stored = sum(
        len([k for k, v in a.answers.items() if v not in ("", [])])
        for a in Assessment.objects.filter(participant__workshop=workshop)
    )
    finished = Participant.objects.filter(
        workshop=workshop, assessment__completed_at__isnull=False
    ).count()
    lags = []
    for index, moment in enumerate(sorted(recorder.finished_at), start=1):
        shown = next((t for t, count in seen if t >= moment and count >= index), None)
        lags.append((shown - moment) if shown else float("inf"))

    print(
        f"participants {arguments.participants}, think time {arguments.think} s, "
        f"manage.py serve (nginx, gunicorn {arguments.workers} workers x {arguments.threads} "
        "threads), PostgreSQL"
    )
    print(
        f"duration {duration:.1f} s; requests {recorder.requests}; "
        f"{recorder.requests / duration:.1f} requests/s"
    )
    print(
        f"answer saves: {len(recorder.saves)}; median {statistics.median(recorder.saves):.0f} ms;"
        f" p95 {percentile(recorder.saves, 0.95):.0f} ms"
    )
    print(
        f"facilitator polls: {len(recorder.polls)}; median "
        f"{statistics.median(recorder.polls):.0f} ms; p95 {percentile(recorder.polls, 0.95):.0f} ms"
    )
    print(f"errors: {len(recorder.errors)} {sorted(set(recorder.errors))[:5]}")
    print(
        f"answers sent {recorder.answers_sent}; answers stored {stored}; "
        f"participants finished {finished}/{arguments.participants}"
    )
    print(
        f"facilitator view behind by at most {max(lags) if lags else 0:.1f} s "
        f"(median {statistics.median(lags) if lags else 0:.1f} s)"
    )


if __name__ == "__main__":
    main()
