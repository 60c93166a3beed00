"""Answers survive the server: a real app process is killed mid-questionnaire and restarted."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "assessment.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Its own process group, so the kill takes the workers down with the master, as a
        # machine crash or an OOM kill of the whole service would.
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


@pytest.fixture
def server_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return env


def test_answers_saved_before_a_kill_are_there_after_a_restart(server_env):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    server = start_server(server_env, port)
    try:
        home = opener.open(base + "/").read().decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', home).group(1)
        step = opener.open(
            base + "/start/", urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode()
        )
        step_url = step.geturl()
        token = re.search(r"/a/([^/]+)/step/1/", step_url).group(1)
        page = step.read().decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        answers = {
            "csrfmiddlewaretoken": csrf,
            "company_name": "Survivor SA",
            "headcount": "20_49",
            "turnover": "10_50m",
            "sector": "industry",
            "market": "b2b",
            "country": "fr",
            "website": "showcase",
            "next": "1",
        }
        saved = opener.open(step_url, urllib.parse.urlencode(answers).encode())
        assert saved.geturl().endswith("/step/2/")
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()

    server = start_server(server_env, port)
    try:
        # A new browser, with nothing but the private link.
        resumed = urllib.request.urlopen(f"{base}/a/{token}/")
        assert resumed.geturl().endswith("/step/2/")
        first_step = urllib.request.urlopen(f"{base}/a/{token}/step/1/").read().decode()
        assert 'value="Survivor SA"' in first_step
        assert re.search(r'value="industry"[^>]*checked|checked[^>]*value="industry"', first_step)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
