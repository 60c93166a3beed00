"""No private link in any log line: a real server's request log and access log are read back
after private pages, wrong links, an invitation and a password reset were asked for."""

import io
import logging
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from gunicorn.config import Config

from assessment.logs import GunicornLogger, scrub
from tests.servers import ROOT, free_port

TOKEN = "Abc123_-xyzXYZ0987654321abcdefGHIJKLmnopq"


@pytest.mark.parametrize(
    ("line", "scrubbed"),
    [
        (f"GET /a/{TOKEN}/results/ HTTP/1.1", "GET /a/…/results/ HTTP/1.1"),
        (f"Not Found: /en/a/{TOKEN}/report.pdf", "Not Found: /en/a/…/report.pdf"),
        (f"https://x.fr/accounts/invitation/{TOKEN}/", "https://x.fr/accounts/invitation/…/"),
        ("/accounts/reset/MQ/set-password/", "/accounts/reset/…/…/"),
        ("/accounts/reset/MQ/cw2abc-0123456789abcdef0123/", "/accounts/reset/…/…/"),
        ("GET /w/ABC346/ HTTP/1.1", "GET /w/…/ HTTP/1.1"),
        (f"GET /en/t/{TOKEN}/ HTTP/1.1", "GET /en/t/…/ HTTP/1.1"),
        (f"Not Found: /c/{TOKEN}/", "Not Found: /c/…/"),
        ("GET /sources/ HTTP/1.1", "GET /sources/ HTTP/1.1"),
    ],
)
def test_secrets_in_a_line_are_hidden_and_nothing_else(line, scrubbed):
    assert scrub(line) == scrubbed


def test_the_app_servers_error_log_hides_the_path_of_a_request_that_failed():
    logger = GunicornLogger(Config())
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    logger.error_log.addHandler(handler)
    try:
        logger.error("Error handling request %s", f"/a/{TOKEN}/step/2/")
        logger.exception("Error handling request %s", f"/en/t/{TOKEN}/")
    finally:
        logger.error_log.removeHandler(handler)
    assert "Error handling request /a/…/step/2/" in written.getvalue()
    assert TOKEN not in written.getvalue()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def server(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="assessment.settings",
        SECRET_KEY="log-test-secret-key-0123456789-abcdefghij",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="INFO",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    log_path = tmp_path / "server.log"
    with open(log_path, "w") as log:
        # Started from the project's folder, as `make serve` does: gunicorn.conf.py is read.
        process = subprocess.Popen(  # noqa: S603 - a fixed command line of our own
            [sys.executable, "-m", "gunicorn", "assessment.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "1", "--access-logfile", "-"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.1)
    yield base, log_path
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def fetch(opener, url, data=None, referer=None):
    request = urllib.request.Request(url, data=data)  # noqa: S310
    if referer:
        request.add_header("Referer", referer)
    try:
        return opener.open(request)
    except urllib.error.HTTPError as error:
        return error


def test_no_private_link_reaches_the_logs(server):
    base, log_path = server
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect
    )
    home = fetch(opener, base + "/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', home).group(1)
    started = fetch(
        opener, base + "/start/", urllib.parse.urlencode({"csrfmiddlewaretoken": csrf}).encode()
    )
    token = re.search(r"/a/([^/]+)/step/1/", started.headers["Location"]).group(1)
    private = f"{base}/a/{token}/step/1/"
    secrets = [token, TOKEN, "ZQ4W7K", "set-password-secret-part"]
    assert fetch(opener, private).status == 200
    fetch(opener, f"{base}/a/{token}/results/")
    fetch(opener, base + "/static/css/app.css", referer=private)
    assert fetch(opener, f"{base}/a/{TOKEN}/results/").status == 404  # the request log's warning
    assert fetch(opener, f"{base}/accounts/invitation/{TOKEN}/").status == 404
    fetch(opener, f"{base}/accounts/reset/MQ/set-password-secret-part/")
    assert fetch(opener, f"{base}/w/ZQ4W7K/").status == 404
    time.sleep(0.5)  # the access log is written after each answer
    log = log_path.read_text()
    assert "/a/…/step/1/" in log  # the access log was read, with the link hidden
    assert "Not Found: /a/…/results/" in log  # and the request log's warning
    for secret in secrets:
        assert secret not in log
