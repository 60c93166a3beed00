"""A live workshop under load, measured so that no failure can hide: a consultancy can run it
against its own deployment.

    # against a running deployment (it must accept sign-ups; answers and lag are then read, read
    # only, from its database when --database-url is given):
    .venv/bin/python -m tests.bench.bench_workshop --url https://diag.example.fr \\
        [--database-url postgres://...] [--server-log /var/log/gunicorn.log]
    # or on a server of its own, on a PostgreSQL database of its own, made and dropped here:
    .venv/bin/python -m tests.bench.bench_workshop --serve [--workers 3 --threads 8]

The scenario: a consultant signs up, creates a client and a workshop (not revealed: answers
lock at the reveal, so the room answers before it). Then each phone, on a schedule fixed in
advance (an open model: its next step is due at a set time, whether or not the server has
answered the last one), opens the join page,
joins, loads step 1, then every `--think` seconds (+-50 %) sends a step and loads the next page,
until the last step and its waiting page. Meanwhile the facilitator view polls every
`--poll` seconds, the app's own interval, with the ETag it was given.

Every request is timed, failed or not, from the moment it was due: a phone that could not send
on time because its previous request was still waiting counts that wait against the server.
Timeouts, exceptions and unexpected statuses are errors, and any error fails the run (exit 1),
as do lost answers and worker timeouts in the server's log. Results come as a table per
5-second window (see load_report.py), with the cores the app server, this load generator and
the whole machine used in each.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import urllib3

from assessment.domain.questionnaire import load_questionnaire
from tests.bench import load_report
from tests.bench.load_server import OwnServer
from tests.profiles import PROFILES

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COUNT = re.compile(r'<span class="count">(\d+)</span>')
JOIN_CODE = re.compile(r"/w/([A-Z0-9]{4,12})/")
ROLES = ("management", "marketing", "sales", "other")
# A person reads the join page before tapping "Start".
JOIN_READING_SECONDS = 2.0


class Browser:
    """One phone or one laptop: its own connections and cookies, every request recorded."""

    def __init__(self, base: str, recorder: load_report.Recorder, timeout: float):
        self.base = base
        self.recorder = recorder
        self.cookies: dict[str, str] = {}
        self.http = urllib3.PoolManager(
            maxsize=1, retries=False, timeout=urllib3.Timeout(total=timeout)
        )

    def request(self, kind, method, path, due, fields=None, headers=None, expect=(200,)):
        """Send now; the latency counts from `due`. Returns the response, or None on failure."""
        headers = {
            **(headers or {}),
            "Accept-Encoding": "gzip",
            # A new connection each time: between two steps (seconds apart) the server has closed
            # an idle one anyway, and a request sent on a connection it is closing would fail on
            # the client's side, not the server's.
            "Connection": "close",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if method == "POST":
            headers["Referer"] = self.base + path
        sent = time.time()
        try:
            response = self.http.request(
                method,
                self.base + path,
                body=urllib.parse.urlencode(fields or {}, doseq=True) if fields else None,
                headers={
                    **headers,
                    **({"Content-Type": "application/x-www-form-urlencoded"} if fields else {}),
                },
                redirect=False,
            )
        except Exception as error:  # noqa: BLE001 - every failure is recorded, none is raised
            self.recorder.record(kind, due, sent, time.time(), None, type(error).__name__)
            return None
        done = time.time()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        failure = None if response.status in expect else f"HTTP {response.status}"
        self.recorder.record(kind, due, sent, done, response.status, failure)
        return None if failure else response

    def csrf(self, page) -> str:
        found = CSRF.search(page.data.decode())
        return found.group(1) if found else ""


def step_post_data(questionnaire, number: int, answers: dict) -> dict:
    """What a phone posts for one step (as tests.factories does, without Django)."""
    section = questionnaire.sections[number - 1]
    return {q.id: answers[q.id] for q in section.questions if q.id in answers}


def location(response) -> str:
    return urllib.parse.urlsplit(response.headers["Location"]).path


def sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))


def phone(base, code, started, arguments, recorder, questionnaire, sent_answers, rng):
    browser = Browser(base, recorder, arguments.timeout)
    answers = {**PROFILES[rng.choice(sorted(PROFILES))](), "company_name": ""}
    due = started + rng.uniform(0, arguments.ramp)
    sleep_until(due)
    page = browser.request("join page", "GET", f"/w/{code}/", due)
    if page is None:
        return
    due += JOIN_READING_SECONDS
    sleep_until(due)
    joined = browser.request(
        "join",
        "POST",
        f"/w/{code}/",
        due,
        {"csrfmiddlewaretoken": browser.csrf(page), "role": rng.choice(ROLES)},
        expect=(302,),
    )
    if joined is None:
        return
    step_path = location(joined)
    token = step_path.split("/")[2]
    sent = sent_answers.setdefault(token, {})
    # The browser follows a redirect as soon as it arrives: that request is due then.
    page = browser.request("step page", "GET", step_path, time.time())
    for number in range(1, len(questionnaire.sections) + 1):
        if page is None:
            return
        due += arguments.think * rng.uniform(0.5, 1.5)
        sleep_until(due)
        data = step_post_data(questionnaire, number, answers)
        last = number == len(questionnaire.sections)
        saved = browser.request(
            "last step" if last else "save",
            "POST",
            step_path,
            due,
            {**data, "csrfmiddlewaretoken": browser.csrf(page), "next": "1"},
            expect=(302,),
        )
        if saved is None:
            return
        sent.update(data)
        step_path = location(saved)
        page = browser.request("done page" if last else "step page", "GET", step_path, time.time())


def facilitator(browser, workshop_path, arguments, recorder, stop):
    """Polls the live view at the app's interval, each poll due on the clock."""
    etag, count = None, None
    due = arguments.started
    while not stop.is_set():
        response = browser.request(
            "poll",
            "GET",
            f"{workshop_path}live/",
            due,
            headers={"If-None-Match": etag} if etag else {},
            expect=(200, 304),
        )
        if response is not None and response.status == 200:
            etag = response.headers.get("ETag")
            counts = COUNT.findall(response.data.decode())
            # The second count on the view: participants finished.
            count = int(counts[1]) if len(counts) >= 2 else None
        if response is not None and count is not None:
            recorder.shown(time.time(), count)
        due += arguments.poll
        sleep_until(due)


