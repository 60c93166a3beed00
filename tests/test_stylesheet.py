"""The pages' one stylesheet: built at install time from Bootstrap's sources and the product's CSS,
reduced to the selectors the pages use, with the fonts asked for before the stylesheet names them
and a fallback face of matching metrics while they load."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.html import elements

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "build" / "css" / "site.css"
FULL_BOOTSTRAP = ROOT / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.css"
MISSING = "build/css/site.css is missing: run `make stylesheet` (or `make install`)"


def classes_defined(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", re.sub(r"url\([^)]*\)", "", css)))


def classes_in_templates() -> set[str]:
    found = set()
    for template in (ROOT / "templates").rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            words = re.sub(r"\{[%{][^}]*[%}]\}", " ", value).split()  # the template tags out
            found |= {name for name in words if re.fullmatch(r"[a-z][\w-]*", name)}
    return found


def test_a_page_loads_one_stylesheet_and_preloads_its_fonts(client):
    content = client.get("/").content.decode()
    (stylesheet,) = elements(content, "link", rel="stylesheet")
    assert stylesheet["href"] == "/static/css/site.css"
    preloads = elements(content, "link", rel="preload")
    assert [p["href"].rsplit("/", 1)[1] for p in preloads] == [
        f"inter-latin-{weight}-normal.woff2" for weight in (400, 600, 700)
    ]
    for preload in preloads:
        # Fonts are fetched in CORS mode: a preload without crossorigin is fetched twice.
        assert preload["as"] == "font" and preload["type"] == "font/woff2"
        assert "crossorigin" in preload
        assert finders.find(preload["href"].removeprefix("/static/")), preload["href"]
    # Preloads come before the stylesheet, so the fonts are asked for first.
    assert content.index('rel="preload"') < content.index('rel="stylesheet"')


def test_the_stylesheet_keeps_every_bootstrap_class_a_template_names():
    assert BUILT.exists(), MISSING
    built = classes_defined(BUILT.read_text())
    bootstrap = classes_defined(FULL_BOOTSTRAP.read_text())
    used = classes_in_templates()
    assert {"btn-primary", "form-check-input", "visually-hidden", "col-lg-8"} <= used
    assert sorted((used & bootstrap) - built) == []


def test_the_stylesheet_holds_the_products_rules_and_only_part_of_bootstrap():
    assert BUILT.exists(), MISSING
    css = BUILT.read_text()
    assert ".step-actions" in css and ".error-summary" in css and ".score-badge" in css
    # Bootstrap's full minified stylesheet is about 232 kB; the pages use a fifth of it.
    assert len(css.encode()) < 64_000
    assert not re.search(r"url\(['\"]?(https?:)?//", css), "nothing from another host"


def test_the_fallback_face_matches_inters_metrics_while_the_font_loads():
    assert BUILT.exists(), MISSING
    css = BUILT.read_text()
    fallback = re.findall(r'@font-face\{font-family:"Inter Fallback";[^}]*\}', css)
    assert len(fallback) == 3  # regular, semibold, bold
    for face in fallback:
        assert "size-adjust" in face and "ascent-override" in face and "local(" in face
    # The fallback comes right after Inter in the body's font stack.
    assert '"Inter","Inter Fallback",system-ui' in css.replace(", ", ",")
