"""What the workshop load test records, and the table it prints: one row per 5-second window.

Every request is kept (kind, when it was due, when it was sent, when it ended, its status, its
failure), so percentiles include the slow and the failed, and a window shows what the phones in
it lived through.
"""

from __future__ import annotations

import csv
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

WINDOW_SECONDS = 5
# What "holds" means: the room's figures a consultancy can promise.
SAVE_P95_LIMIT_MS = 300
VIEW_LAG_LIMIT_SECONDS = 3.0
SAVES = ("save", "last step")
# gunicorn's master says this when it kills a worker stuck past its timeout.
WORKER_TROUBLE = re.compile(r"WORKER TIMEOUT|Worker .* was sent|Traceback|\[CRITICAL\]")

SELECT_FINISHED = """
SELECT count(*) FILTER (WHERE a.completed_at IS NOT NULL), count(*)
FROM workshops_participant p
JOIN workshops_workshop w ON w.id = p.workshop_id
JOIN assessment_assessment a ON a.id = p.assessment_id
WHERE w.code = %s
"""
SELECT_ANSWERS = """
SELECT a.token, a.answers
FROM workshops_participant p
JOIN workshops_workshop w ON w.id = p.workshop_id
JOIN assessment_assessment a ON a.id = p.assessment_id
WHERE w.code = %s
"""


@dataclass(frozen=True)
class Request:
    kind: str
    due: float
    sent: float
    done: float
    status: int | None
    failure: str | None

    @property
    def latency_ms(self) -> float:
        return (self.done - self.due) * 1000


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.requests: list[Request] = []
            self.view: list[tuple[float, int]] = []

    def record(self, kind, due, sent, done, status, failure):
        with self.lock:
            self.requests.append(Request(kind, due, sent, done, status, failure))

    def shown(self, moment: float, finished: int):
        with self.lock:
            self.view.append((moment, finished))


class CpuSampler:
    """Where the machine's two cores went, window by window: the app server's processes, this
    load generator's own, and the whole machine's (PostgreSQL and other work included), read
    from /proc every half second so that each 5-second window can tell a saturated machine from
    a slow app."""

    def __init__(self, server_cpu_seconds=None):
        self.server_cpu_seconds = server_cpu_seconds
        self.samples: list[tuple[float, float, float, float]] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def _sample(self):
        while not self.stopping.is_set():
            server = self.server_cpu_seconds() if self.server_cpu_seconds else float("nan")
            self.samples.append((time.time(), server, time.process_time(), _machine_busy()))
            self.stopping.wait(0.5)

    def cores(self, start: float, end: float) -> tuple[float, float, float]:
        """Cores used on average between two moments: server, load generator, whole machine."""
        inside = [s for s in self.samples if start <= s[0] <= end]
        if len(inside) < 2:
            return (float("nan"),) * 3
        first, last = inside[0], inside[-1]
        seconds = last[0] - first[0]
        return tuple((last[i] - first[i]) / seconds for i in (1, 2, 3))


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent on anything but idling, since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / CLOCK_TICKS


class DatabaseWatcher:
    """Reads, read only, how many of the workshop's participants the database has finished,
    five times a second: the facilitator view's lag is measured against it."""

    def __init__(self, database_url: str, code: str):
        self.database_url = database_url
        self.code = code
        self.samples: list[tuple[float, int]] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _connect(self):
        connection = psycopg.connect(self.database_url, autocommit=True)
        connection.execute("SET default_transaction_read_only = on")
        return connection

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def _watch(self):
        with self._connect() as connection:
            while not self.stopping.is_set():
                finished, _joined = connection.execute(SELECT_FINISHED, (self.code,)).fetchone()
                self.samples.append((time.time(), finished))
                self.stopping.wait(0.2)

    def stored_answers(self) -> dict[str, dict]:
        with self._connect() as connection:
            return dict(connection.execute(SELECT_ANSWERS, (self.code,)).fetchall())

    def lags(self, view: list[tuple[float, int]]) -> list[tuple[float, float]]:
        """At each poll, how long the database had already held more finished participants
        than the view showed (0 when the view was up to date)."""
        lags = []
        for moment, shown in view:
            ahead = next((t for t, finished in self.samples if finished > shown), None)
            lags.append((moment, max(0.0, moment - ahead) if ahead and ahead <= moment else 0.0))
        return lags


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _normal(value):
    if isinstance(value, list | tuple):
        return sorted(str(item) for item in value)
    return str(value).strip()


