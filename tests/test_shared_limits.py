"""Without Redis, the limits hold across app processes: they count in the database's cache
table, and two processes counting at the same moment lose no count."""

import os
import subprocess
import sys
import time
import urllib.parse

import psycopg
import pytest

from tests.servers import ROOT

COUNTS_PER_PROCESS = 200


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def app_env(request, tmp_path_factory):
    """The app's own settings, as deployed without Redis, on a database of its own: an SQLite
    file, and in the PostgreSQL run a database made in the same cluster (the two count apart)."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="assessment.settings",
        SECRET_KEY="shared-limits-test-secret-key-0123456789",
    )
    suite_database = os.environ.get("DATABASE_URL", "")
    own_database = None
    if request.param == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'db.sqlite3'}"
    elif suite_database.startswith("postgres"):
        own_database = f"maturity_limits_{os.getpid()}"
        with psycopg.connect(suite_database, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{own_database}"')
            admin.execute(f'CREATE DATABASE "{own_database}"')
        parts = urllib.parse.urlsplit(suite_database)
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{own_database}"))
    else:
        pytest.skip("the PostgreSQL run of the suite counts on PostgreSQL")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    yield env
    if own_database:
        with psycopg.connect(suite_database, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{own_database}" WITH (FORCE)')


PRELUDE = (
    "import django; django.setup();"
    "from django.test import RequestFactory;"
    "from assessment import throttling;"
    "request = RequestFactory().post('/w/', REMOTE_ADDR='198.51.100.9');"
)


def start(env, code: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", PRELUDE + code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(env, code: str) -> str:
    out, err = start(env, code).communicate(timeout=120)
    assert not err.strip() or "Traceback" not in err, err
    return out.strip()


def test_the_app_counts_in_the_database_without_redis(app_env):
    backend = run(app_env, "from django.conf import settings; print(settings.CACHES)")
    assert "assessment.cache.DatabaseCache" in backend


def test_wrong_codes_counted_in_one_process_block_the_join_pages_of_another(app_env):
    run(app_env, "[throttling.wrong_join_code(request, device='') for _ in range(100)]")
    assert run(app_env, "print(throttling.join_blocked(request, device=''))") == "True"
    other = "request = RequestFactory().post('/w/', REMOTE_ADDR='198.51.100.10');"
    assert run(app_env, other + "print(throttling.join_blocked(request, device=''))") == "False"


def test_two_processes_counting_at_once_lose_no_count(app_env):
    limit = "limit = throttling.Limit('shared-count', '100000/1d');"
    # Both start counting at the same moment, once both have started.
    together = f"import time; time.sleep(max(0, {time.time() + 6} - time.time()));"
    count = f"[throttling.refused(request, limit) for _ in range({COUNTS_PER_PROCESS})]"
    processes = [start(app_env, limit + together + count) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    read = (
        limit + "from django_ratelimit.core import get_usage;"
        "print(get_usage(request, group=limit.name, rate=limit.rate, increment=False,"
        " key=lambda group, request: throttling.client_address(request))['count'])"
    )
    assert run(app_env, read) == str(2 * COUNTS_PER_PROCESS)
