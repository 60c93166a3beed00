"""With REDIS_URL, every app process sees the same cache: rate limits hold across processes."""

import os
import subprocess
import sys

import pytest

from tests.servers import ROOT

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs a Redis server: REDIS_URL"
)


def in_another_process(code: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_the_cache_is_shared_between_processes():
    from django.conf import settings
    from django.core.cache import cache

    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
    cache.set("shared-check", "written by the test process", 60)
    read = in_another_process(
        "from django.core.cache import cache; print(cache.get('shared-check'))"
    )
    assert read == "written by the test process"


def test_wrong_codes_counted_in_one_process_are_seen_by_another():
    from django.core.cache import cache
    from django.test import RequestFactory

    from assessment.throttling import join_blocked

    cache.clear()
    in_another_process(
        "from django.test import RequestFactory; from assessment import throttling;"
        "request = RequestFactory().post('/w/', REMOTE_ADDR='10.0.0.9');"
        "[throttling.wrong_join_code(request, device='') for _ in range(100)]"
    )
    request = RequestFactory().post("/w/", REMOTE_ADDR="10.0.0.9")
    assert join_blocked(request, device="")