def lost_answers(sent: dict[str, dict], stored: dict[str, dict]) -> int:
    """Answers sent that the database does not hold as sent."""
    lost = 0
    for token, answers in sent.items():
        kept = stored.get(token, {})
        for question, value in answers.items():
            if value in ("", []):
                continue
            if question not in kept or _normal(kept[question]) != _normal(value):
                lost += 1
    return lost


@dataclass
class Summary:
    arguments: object
    started: float
    recorder: Recorder
    watcher: DatabaseWatcher | None
    sent_answers: dict
    stored_answers: dict | None
    server_cpu_seconds: float | None
    server_log: Path | str | None
    cpu: CpuSampler | None = None

    def __post_init__(self):
        self.requests = self.recorder.requests
        self.errors = [r for r in self.requests if r.failure]
        self.lags = self.watcher.lags(self.recorder.view) if self.watcher else []
        self.sent = sum(
            1
            for answers in self.sent_answers.values()
            for v in answers.values()
            if v not in ("", [])
        )
        self.lost = (
            lost_answers(self.sent_answers, self.stored_answers)
            if self.stored_answers is not None
            else None
        )
        self.trouble = self._log_trouble()
        self.windows = self._windows()
        self.finished = (
            sum(1 for answers in (self.stored_answers or {}).values())
            if self.stored_answers is not None
            else None
        )
        self.failures = self._failures()
        self.passed = not self.failures

    def _log_trouble(self) -> list[str]:
        if not self.server_log or not Path(self.server_log).exists():
            return []
        lines = Path(self.server_log).read_text(errors="replace").splitlines()
        return [line for line in lines if WORKER_TROUBLE.search(line)]

    def _windows(self):
        rows = {}
        for request in self.requests:
            index = int((request.due - self.started) // WINDOW_SECONDS)
            rows.setdefault(index, []).append(request)
        lag_rows = {}
        for moment, lag in self.lags:
            index = int((moment - self.started) // WINDOW_SECONDS)
            lag_rows[index] = max(lag_rows.get(index, 0.0), lag)
        return [(index, rows[index], lag_rows.get(index)) for index in sorted(rows)]

    def _failures(self) -> list[str]:
        failures = []
        if self.errors:
            failures.append(f"{len(self.errors)} requests failed")
        if self.lost:
            failures.append(f"{self.lost} answers lost")
        if self.trouble:
            failures.append(f"{len(self.trouble)} worker timeouts or errors in the server's log")
        for index, requests, _lag in self.windows:
            saves = [r.latency_ms for r in requests if r.kind in SAVES]
            if saves and percentile(saves, 0.95) >= SAVE_P95_LIMIT_MS:
                failures.append(f"saves p95 >= {SAVE_P95_LIMIT_MS} ms from {index * 5} s")
                break
        if self.lags and max(lag for _, lag in self.lags) > VIEW_LAG_LIMIT_SECONDS:
            failures.append(f"facilitator view more than {VIEW_LAG_LIMIT_SECONDS:.0f} s behind")
        if self.watcher is None:
            failures.append("no database to compare answers with (--database-url)")
        elif not self.lags:
            failures.append("the facilitator view showed no count: its lag is unmeasured")
        return failures

    def _cores(self, index: int) -> str:
        if self.cpu is None:
            return ""
        start = self.started + index * WINDOW_SECONDS
        server, generator, machine = self.cpu.cores(start, start + WINDOW_SECONDS)
        return f"{server:>10.2f} {generator:>5.2f} {machine:>5.2f}"

    def render(self) -> str:
        a = self.arguments
        duration = max(r.done for r in self.requests) - self.started if self.requests else 0
        lines = [
            f"machine load average at the end (1, 5, 15 min): {_load_average()}",
            f"phones {a.phones}, a step every {a.think:g} s (+-50 %), joins within {a.ramp:g} s,"
            f" live view polled every {a.poll:g} s, timeout {a.timeout:g} s",
            "",
            f"{'window':>8} {'req':>5} {'err':>4} {'saves':>5} {'p50':>5} {'p95':>5} {'max':>6}"
            f" {'pages p95':>9} {'poll200 p95':>11} {'poll304 p95':>11} {'lag max':>7}"
            f" {'cores: app':>10} {'load':>5} {'all':>5}",
        ]
        for index, requests, lag in self.windows:
            saves = [r.latency_ms for r in requests if r.kind in SAVES]
            pages = [r.latency_ms for r in requests if r.kind.endswith("page")]
            full = [r.latency_ms for r in requests if r.kind == "poll" and r.status == 200]
            cached = [r.latency_ms for r in requests if r.kind == "poll" and r.status == 304]
            lines.append(
                f"{index * WINDOW_SECONDS:>6} s {len(requests):>5}"
                f" {sum(1 for r in requests if r.failure):>4} {len(saves):>5}"
                f" {percentile(saves, 0.5):>5.0f} {percentile(saves, 0.95):>5.0f}"
                f" {max(saves, default=float('nan')):>6.0f} {percentile(pages, 0.95):>9.0f}"
                f" {percentile(full, 0.95):>11.0f} {percentile(cached, 0.95):>11.0f}"
                f" {'' if lag is None else f'{lag:.1f} s':>7}"
                f" {self._cores(index)}"
            )
        saves = [r.latency_ms for r in self.requests if r.kind in SAVES]
        late = sum(1 for r in self.requests if r.sent - r.due > 0.5)
        lines += [
            "",
            f"duration {duration:.1f} s; requests {len(self.requests)};"
            f" {len(self.requests) / duration if duration else 0:.1f} requests/s;"
            f" sent more than 0.5 s after due: {late}",
            f"saves {len(saves)}: p50 {percentile(saves, 0.5):.0f} ms,"
            f" p95 {percentile(saves, 0.95):.0f} ms, max {max(saves, default=0):.0f} ms"
            " (from when each was due)",
            f"errors {len(self.errors)}: "
            + ", ".join(sorted({f"{r.kind} {r.failure}" for r in self.errors})[:8] or ["none"]),
            f"answers sent {self.sent}; lost {self.lost if self.lost is not None else '?'};"
            f" participants in the database {self.finished if self.finished is not None else '?'}"
            f"/{a.phones}",
            f"facilitator view behind by at most "
            f"{max((lag for _, lag in self.lags), default=0):.1f} s",
            f"server log: {len(self.trouble)} worker timeouts or errors"
            + (f" ({self.trouble[0][:120]})" if self.trouble else ""),
        ]
        if self.server_cpu_seconds is not None and self.requests:
            lines.append(
                f"server CPU {self.server_cpu_seconds:.1f} s:"
                f" {1000 * self.server_cpu_seconds / len(self.requests):.1f} ms per request"
            )
        lines.append("HOLDS" if self.passed else "DOES NOT HOLD: " + "; ".join(self.failures))
        return "\n".join(lines)


def write_requests(recorder: Recorder, started: float, path: str) -> None:
    """Every request as a row (times in seconds from the start), for a closer look than the
    windows give."""
    with open(path, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["kind", "due", "sent", "done", "latency_ms", "status", "failure"])
        for r in recorder.requests:
            writer.writerow(
                [
                    r.kind,
                    f"{r.due - started:.3f}",
                    f"{r.sent - started:.3f}",
                    f"{r.done - started:.3f}",
                    f"{r.latency_ms:.1f}",
                    r.status or "",
                    r.failure or "",
                ]
            )


def _load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
