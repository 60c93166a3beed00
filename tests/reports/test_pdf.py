"""The PDF report, read back as a reader would: its text, its fonts, its pages, its metadata."""

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
import time_machine
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from assessment.reports.pdf import StaticFilesOnly, html_to_pdf, report_html
from assessment.selectors import assessment_report, report_cache_key
from benchmarks.figures import load_studies
from tests.factories import make_assessment
from tests.profiles import SEGMENT_NAMES

pytestmark = pytest.mark.django_db

# What the report promises: a board-ready document of about 8 to 14 A4 pages (2027-1 asks 37
# questions, listed in the appendix, and each action says how to do it and why).
MIN_PAGES, MAX_PAGES = 8, 14


def render(assessment, language="fr", fetcher=None):
    return html_to_pdf(report_html(assessment_report(assessment), language), fetcher)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Lines break anywhere in a PDF: compare on text with whitespace folded.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_report_holds_the_company_its_segment_scores_and_every_study(language):
    assessment = make_assessment(profile="combative", complete=True)
    text = text_of(render(assessment, language))
    assert "Maison Lefèvre" in text
    assert SEGMENT_NAMES[language]["combative"] in text
    for field in ("presence", "team", "budget", "objectives", "roi"):
        assert f"{getattr(assessment, f'{field}_score')}/100" in text
    assert f"{assessment.overall_score}/100" in text
    for study in load_studies().values():
        publisher = getattr(study, f"publisher_{language}")
        assert publisher.split(" (")[0].split(" with ")[0].split(" avec ")[0] in text, study.id


def test_the_french_report_is_in_french_and_the_english_one_in_english():
    assessment = make_assessment(profile="casual", complete=True)
    french, english = text_of(render(assessment, "fr")), text_of(render(assessment, "en"))
    assert "Plan d'action" in french and "Action plan" not in french
    assert "Action plan" in english and "Plan d'action" not in english


@pytest.mark.parametrize("profile", ["silent_mass", "casual", "combative", "pioneers"])
def test_the_page_count_stays_in_range(profile):
    pdf = render(make_assessment(profile=profile, complete=True))
    assert MIN_PAGES <= len(PdfReader(io.BytesIO(pdf)).pages) <= MAX_PAGES


def test_the_metadata_names_title_author_language_and_subject():
    pdf = render(make_assessment(profile="pioneers", complete=True), "en")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Social-media maturity report — Conseil Horizon"
    assert reader.metadata.author == "Social Maturity"
    assert "segment Pioneers" in reader.metadata.subject
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/MarkInfo"]["/Marked"] == BooleanObject(True)  # tagged for screen readers


def test_every_font_is_embedded(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(render(make_assessment(profile="combative", complete=True)))
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, "no font at all"
    for line in listing:
        name, embedded = line.split()[0], line.split()[-5]
        assert embedded == "yes", name
        assert "Inter" in name, f"{name}: only the product's own font is used"


def test_every_page_renders_to_an_image(tmp_path):
    path = tmp_path / "report.pdf"
    pdf = render(make_assessment(profile="silent_mass", complete=True), "en")
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(io.BytesIO(pdf)).pages)


HOSTILE = (
    '<img src="http://evil.example/pixel.png"><script>alert(1)</script>'
    "<style>body{background:url(http://evil.example/bg.png)}</style> url(http://evil.example/x) "
)


def test_a_hostile_company_name_is_printed_as_text_and_makes_no_request():
    assessment = make_assessment(profile="combative", complete=True)
    assessment.answers["company_name"] = HOSTILE + "X" * 10_000
    assessment.save()
    fetcher = StaticFilesOnly()
    pdf = render(assessment, "fr", fetcher)
    assert fetcher.refused == []
    text = text_of(pdf)
    assert '<img src="http://evil.example/pixel.png">' in text
    assert MIN_PAGES <= len(PdfReader(io.BytesIO(pdf)).pages) <= MAX_PAGES


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/x.png",
        "https://127.0.0.1/static/css/report.css",
        "file:///etc/passwd",
        "file:///static/../../etc/passwd",
        "file://evil.example/static/css/report.css",
        "data:text/plain,hello",
        "ftp://evil.example/x",
    ],
)
def test_the_renderer_refuses_every_url_but_the_reports_static_files(url):
    fetcher = StaticFilesOnly()
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_the_renderer_reads_its_own_stylesheet_and_fonts_from_disk():
    fetcher = StaticFilesOnly()
    css = fetcher.fetch("file:///static/css/report.css")
    assert b"@page" in css.read()
    font = fetcher.fetch("file:///static/vendor/inter/inter-latin-400-normal.woff")
    assert font.content_type == "font/woff"


