"""The served stack, as `make serve` and production run it (`manage.py serve`): nginx in front of
gunicorn, and the report worker. The app gets one worker process with two threads here, so that
two clients holding a thread each would be enough to leave every other visitor unanswered."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.servers import ROOT, free_port, start_stack

# How long a test waits for an answer before calling the server stuck: far above any answer
# time, only there so that a stuck server fails the test instead of hanging the run.
STUCK = 20


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    database = tmp_path_factory.mktemp("served") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(ROOT),
        "WEB_WORKERS": "1",
        "WEB_THREADS": "2",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    server = start_stack(env, port)
    yield {"base": f"http://127.0.0.1:{port}", "port": port, "env": env}
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


def _open(port: int, first_bytes: bytes) -> socket.socket:
    held = socket.create_connection(("127.0.0.1", port))
    if first_bytes:
        held.sendall(first_bytes)
    return held


def test_slow_and_idle_clients_hold_no_app_thread(stack):
    port = stack["port"]
    # Ten clients that send half a request and stop, as a slow-header attack does, and ten
    # browser-style connections opened ahead and left idle: five times the app's threads.
    held = [_open(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") for _ in range(10)]
    held += [_open(port, b"") for _ in range(10)]
    try:
        time.sleep(0.5)  # every one of them is in
        for _ in range(5):
            with urllib.request.urlopen(stack["base"] + "/healthz", timeout=STUCK) as answer:
                assert answer.status == 200
        with urllib.request.urlopen(stack["base"] + "/", timeout=STUCK) as answer:
            assert answer.status == 200
    finally:
        for connection in held:
            connection.close()


def test_a_body_over_the_largest_upload_is_refused_before_the_app(stack):
    request = urllib.request.Request(
        stack["base"] + "/start/", data=b"x" * (4 * 1024 * 1024), method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=STUCK)
    assert refused.value.code == 413


def _completed_assessment(env) -> str:
    script = (
        "from tests.factories import make_assessment;"
        "print(make_assessment(profile='combative', complete=True).token)"
    )
    made = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def test_a_report_is_prepared_by_the_worker_then_delivered(stack):
    token = _completed_assessment(stack["env"])
    base = stack["base"]
    # The results page's link: the report is being prepared.
    with urllib.request.urlopen(f"{base}/en/a/{token}/report.pdf", timeout=STUCK) as first:
        assert first.status == 202
        assert first.url.endswith(f"/en/a/{token}/report/")
        page = first.read().decode()
    assert "Your report is being prepared" in page
    refresh = re.search(r'http-equiv="refresh" content="\d+;url=([^"]+)"', page).group(1)
    # The page looks again by itself until the worker is done (a render takes seconds).
    for _ in range(120):
        with urllib.request.urlopen(base + refresh, timeout=STUCK) as again:
            if again.status == 200:
                assert "Your report is ready" in again.read().decode()
                break
        time.sleep(1)
    else:
        pytest.fail("the report was never prepared")
    with urllib.request.urlopen(f"{base}/en/a/{token}/report.pdf", timeout=STUCK) as pdf:
        assert pdf.headers["Content-Type"] == "application/pdf"
        assert pdf.read(4) == b"%PDF"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _scheme_seen(port: int, forwarded_proto: str | None) -> str:
    """What the app believed the visitor's scheme was: with HTTPS required, a plain request is
    sent to https (301), one it believes came over HTTPS is answered (200)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/sources/")  # noqa: S310
    if forwarded_proto:
        request.add_header("X-Forwarded-Proto", forwarded_proto)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=STUCK) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return {200: "https", 301: "http"}[status]


@pytest.mark.parametrize(
    ("trusted", "told", "seen"),
    [
        ("10.9.9.9", "https", "http"),  # a visitor's own claim, not through the balancer
        ("127.0.0.1", "https", "https"),  # the trusted balancer says it took HTTPS
        ("127.0.0.1", None, "http"),
    ],
)
def test_only_a_trusted_load_balancer_says_which_scheme_the_visitor_used(
    stack, trusted, told, seen
):
    port = free_port()
    env = {**stack["env"], "DJANGO_SECURE": "1", "TRUSTED_PROXIES": trusted}
    server = start_stack(env, port)
    try:
        assert _scheme_seen(port, told) == seen
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
