"""A real app server on the loopback, for the restart test and the workshop load script."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, *extra: str, quiet: bool = True) -> subprocess.Popen:
    """Start gunicorn on 127.0.0.1:port and return once it answers.

    It runs in its own process group, so that killing the group takes the workers down with the
    master, as a machine crash or an OOM kill of the whole service would.
    """
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(  # noqa: S603 - a fixed command line of our own
        [
            sys.executable,
            "-m",
            "gunicorn",
            "assessment.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


def start_stack(env: dict, port: int, *extra: str, quiet: bool = True) -> subprocess.Popen:
    """`manage.py serve` on 127.0.0.1:port (nginx, gunicorn, the report worker), once it answers.

    Stop it with SIGTERM to its process group: it stops the three together.
    """
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(  # noqa: S603 - a fixed command line of our own
        [sys.executable, "manage.py", "serve", "--listen", f"127.0.0.1:{port}", *extra],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError("the stack stopped at start")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the stack did not start")
