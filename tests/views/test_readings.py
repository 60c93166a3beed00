"""The readings the pages and the report print: only what the source bears, never against advice."""

import re
from datetime import date
from html import unescape

import pytest
import time_machine

from assessment.reports.pdf import report_html
from assessment.reports.presenters import report_context
from assessment.selectors import assessment_report
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db

NOT_COMPARED_EN = (
    "Shown as context only: the survey's year, sample or country is unknown, so these figures "
    "are never compared with your answers."
)
NOT_COMPARED_FR = (
    "Donnés à titre de contexte seulement\u00a0: l'année, l'échantillon ou le pays de l'enquête "
    "sont inconnus, ces chiffres ne sont donc jamais comparés à vos réponses."
)


def page(client, url):
    return unescape(client.get(url).content.decode())


def comparison_text(content, figure_id):
    item = re.search(rf'<li class="comparison" id="compare-{figure_id}">(.*?)</li>', content, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item.group(1)))


def source_note_above(content, element_id):
    """The source note of the study block that holds an element: said once, above the fold that
    holds the study's figures, so that it is seen before any of them."""
    element = content.index(f'id="{element_id}"')
    block = content[content.rindex('<div class="benchmark-block', 0, element) : element]
    note = re.search(r'<p class="[^"]*source-note[^"]*">(.*?)</p>', block, re.S)
    assert note and note.start() < block.index("<details"), element_id
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", note.group(1)))


def test_a_strategy_the_company_is_told_to_write_is_not_praised(client):
    assessment = make_assessment(profile="combative", strategy="reviewed", complete=True)
    content = page(client, f"/en/a/{assessment.token}/results/")
    reading = comparison_text(content, "bpifrance_strategy_none")
    assert "You are among the other 30%: ahead of most" in reading
    assert "Write a one-page strategy" not in content


def test_a_strategy_in_peoples_heads_is_set_on_neither_side_of_the_studys_70_percent(client):
    # « 70 % des répondants ont indiqué n'avoir aucune stratégie »: a strategy nobody wrote down
    # may have been one of them or not, so no reading says which.
    assessment = make_assessment(profile="combative", strategy="informal", complete=True)
    content = page(client, f"/en/a/{assessment.token}/results/")
    assert 'id="compare-bpifrance_strategy_none' not in content
    assert "You are among the other 30%" not in content
    assert "Write a one-page strategy" in content


def test_business_services_hear_nothing_of_the_studys_consumer_services(client):
    services = make_assessment(profile="pioneers", complete=True)
    assert "consommateur final" not in page(client, f"/a/{services.token}/results/")
    retail = make_assessment(profile="pioneers", sector="retail", market="both", complete=True)
    retail_page = page(client, f"/a/{retail.token}/results/")
    assert "du commerce, en contact avec le consommateur final, penchaient" in retail_page


@pytest.mark.parametrize(("market", "told"), [("b2b", False), ("both", True), ("b2c", True)])
def test_a_wholesaler_selling_to_businesses_only_hears_nothing_of_consumer_facing_trade(
    client, market, told
):
    firm = make_assessment(profile="pioneers", sector="retail", market=market, complete=True)
    assert (
        "en contact avec le consommateur final" in page(client, f"/a/{firm.token}/results/")
    ) is told


@pytest.mark.parametrize("language", ["", "/en"])
def test_the_infographic_of_unknown_provenance_is_not_on_the_results_page(client, language):
    # The pioneers run a dedicated team and post daily: both answers the infographic names.
    assessment = make_assessment(profile="pioneers", complete=True)
    content = page(client, f"{language}/a/{assessment.token}/results/")
    assert "Mashable" not in content
    assert 'id="compare-mashable' not in content


def test_the_infographic_stays_on_the_sources_page_marked_as_never_compared(client):
    english = page(client, "/en/sources/")
    assert english.count(NOT_COMPARED_EN) == 1
    assert english.index(NOT_COMPARED_EN) > english.index('id="mashable_2010"')
    assert 'id="mashable_daily_engagement"' in english
    assert page(client, "/sources/").count(NOT_COMPARED_FR) == 1


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_report_compares_no_figure_of_unknown_provenance(language):
    report = assessment_report(make_assessment(profile="pioneers", complete=True))
    context = report_context(report, language)
    compared = [c["study"].id for d in context["report_dimensions"] for c in d["comparisons"]]
    compared += [block["study"].id for block in context["benchmark_blocks"]]
    assert compared and "mashable_2010" not in compared
    html = unescape(report_html(report, language))
    assert "engaged on social media daily" not in html
    assert "s'engageaient chaque jour" not in html
    assert html.count(NOT_COMPARED_EN if language == "en" else NOT_COMPARED_FR) == 1


