"""A server of the load test's own: a PostgreSQL database made for the run and dropped after it,
the app migrated into it, its static files collected, gunicorn started with its log kept; with
`--stack`, the whole stack `make serve` and production run instead (`manage.py serve`: nginx in
front, gunicorn behind it, the report worker).

Nothing here touches a database it did not create.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

from tests.servers import free_port

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class OwnServer:
    def __init__(self, arguments, work: Path):
        self.arguments = arguments
        self.work = work
        self.app_dir = Path(arguments.app_dir)
        self.database = f"maturity_load_{os.getpid()}_{int(time.time())}"
        self.process: subprocess.Popen | None = None
        self.created = False

    def _admin(self):
        return psycopg.connect(self.arguments.postgres, autocommit=True)

    def database_url(self) -> str:
        parts = urllib.parse.urlsplit(self.arguments.postgres)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{self.database}"))

    def start(self) -> tuple[str, str, Path]:
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{self.database}"')
        self.created = True
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url(),
            "SECRET_KEY": os.environ.get("SECRET_KEY", "load-test-only-secret-key"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            # Every phone joins from this one address, as a room behind one Wi-Fi does: a room
            # larger than the default limits is configured as a plenary (README).
            "WORKSHOP_MAX_PARTICIPANTS": str(max(self.arguments.phones, 300)),
            "WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR": str(max(self.arguments.phones, 300)),
        }
        env.pop("DJANGO_DEBUG", None)
        env.pop("DJANGO_SETTINGS_MODULE", None)
        manage = [sys.executable, "manage.py"]
        # Before the measurement, never inside it.
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run(  # noqa: S603 - a fixed command line of our own
                [*manage, *command, "-v0"], cwd=self.app_dir, env=env, check=True
            )
        port = free_port()
        log = self.work / "server.log"
        if self.arguments.stack:
            env.update(
                WEB_WORKERS=str(self.arguments.workers), WEB_THREADS=str(self.arguments.threads)
            )
            command = [*manage, "serve", "--listen", f"127.0.0.1:{port}"]
        else:
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "assessment.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.arguments.workers),
                "--threads",
                str(self.arguments.threads),
                "--worker-class",
                "gthread",
                "--log-level",
                "warning",
                "--error-logfile",
                str(log),
            ]
        with open(log, "ab") as output:
            # The stack writes its processes' logs to its own output: kept in the same file.
            self.process = subprocess.Popen(  # noqa: S603 - a fixed command line of our own
                command,
                cwd=self.app_dir,
                env=env,
                start_new_session=True,
                stdout=output if self.arguments.stack else None,
                stderr=output if self.arguments.stack else None,
            )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        return base, self.database_url(), log

    def cpu_seconds(self) -> float:
        """User and system CPU of the server's processes so far: gunicorn's master and workers
        (and, with `--stack`, nginx and the report worker)."""
        pids = [self.process.pid, *_descendants(self.process.pid)]
        return sum(_cpu(pid) for pid in pids)

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        if self.created:
            with self._admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


def _descendants(parent: int) -> list[int]:
    found = _children(parent)
    for child in list(found):
        found.extend(_descendants(child))
    return found


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime and stime, fields 14 and 15 of stat (11 and 12 after the command name).
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
