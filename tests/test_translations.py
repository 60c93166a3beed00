"""French is the default language: every string the product shows must exist in French."""

import re
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


# A no-break space before : ; ? ! and inside « », so that no line starts with a sign: the French
# typography every page and report is read in.
FRENCH_SIGN_AFTER_A_SPACE = re.compile(r" [:;?!»]|« ")


def test_french_messages_keep_french_typography():
    catalogue = polib.pofile(str(FRENCH))
    broken = [
        entry.msgstr or entry.msgstr_plural
        for entry in catalogue
        if any(
            FRENCH_SIGN_AFTER_A_SPACE.search(text)
            for text in [entry.msgstr, *entry.msgstr_plural.values()]
        )
    ]
    assert broken == []


@pytest.mark.parametrize("version", ["2027-1"])
def test_the_questionnaire_and_its_advice_keep_french_typography(version):
    # 2026-1 stays as its assessments were shown.
    from assessment.domain.questionnaire import QUESTIONNAIRES_DIR

    for path in (
        QUESTIONNAIRES_DIR / f"{version}.toml",
        QUESTIONNAIRES_DIR / "recommendations" / f"{version}.toml",
    ):
        french = re.findall(r'\bfr = "((?:[^"\\]|\\.)*)"', path.read_text())
        assert french
        assert [text for text in french if FRENCH_SIGN_AFTER_A_SPACE.search(text)] == []


def test_an_english_date_is_written_day_first():
    from datetime import date

    from django.utils import formats, translation

    with translation.override("en"):
        assert formats.date_format(date(2026, 11, 30)) == "30 November 2026"
    with translation.override("fr"):
        assert formats.date_format(date(2026, 11, 30)) == "30 novembre 2026"