def test_a_changed_answer_or_language_gives_a_new_report():
    assessment = make_assessment(profile="combative", complete=True)
    key = report_cache_key(assessment, "fr")
    assert report_cache_key(assessment, "en") != key
    assessment.answers["budget"] = "gt150k"
    assert report_cache_key(assessment, "fr") != key


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_the_cover_is_the_product_colour(tmp_path):
    from PIL import Image

    path = tmp_path / "report.pdf"
    path.write_bytes(render(make_assessment(profile="pioneers", complete=True)))
    subprocess.run(
        ["pdftoppm", "-r", "10", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "c")],
        check=True,
    )
    cover = Image.open(next(tmp_path.glob("c-*.png"))).convert("RGB")
    assert cover.getpixel((cover.width - 2, cover.height - 2)) == (31, 95, 191)


def test_a_company_without_strengths_is_told_so_under_a_heading_that_says_so():
    # The silent-mass manufacturer's best dimension is 29/100: no strength to keep.
    text = text_of(render(make_assessment(profile="silent_mass", complete=True)))
    assert "Pas encore de point fort sur lequel s'appuyer" in text
    assert "Aucune dimension n'atteint encore 50/100" in text
    assert "forces à garder" not in text and "force à garder" not in text


def test_a_dimension_the_path_asks_to_change_is_not_a_strength_to_keep():
    # The combative retailer's budget (50/100) is what its path to the pioneers raises first.
    text = text_of(render(make_assessment(profile="combative", complete=True)))
    verdict = text.split(" à garder")[1].split("Plan d'action")[0]
    assert "Présence et activité" in verdict
    assert "Budget —" not in verdict


def test_a_company_with_two_strengths_is_told_both():
    text = text_of(render(make_assessment(profile="pioneers", complete=True), "en"))
    assert "Two strengths to keep" in text


def test_a_company_at_16_out_of_100_has_heavier_work_planned_for_the_year():
    text = text_of(render(make_assessment(profile="silent_mass", complete=True)))
    year = text.split("Les douze prochains mois")[1]
    assert "Fixer un budget à la mesure de votre taille" in year
    assert "Rien de plus lourd" not in text


def test_actions_the_year_takes_beyond_the_first_five_are_numbered_after_them():
    from assessment.reports.presenters import report_context

    context = report_context(
        assessment_report(make_assessment(profile="silent_mass", complete=True)), "fr"
    )
    assert [item["rank"] for item in context["plan_first_90_days"]] == [1, 2, 3, 4, 5]
    assert [item["rank"] for item in context["plan_next_12_months"]] == [6, 7]


@pytest.mark.parametrize("profile", ["silent_mass", "casual", "combative", "pioneers"])
def test_the_verdict_s_first_three_things_open_the_first_90_days_numbered_in_reading_order(
    profile,
):
    from assessment.reports.presenters import report_context

    context = report_context(
        assessment_report(make_assessment(profile=profile, complete=True)), "fr"
    )
    first, year = context["plan_first_90_days"], context["plan_next_12_months"]
    first_three = [item["title"] for item in context["recommendations"][:3]]
    assert [item["title"] for item in first[:3]] == first_three
    ranks = [item["rank"] for item in [*first, *year]]
    assert ranks == list(range(1, len(ranks) + 1))


def test_a_heavy_action_among_the_first_things_is_said_to_start_this_quarter():
    text = text_of(render(make_assessment(profile="pioneers", complete=True)))
    first_90_days = text.split("Les 90 premiers jours")[1].split("Les douze prochains mois")[0]
    assert "À lancer ce trimestre, à mener sur l'année." in first_90_days


@pytest.mark.parametrize(
    ("language", "today", "age"),
    [
        ("fr", date(2026, 11, 30), "Bpifrance Le Lab, enquête de 2018, il y a 8 ans"),
        ("en", date(2026, 11, 30), "Bpifrance Le Lab, surveyed in 2018, 8 years ago"),
        ("en", date(2027, 1, 4), "Bpifrance Le Lab, surveyed in 2018, 9 years ago"),
    ],
)
def test_the_pdf_says_how_old_the_figures_are_counted_from_today(language, today, age):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(today, tick=False):
        text = text_of(render(assessment, language))
    assert age in text.replace("\u00a0", " ")


def test_a_dimension_page_says_which_of_its_actions_are_in_the_plan():
    from assessment.reports.presenters import report_context

    context = report_context(
        assessment_report(make_assessment(profile="combative", complete=True)), "fr"
    )
    in_plan = {item["title"]: item["rank"] for item in context["plan_first_90_days"]}
    in_plan |= {item["title"]: item["rank"] for item in context["plan_next_12_months"]}
    for dimension in context["report_dimensions"]:
        ranks = [action["rank"] for action in dimension["actions"]]
        # The plan's first, then what is outside it.
        assert ranks == sorted(ranks, key=lambda rank: rank is None)
        for action in dimension["actions"]:
            assert action["rank"] == in_plan.get(action["title"])
    text = text_of(render(make_assessment(profile="combative", complete=True)))
    assert "hors plan, pour plus tard" in text and "du plan" in text
