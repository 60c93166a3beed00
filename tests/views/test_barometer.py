"""The barometer page: the study's segment table beside the companies that agreed to count."""

import pytest

from assessment.models import Assessment
from assessment.synthetic import load_synthetic_population
from tests.factories import make_assessment
from tests.html import text_of

pytestmark = pytest.mark.django_db


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
    assert "30 companies took this assessment between" in text_of(page(client, "en"), "sample")


def test_29_companies_show_no_share(client):
    population(pioneers=17)
    content = page(client)
    assert text_of(content, "segments") == ""
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
    population()
    headlines = compact(text_of(page(client, "en"), "headlines"))
    # 12 of the 30 spend nothing (the casual builders), 12 have no strategy; 18 measure traffic.
    assert "Spendnothingonsocialnetworks40%" in headlines
    assert "BpifranceLeLab,2018·France40%25–58%of30companies" in headlines
    assert "Havenostrategyforsocialnetworks70%" in headlines
    assert "NorthAmerica60%42–75%of30companies" in headlines


def test_the_home_page_and_the_sources_page_link_to_the_barometer(client):
    for path in ("/", "/sources/"):
        assert 'href="/barometer/"' in client.get(path).content.decode()
    assert 'href="/en/barometer/"' in client.get("/en/").content.decode()