def set_up_workshop(base, recorder, timeout) -> tuple[Browser, str, str]:
    """A consultancy of its own, a client, a workshop: through the pages, as a
    consultant would, so that nothing is written to the deployment's database behind its back."""
    browser = Browser(base, recorder, timeout)
    email = f"load-{int(time.time())}-{random.randrange(10**6)}@example.com"
    now = time.time()
    page = browser.request("set-up", "GET", "/accounts/signup/", now)
    fields = {
        "csrfmiddlewaretoken": browser.csrf(page),
        "consultancy_name": "Load test",
        "email": email,
        "password": f"load-{random.randrange(10**12)}-password",
    }
    browser.request("set-up", "POST", "/accounts/signup/", now, fields, expect=(302,))
    page = browser.request("set-up", "GET", "/consultant/", now)
    created = browser.request(
        "set-up",
        "POST",
        "/consultant/clients/new/",
        now,
        {"csrfmiddlewaretoken": browser.csrf(page), "name": "Load test"},
        expect=(302,),
    )
    client_path = location(created)
    page = browser.request("set-up", "GET", client_path, now)
    created = browser.request(
        "set-up",
        "POST",
        f"{client_path}workshops/new/",
        now,
        {"csrfmiddlewaretoken": browser.csrf(page), "roles": list(ROLES)},
        expect=(302,),
    )
    workshop_path = location(created)
    page = browser.request("set-up", "GET", workshop_path, now)
    code = JOIN_CODE.search(page.data.decode()).group(1)
    return browser, workshop_path, code


def arguments_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="the deployment's address")
    where.add_argument("--serve", action="store_true", help="start a server of its own")
    parser.add_argument("--database-url", help="read only: answers stored, finished counts")
    parser.add_argument("--server-log", help="the server's log, searched for worker timeouts")
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--think", type=float, default=5.0, help="seconds per step, +-50 %%")
    parser.add_argument("--ramp", type=float, default=5.0, help="everyone joins within this")
    parser.add_argument("--poll", type=float, default=2.0, help="the live view's interval")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--requests-csv", help="every request written here, one row each")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--stack",
        action="store_true",
        help="--serve: the whole stack of `make serve` (nginx, gunicorn, report worker)",
    )
    parser.add_argument("--app-dir", default=str(Path(__file__).resolve().parents[2]))
    parser.add_argument(
        "--postgres",
        default="postgres://maturity:maturity@127.0.0.1:5432/postgres",
        help="--serve: the cluster to create its own database in",
    )
    return parser


def main(argv=None) -> int:
    arguments = arguments_parser().parse_args(argv)
    questionnaire = load_questionnaire()
    recorder = load_report.Recorder()
    rng = random.Random(arguments.seed)
    server = None
    work = Path(tempfile.mkdtemp(prefix="load-workshop-"))
    try:
        if arguments.serve:
            server = OwnServer(arguments, work)
            base, database_url, log = server.start()
        else:
            base, database_url, log = arguments.url.rstrip("/"), arguments.database_url, None
            log = arguments.server_log
        consultant, workshop_path, code = set_up_workshop(base, recorder, arguments.timeout)
        recorder.reset()
        cpu_before = server.cpu_seconds() if server else None
        watcher = load_report.DatabaseWatcher(database_url, code) if database_url else None
        cpu = load_report.CpuSampler(server.cpu_seconds if server else None)
        cpu.start()
        stop = threading.Event()
        poller = threading.Thread(
            target=facilitator, args=(consultant, workshop_path, arguments, recorder, stop)
        )
        sent_answers: dict[str, dict] = {}
        started = arguments.started = time.time() + 1
        phones = [
            threading.Thread(
                target=phone,
                args=(
                    base,
                    code,
                    started,
                    arguments,
                    recorder,
                    questionnaire,
                    sent_answers,
                    random.Random(rng.random()),
                ),
                daemon=True,
            )
            for _ in range(arguments.phones)
        ]
        if watcher:
            watcher.start()
        poller.start()
        for thread in phones:
            thread.start()
        for thread in phones:
            thread.join()
        # Long enough for the view to show the last answers: two polls.
        time.sleep(2 * arguments.poll + 0.5)
        stop.set()
        poller.join()
        if watcher:
            watcher.stop()
        cpu.stop()
        server_cpu = (server.cpu_seconds() - cpu_before) if server else None
        summary = load_report.Summary(
            arguments=arguments,
            started=started,
            recorder=recorder,
            watcher=watcher,
            sent_answers=sent_answers,
            stored_answers=watcher.stored_answers() if watcher else None,
            server_cpu_seconds=server_cpu,
            server_log=log,
            cpu=cpu,
        )
        print(summary.render())
        if arguments.requests_csv:
            load_report.write_requests(recorder, started, arguments.requests_csv)
        return 0 if summary.passed else 1
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
