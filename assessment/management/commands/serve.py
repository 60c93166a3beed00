"""Serve the app as production does: nginx in front, gunicorn behind it, and the report worker.

nginx (deploy/nginx.conf) reads whole requests and holds idle and slow connections, gunicorn
(deploy/gunicorn.conf.py) runs the app on a socket only nginx can reach, and the report worker
(django-tasks' `db_worker`, at a lower CPU priority) renders PDF reports one at a time, so that
neither a slow client nor a burst of reports holds a thread that answers a questionnaire.
Everything stops together: on Ctrl-C or SIGTERM, or when one of the three stops.
"""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEPLOY = Path(settings.BASE_DIR) / "deploy"
# The report worker yields the processor to the app: a render waits, an answer does not.
REPORT_WORKER_NICENESS = 10


def nginx_config(*, run_dir: Path, listen: str, trusted_proxies: list[str]) -> str:
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    real_ip = "\n    ".join(f"set_real_ip_from {proxy};" for proxy in trusted_proxies)
    trusted_geo = "\n        ".join(f"{proxy} 1;" for proxy in trusted_proxies)
    text = (DEPLOY / "nginx.conf").read_text()
    for name, value in {
        "@RUN_DIR@": str(run_dir),
        "@LISTEN@": listen,
        "@USER@": user,
        "@REAL_IP@": real_ip,
        "@TRUSTED_GEO@": trusted_geo,
    }.items():
        text = text.replace(name, value)
    return text


class Command(BaseCommand):
    help = "Serve the app behind nginx, with the report worker (see deploy/)."

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="127.0.0.1:8000", help="nginx's listen address")
        parser.add_argument(
            "--report-workers",
            type=int,
            default=int(os.environ.get("REPORT_WORKERS", "1")),
            help="reports rendered at once (default: REPORT_WORKERS, or 1)",
        )
        parser.add_argument(
            "--trusted-proxy",
            action="append",
            default=[p for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()],
            help="address or CIDR of a load balancer whose X-Forwarded-For is believed",
        )

    def handle(self, *, listen, report_workers, trusted_proxy, **options):
        nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
        if nginx is None:
            raise CommandError("nginx is not installed: `make system-packages` installs it.")
        run_dir = Path(tempfile.mkdtemp(prefix="maturity-serve-"))
        # nginx's workers run as nobody and must reach the app's socket.
        run_dir.chmod(0o755)
        config = run_dir / "nginx.conf"
        config.write_text(
            nginx_config(run_dir=run_dir, listen=listen, trusted_proxies=trusted_proxy)
        )
        env = {**os.environ, "CLIENT_IP_HEADER": "X-Forwarded-For"}
        manage = str(Path(settings.BASE_DIR) / "manage.py")
        commands = {
            "gunicorn": [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(DEPLOY / "gunicorn.conf.py"),
                "--bind",
                f"unix:{run_dir / 'app.sock'}",
            ],
            "nginx": [nginx, "-e", "stderr", "-p", str(run_dir), "-c", str(config)]
            + ["-g", "daemon off;"],
        }
        for number in range(1, report_workers + 1):
            commands[f"report worker {number}"] = [
                "nice",
                "-n",
                str(REPORT_WORKER_NICENESS),
                sys.executable,
                manage,
                "db_worker",
                "--queue-name",
                "reports",
                "--no-reload",
                "--interval",
                "0.5",
                "--worker-id",
                f"{getpass.getuser()}-{os.getpid()}-{number}",
            ]
        processes: dict[str, subprocess.Popen] = {}
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            for name, command in commands.items():
                # A process group of its own, so that Ctrl-C reaches this command alone and it
                # stops the three in order; the same session, because the kernel shares the
                # processor between sessions first (autogroups) and the report worker's lower
                # priority counts only against processes of its own session.
                processes[name] = subprocess.Popen(  # noqa: S603 - our own fixed commands
                    command, cwd=settings.BASE_DIR, env=env, process_group=0
                )
            self.stdout.write(f"Serving on http://{listen}/ (nginx, gunicorn, report worker)")
            self.stdout.flush()
            while not stopping:
                ended = [name for name, process in processes.items() if process.poll() is not None]
                if ended:
                    self.stderr.write(f"{', '.join(ended)} stopped: stopping the rest.")
                    break
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=25)
                except subprocess.TimeoutExpired:
                    process.kill()
            shutil.rmtree(run_dir, ignore_errors=True)
        if not stopping:
            raise CommandError("a process of the stack stopped")
