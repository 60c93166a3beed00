"""Production posture: headers, policy, health, deploy checks."""

import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

from tests.factories import make_assessment

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def pages(client):
    assessment = make_assessment(profile="combative", complete=True)
    fresh = make_assessment()
    return [
        "/",
        "/en/",
        "/sources/",
        f"/a/{fresh.token}/step/2/",
        f"/a/{assessment.token}/results/",
        "/w/",
        "/accounts/login/",
        "/accounts/signup/",
    ]


def test_every_page_sends_a_strict_content_security_policy(client):
    for url in pages(client):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy, url
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "frame-ancestors 'none'" in policy, url


def test_no_page_carries_inline_script_style_or_handler(client):
    for url in pages(client):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url
        assert "<style" not in html, url


def test_no_page_refers_to_another_origin(client):
    for url in pages(client):
        html = client.get(url).content.decode()
        for reference in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not reference.startswith(("http://", "https://", "//")) or (
                reference.startswith("http://testserver/")
            ), f"{url}: {reference}"


def test_the_health_check_says_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


def test_the_health_check_says_503_when_the_database_is_down(client):
    with mock.patch("assessment.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_DEBUG"}}
    env.update(
        {
            "SECRET_KEY": "p" * 20 + "-a-long-random-production-secret-key-0123456789",
            "DJANGO_SECURE": "1",
            "ALLOWED_HOSTS": "maturity.example.com",
            "DJANGO_SETTINGS_MODULE": "assessment.settings",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "ADMIN_URL": "back-office-7f3/",
            **extra,
        }
    )
    return env


def test_the_deploy_checks_pass_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_admin_lives_where_the_operator_says():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=production_env(ADMIN_URL="back-office-7f3/"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "/back-office-7f3/"


def test_a_database_error_during_a_request_gives_a_clear_503(client):
    with mock.patch("assessment.views._get_assessment", side_effect=OperationalError("gone")):
        response = client.get("/a/any-token/results/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Réessayez dans un instant" in response.content.decode()


def deploy_check(**extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=production_env(**extra),
        capture_output=True,
        text=True,
    )


def test_the_deploy_checks_fail_when_mails_go_to_the_console():
    result = deploy_check(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert result.returncode != 0
    assert "assessment.E001" in result.stderr


def test_the_deploy_checks_fail_on_the_default_admin_path():
    result = deploy_check(ADMIN_URL="admin/")
    assert result.returncode != 0
    assert "assessment.E002" in result.stderr


def test_a_developers_machine_may_keep_both(settings):
    from assessment.checks import production_settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.ADMIN_URL = "admin/"
    settings.DEBUG = True
    assert production_settings(None) == []
    settings.DEBUG = False
    assert {error.id for error in production_settings(None)} == {
        "assessment.E001",
        "assessment.E002",
    }
