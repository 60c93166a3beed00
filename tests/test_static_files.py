"""Of the front-end packages, only the files the pages and reports name are served and collected
(before: 1,736 files, 41 MB, for six of them)."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from assessment.staticfinders import VendorFilesFinder

ROOT = Path(settings.BASE_DIR)
NAMED_IN_TEMPLATES = re.compile(r"""\{% static ['"]([^'"]+)['"] %\}""")
NAMED_IN_CSS = re.compile(r"""url\(["']?\.\./(vendor/[^"')]+)""")


def named_vendor_files() -> set[str]:
    named = set()
    for template in (ROOT / "templates").rglob("*.html"):
        named |= set(NAMED_IN_TEMPLATES.findall(template.read_text()))
    for stylesheet in (ROOT / "static" / "css").glob("*.css"):
        named |= set(NAMED_IN_CSS.findall(stylesheet.read_text()))
    return {name for name in named if name.startswith("vendor/")}


def test_every_vendor_file_a_page_or_report_names_is_found():
    named = named_vendor_files()
    assert named, "the pages name no vendor file: the pattern above no longer reads them"
    assert {name for name in named if finders.find(name) is None} == set()


def test_no_vendor_file_is_collected_that_no_page_or_report_names():
    listed = {
        f"{storage.prefix}/{path}" for path, storage in VendorFilesFinder().list(ignore_patterns=[])
    }
    assert listed == named_vendor_files()


def test_bootstraps_distribution_is_not_served():
    assert finders.find("vendor/bootstrap/css/bootstrap.min.css") is None
