"""French is the default language: every string the product shows must exist in French."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
FRENCH = ROOT / "assessment" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_french_string_is_translated():
    catalogue = polib.pofile(str(FRENCH))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext")
def test_the_french_catalogue_holds_every_string_of_the_code(tmp_path):
    # Extract the strings of a copy of the code, and compare with the committed catalogue.
    for name in ("assessment", "templates", "benchmarks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location", "-v0"],
        cwd=tmp_path,
        check=True,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "PYTHONPATH": str(tmp_path)},
    )
    extracted = polib.pofile(str(tmp_path / "assessment/locale/fr/LC_MESSAGES/django.po"))
    committed = {entry.msgid for entry in polib.pofile(str(FRENCH))}
    missing = sorted({entry.msgid for entry in extracted if not entry.obsolete} - committed)
    assert missing == [], "run makemessages and translate: " + "; ".join(missing)