@pytest.mark.parametrize(
    ("language", "year", "age", "country", "population"),
    [
        ("fr", "en 2018", "enquête de 2018, il y a 8\u00a0ans", "France", "dirigeants de PME"),
        ("en", "in 2018", "surveyed in 2018, 8 years ago", "France", "heads of French SMEs"),
    ],
)
def test_every_comparison_on_the_results_page_says_how_old_its_figure_is(
    client, language, year, age, country, population
):
    assessment = make_assessment(profile="combative", complete=True)
    prefix = "/en" if language == "en" else ""
    with time_machine.travel(date(2026, 11, 30), tick=False):
        content = page(client, f"{prefix}/a/{assessment.token}/results/")
    items = re.findall(r'<li class="comparison" id="compare-(bpifrance_\w+)">', content)
    assert items
    for figure_id in items:
        # The figure says when it was measured; the study's source note above it says who
        # measured it, how long ago, where and among whom, once for all its figures.
        assert year in comparison_text(content, figure_id), figure_id
        note = source_note_above(content, f"compare-{figure_id}")
        for said in ("Bpifrance Le Lab", age.replace("\u00a0", " "), country, population):
            assert said in note.replace("\u00a0", " "), (figure_id, said)


def test_an_eight_year_old_share_of_facebook_accounts_is_not_advice_to_open_one(client):
    assessment = make_assessment(profile="combative", networks=["linkedin"], complete=True)
    with time_machine.travel(date(2026, 11, 30), tick=False):
        content = page(client, f"/en/a/{assessment.token}/results/")
    table = re.search(r'<li class="comparison distribution">(.*?)</li>', content, re.S).group(1)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table))
    assert "Facebook" in text
    assert "surveyed in 2018, 8 years ago" in text
    assert "not advice for today" in text


def test_the_reports_dimension_pages_date_each_figure():
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(date(2026, 11, 30), tick=False):
        html = unescape(report_html(assessment_report(assessment), "en"))
    dimension_lists = re.findall(r'<ul class="compares">(.*?)</ul>', html, re.S)
    items = [item for block in dimension_lists for item in re.findall(r"<li>(.*?)</li>", block)]
    assert items
    for item in items:
        assert re.search(r"surveyed in \d{4}, (\d+ years? ago|this year)", item), item


def test_a_finding_without_a_share_is_said_beside_the_answer_with_its_age(client):
    assessment = make_assessment(profile="combative", barriers=["privacy"], complete=True)
    with time_machine.travel(date(2026, 11, 30), tick=False):
        content = page(client, f"/en/a/{assessment.token}/results/")
        html = unescape(report_html(assessment_report(assessment), "en"))
    item = re.search(r'id="finding-bpifrance_fear_of_data_theft">(.*?)</li>', content, re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item.group(1)))
    assert "the fear of having their data stolen" in text
    note = source_note_above(content, "finding-bpifrance_fear_of_data_theft")
    assert "Bpifrance Le Lab" in note and "surveyed in 2018, 8 years ago" in note
    assert "the fear of having their data stolen" in html


def test_a_north_american_2011_figure_stands_beside_the_answer_without_a_reading(client):
    # Over half of the marketing heads the SIIA surveyed in 2011 spent under 10 hours a week: a
    # firm spending more is not "among the other 50%", and another continent and decade say
    # nothing of where a French company stands.
    assessment = make_assessment(profile="pioneers", hours_week="gt10", complete=True)
    content = page(client, f"/en/a/{assessment.token}/results/")
    text = comparison_text(content, "siia_time_under_10h")
    assert "North American" in text
    assert "You are among" not in text
    hootsuite = comparison_text(content, "hootsuite_org_dedicated_team")
    assert "You are among" in hootsuite
