"""Answers survive the server: a real app process is killed mid-questionnaire and restarted."""

import os
import re
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.servers import ROOT, free_port, start_gunicorn


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
    server = start_gunicorn(server_env, port, "--workers", "1")
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
            "self_activity": "not_very_active",
            "tempo": "late",
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

    server = start_gunicorn(server_env, port, "--workers", "1")
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


def test_a_workshop_participant_goes_on_after_a_kill_and_restart(server_env):
    setup = (
        "from assessment.workshops import services as s;"
        "u = s.consultancy_signup(email='k@x.fr', password='a-long-pass-1', consultancy_name='K');"
        "c = s.client_create(consultancy=u.membership.consultancy, name='Kill SA');"
        "print(s.workshop_create(client=c, created_by=u).code)"
    )
    code = (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", setup],
            cwd=ROOT,
            env=server_env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    phone = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def csrf(page):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    server = start_gunicorn(server_env, port, "--workers", "2")
    try:
        join_page = phone.open(f"{base}/w/{code}/").read().decode()
        step = phone.open(
            f"{base}/w/{code}/",
            urllib.parse.urlencode(
                {"csrfmiddlewaretoken": csrf(join_page), "role": "sales"}
            ).encode(),
        )
        step_url, page = step.geturl(), step.read().decode()
        answers = {
            "csrfmiddlewaretoken": csrf(page),
            "self_activity": "not_very_active",
            "tempo": "late",
            "headcount": "20_49",
            "turnover": "10_50m",
            "sector": "industry",
            "market": "b2b",
            "country": "fr",
            "website": "showcase",
            "next": "1",
        }
        assert (
            phone.open(step_url, urllib.parse.urlencode(answers).encode())
            .geturl()
            .endswith("/step/2/")
        )
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()

    server = start_gunicorn(server_env, port, "--workers", "2")
    try:
        # The same phone scans the code again: it is back where it was, its answers kept.
        back = phone.open(f"{base}/w/{code}/")
        assert back.geturl().endswith("/step/2/")
        first = phone.open(step_url).read().decode()
        assert re.search(r'value="industry"[^>]*checked|checked[^>]*value="industry"', first)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
