"""Safe by default: the settings module is imported in a fresh process for each case."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import assessment.settings as s; print(s.DEBUG)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_a_missing_secret_key_stops_the_app_outside_debug():
    result = import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    result = import_settings(SECRET_KEY="k")
    assert result.returncode == 0
    assert result.stdout.strip() == "False"


def test_debug_runs_without_a_secret_key_for_local_development():
    result = import_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0
    assert result.stdout.strip() == "True"
