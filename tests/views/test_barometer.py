"""The barometer page: the study's segment table beside the companies that agreed to count."""

import io
import re
from datetime import UTC, datetime

import pytest
import time_machine
from pypdf import PdfReader

from assessment.models import Assessment
from assessment.reports.pdf import assessment_report_pdf
from assessment.selectors import assessment_report
from assessment.synthetic import load_synthetic_population
from tests.factories import make_assessment
from tests.html import text_of

pytestmark = pytest.mark.django_db

MARCH_2026 = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)
MAY_2026 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def population(casual=12, pioneers=18, **overrides):
    """12 casual builders (they spend nothing) and 18 pioneer consultancies: 30 companies."""
    return [
        make_assessment(profile="casual", complete=True, **overrides) for _ in range(casual)
    ] + [make_assessment(profile="pioneers", complete=True, **overrides) for _ in range(pioneers)]


def compact(text: str) -> str:
    """Table cells run together in the text; compare without any space."""
    return "".join(text.split())


def page(client, language="fr"):
    prefix = "/en" if language == "en" else ""
    response = client.get(f"{prefix}/barometer/")
    assert response.status_code == 200
    return response.content.decode()


def test_with_no_company_the_page_says_who_counts_and_that_it_is_too_early(client):
    french = page(client)
    assert "ne sont pas pondérées" in text_of(french, "sample")
    assert "à partir de 30 entreprises" in french
    english = page(client, "en")
    assert "not weighted to match the French SME population" in text_of(english, "sample")
    assert "appears from 30 companies" in english


def test_from_30_companies_each_segments_share_stands_beside_the_studys(client):
    population()
    segments = compact(text_of(page(client), "segments"))
    # 12 of 30 casual: 40 %, Wilson 95 % interval 24.6 to 57.7 %; the study's 19 % beside it.
    assert "Désinvoltes19%40%25–58%" in segments
    # 18 of 30 pioneers: 60 %, 42.3 to 75.4 %; the study's 28 %.
    assert "Pionnières28%60%42–75%" in segments
    # None silent: 0 %, and the interval's top is 1.96² / (30 + 1.96²) = 11.4 %.
    assert "Massesilencieuse44%0%0–11%" in segments
    english = compact(text_of(page(client, "en"), "segments"))
    assert "Casual19%40%25–58%" in english
    assert "30 companies took this assessment in" in text_of(page(client, "en"), "sample")


def test_the_period_runs_from_the_month_of_the_first_to_that_of_the_last(client):
    with time_machine.travel(MARCH_2026, tick=False):
        population(casual=0, pioneers=15)
    with time_machine.travel(MAY_2026, tick=False):
        population(casual=0, pioneers=15)
    sample = text_of(page(client, "en"), "sample")
    assert "30 companies took this assessment between March 2026 and May 2026" in sample
    sample = text_of(page(client), "sample")
    assert "30 entreprises ont fait cette évaluation entre mars 2026 et mai 2026" in sample


def test_29_companies_show_no_share(client):
    population(pioneers=17)
    content = page(client)
    assert text_of(content, "segments") == "" and text_of(content, "headlines") == ""
    assert "à partir de 30 entreprises" in content


def test_a_size_band_of_fewer_than_30_companies_is_hidden_and_says_so(client):
    # The casual builders have 10 to 19 staff, the pioneers are mid-caps: 12 and 18, both hidden.
    population()
    by_size = text_of(page(client, "en"), "by-size")
    assert "10 to 19 staff fewer than 30 Not shown: too few companies" in by_size
    assert "40%" not in by_size


def test_a_size_band_of_30_companies_is_shown(client):
    population(casual=0, pioneers=30)
    by_size = text_of(page(client, "en"), "by-size")
    assert "Mid-cap:250to4,999staff300%0–11%0%0–11%0%0–11%100%89–100%" in compact(by_size)


def test_a_respondent_who_said_no_or_was_not_asked_is_not_counted(client):
    population()
    make_assessment(profile="pioneers", complete=True, peer_consent=False)
    make_assessment(profile="pioneers", complete=True, peer_consent=None)
    assert "30 companies took" in text_of(page(client, "en"), "sample")


def test_a_deleted_assessment_leaves_the_barometer_at_once(client):
    companies = population()
    assert "30 companies took" in text_of(page(client, "en"), "sample")
    client.post(f"/a/{companies[0].token}/delete/")
    content = page(client, "en")
    assert "29 companies took" in text_of(content, "sample")
    assert text_of(content, "segments") == ""


def test_a_withdrawn_consent_leaves_the_barometer_at_once(client):
    companies = population()
    page(client)
    client.post(f"/a/{companies[0].token}/consent/", {"consent": "no"})
    assert "29 companies took" in text_of(page(client, "en"), "sample")


def test_synthetic_companies_count_only_in_the_demonstration_and_the_page_says_so(client, settings):
    load_synthetic_population(count=40, seed=4)
    content = page(client, "en")
    assert text_of(content, "segments") == "" and "Demonstration" not in content
    settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC = True
    content = page(client, "en")
    assert "40 companies took" in text_of(content, "sample")
    assert "Demonstration: these figures include synthetic companies" in content
    assert Assessment.objects.filter(is_synthetic=False).count() == 0


