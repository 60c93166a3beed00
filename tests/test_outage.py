"""PostgreSQL stops while the app runs: requests get a clear 503, and the app recovers alone.

Run by `make test` after the PostgreSQL suite (OUTAGE_TEST=1), since it stops the cluster.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import ROOT, free_port, start_gunicorn

PG_VERSION = os.environ.get("PG_VERSION", "15")
pytestmark = pytest.mark.skipif(
    os.environ.get("OUTAGE_TEST") != "1" or "postgres" not in os.environ.get("DATABASE_URL", ""),
    reason="stops PostgreSQL: run with OUTAGE_TEST=1 and a PostgreSQL DATABASE_URL",
)


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def cluster(action):
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, "main", action, "-m", "fast"]
        if action == "stop"
        else ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, "main", action],
        check=True,
    )


def test_a_database_outage_gives_503_then_the_app_recovers():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, "--workers", "1")
    try:
        assert status_of(f"{base}/healthz")[0] == 200
        cluster("stop")
        try:
            code, page = status_of(f"{base}/a/some-private-link/")
            assert code == 503
            assert "Réessayez dans un instant" in page
            assert status_of(f"{base}/healthz")[0] == 503
        finally:
            cluster("start")
        for _ in range(60):
            if status_of(f"{base}/healthz")[0] == 200:
                break
            time.sleep(0.5)
        assert status_of(f"{base}/healthz")[0] == 200
        assert status_of(f"{base}/a/some-private-link/")[0] == 404  # served normally again
    finally:
        server.terminate()
        server.wait()