def test_the_studies_headline_figures_stand_beside_our_answers_with_their_source(client):
    population(casual=12, pioneers=12) + population(casual=0, pioneers=6, staff_trained="no")
    headlines = compact(text_of(page(client, "en"), "headlines"))
    # 12 of the 30 have no strategy (the casual builders); 18 measure traffic.
    assert "Havenostrategyforsocialnetworks70%" in headlines
    # 12 casual builders have not trained those who publish; 6 of the pioneers have not either.
    assert "Havenottrainedthepeoplewhopublish69%" in headlines
    untrained_row = headlines.split("Havenottrained")[1].split("Measureresults")[0]
    assert "60%42–75%of30companies" in untrained_row
    assert "NorthAmerica60%42–75%of30companies" in headlines
    # The study's budget counted staff costs; questionnaire 2027-1 asks external spend only, so
    # "spend nothing" is no longer set beside our answers, and the page says why.
    assert "Spendnothing" not in headlines
    assert "spendnothingisnotcomparedwithours" in headlines
    assert (
        "figureincludesstaffcosts,whileourcurrentquestionnaireasksaboutexternalspendingonly"
        in headlines
    )


def test_each_headline_figure_says_how_old_it_is(client):
    population()
    with time_machine.travel(datetime(2026, 11, 30, 10, 0, tzinfo=UTC), tick=False):
        headlines = " ".join(text_of(page(client, "en"), "headlines").split())
        french = " ".join(text_of(page(client), "headlines").split())
    assert "Bpifrance Le Lab, surveyed in 2018, 8 years ago · France" in headlines
    assert "surveyed in 2011, 15 years ago · North America" in headlines
    assert "Bpifrance Le Lab, enquête de 2018, il y a 8 ans · France" in french


def test_the_home_page_and_the_sources_page_link_to_the_barometer(client):
    for path in ("/", "/sources/"):
        assert 'href="/barometer/"' in client.get(path).content.decode()
    assert 'href="/en/barometer/"' in client.get("/en/").content.decode()


# The company's segment among our respondents, beside the study's share


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_from_30_companies_the_results_page_gives_the_segments_share_among_them(client):
    with time_machine.travel(MARCH_2026, tick=False):
        companies = population()
    pioneer = companies[-1]
    french = client.get(f"/a/{pioneer.token}/results/").content.decode()
    assert (
        "Parmi les 30 entreprises qui ont fait cette évaluation depuis mars 2026, 60\u00a0% sont "
        "dans ce segment (intervalle à 95\u00a0%\u00a0: 42–75\u00a0%)."
    ) in french
    english = client.get(f"/en/a/{pioneer.token}/results/").content.decode()
    assert (
        "Among the 30 companies that took this assessment since March 2026, 60% are in this "
        "segment (95% interval: 42–75%)."
    ) in english


def test_below_30_companies_the_results_page_says_nothing_of_them(client):
    companies = population(pioneers=17)
    page = client.get(f"/en/a/{companies[-1].token}/results/").content.decode()
    assert "took this assessment since" not in page


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Parmi les 30 entreprises qui ont fait cette évaluation depuis mars 2026, 40"),
        ("en", "Among the 30 companies that took this assessment since March 2026, 40% are"),
    ],
)
def test_the_report_gives_the_segments_share_among_30_respondents(language, sentence):
    with time_machine.travel(MARCH_2026, tick=False):
        companies = population()
    casual = companies[0]
    text = pdf_text(assessment_report_pdf(assessment_report(casual), language))
    assert sentence in text


def test_the_report_says_nothing_of_fewer_than_30_respondents():
    companies = population(casual=11)
    text = pdf_text(assessment_report_pdf(assessment_report(companies[0]), "en"))
    assert "took this assessment since" not in text


def test_in_the_demonstration_the_results_page_says_the_companies_include_synthetic_ones(
    client, settings
):
    load_synthetic_population(count=40, seed=5)
    company = make_assessment(profile="pioneers", complete=True)
    english = client.get(f"/en/a/{company.token}/results/").content.decode()
    assert "took this assessment since" not in english
    settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC = True
    english = client.get(f"/en/a/{company.token}/results/").content.decode()
    assert "Among the 41 companies that took this assessment since" in english
    assert "Demonstration: they include synthetic companies, not real answers." in english


def test_a_strategy_nobody_wrote_down_counts_on_neither_side_of_no_strategy(client):
    # 12 casual builders have none, 18 pioneers write theirs; 10 more keep one in their heads.
    population()
    for _ in range(10):
        make_assessment(profile="pioneers", complete=True, strategy="informal")
    headlines = compact(text_of(page(client, "en"), "headlines"))
    no_strategy = headlines.split("Havenostrategy")[1].split("Havenottrained")[0]
    # 12 of the 30 who could be placed: 40 %, Wilson 24.6 to 57.7 %; the 10 are left out.
    assert "40%25–58%of30companies" in no_strategy
    assert "strategykeptinpeople'sheads,neverwrittendown" in headlines


def test_the_measured_placement_states_the_score_each_questionnaire_places_in_step_at(client):
    population()
    english = " ".join(page(client, "en").split())
    assert (
        "score at least 56/100, the score our questionnaire gives the profile the study" in english
    )
    assert (
        "(50/100 for the companies that answered the 2026 questionnaire, still placed as they were)"
        in english
    )
    assert "half of what they can" not in english
