import html
import re

import pytest

from tests.factories import make_assessment
from tests.html import elements

pytestmark = pytest.mark.django_db


def results(client, assessment, language=""):
    prefix = f"/{language}" if language else ""
    return client.get(f"{prefix}/a/{assessment.token}/results/")


@pytest.mark.parametrize(
    ("profile", "name_fr", "name_en"),
    [
        ("silent_mass", "Masse silencieuse", "Silent mass"),
        ("casual", "Désinvoltes", "Casual"),
        ("combative", "Combatives", "Combative"),
        ("pioneers", "Pionnières", "Pioneers"),
    ],
)
def test_it_shows_the_segment_in_both_languages(client, profile, name_fr, name_en):
    assessment = make_assessment(profile=profile, complete=True)
    assert name_fr in results(client, assessment).content.decode()
    assert name_en in results(client, assessment, "en").content.decode()


def test_it_shows_every_dimension_score_and_the_overall_score(client):
    assessment = make_assessment(profile="combative", complete=True)
    content = results(client, assessment).content.decode()
    for field in ("presence", "team", "budget", "objectives", "roi"):
        assert f"{getattr(assessment, f'{field}_score')}<span" in content
    assert (
        f'<span class="score-value" aria-hidden="true">{assessment.overall_score}</span>' in content
    )
    # A screen reader reads the score as a sentence, from text rather than an ignored aria-label.
    assert (
        f'<span class="visually-hidden">Score global : {assessment.overall_score} sur 100</span>'
        in content
    )


def test_the_radar_chart_is_inline_svg_with_a_text_alternative(client):
    content = results(client, make_assessment(profile="combative", complete=True)).content
    assert b'<svg xmlns="http://www.w3.org/2000/svg"' in content
    assert b'role="img"' in content
    assert b"<caption" in content  # the table beside it says the same in text


def test_the_study_share_carries_its_source_year_country_and_population(client):
    content = results(client, make_assessment(profile="pioneers", complete=True)).content.decode()
    # The segment's section, above its folds: where the segment's share is given.
    content = content.split('<section id="segment"')[1].split("<details")[0]
    assert "28\u00a0%" in content
    assert "Bpifrance Le Lab" in content
    assert "2018" in content
    assert "France" in content
    assert "dirigeants de PME et ETI françaises" in content


def test_a_casual_company_with_weak_means_reads_the_mismatch(client):
    content = results(client, make_assessment(profile="casual", complete=True)).content.decode()
    assert "Vous vous sentez dans la moyenne de votre secteur" in content


def test_a_firm_outside_the_study_population_is_told_so(client):
    small = make_assessment(profile="casual", turnover="lt2m", complete=True)
    assert "en dehors de cette population" in results(client, small).content.decode()
    inside = make_assessment(profile="casual", complete=True)
    assert "en dehors de cette population" not in results(client, inside).content.decode()


def test_it_lists_three_to_five_recommendations_with_their_reasons(client):
    content = results(client, make_assessment(profile="silent_mass", complete=True)).content
    count = content.count(b'class="recommendation card')
    assert 3 <= count <= 5
    assert b"Pourquoi cette action" in content


def test_it_names_the_knowledge_gaps(client):
    assessment = make_assessment(profile="combative", external_budget="dont_know", complete=True)
    assert "Ce que personne n'a pu dire" in results(client, assessment).content.decode()


def test_it_sends_an_unfinished_assessment_back_to_the_questionnaire(client):
    assessment = make_assessment(profile="combative")
    response = results(client, assessment)
    assert response.status_code == 302
    assert response["Location"] == f"/a/{assessment.token}/"


def test_it_shows_the_private_link(client):
    assessment = make_assessment(profile="combative", complete=True)
    content = results(client, assessment).content.decode()
    # The link a company keeps is the full address of its own assessment, in a field it can
    # select and copy whether or not the page's script runs.
    [field] = elements(content, "input", id="private-link")
    assert field["value"] == f"http://testserver/a/{assessment.token}/"
    assert "readonly" in field


def test_company_names_are_escaped(client):
    assessment = make_assessment(
        profile="combative",
        company_name='<script>alert(1)</script><img src="http://x/">',
        complete=True,
    )
    content = results(client, assessment).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_an_unknown_token_is_404(client):
    assert client.get("/a/nope/results/").status_code == 404


def test_it_rejects_post(client):
    assessment = make_assessment(profile="combative", complete=True)
    assert client.post(f"/a/{assessment.token}/results/").status_code == 405


def test_how_you_compare_puts_the_answer_beside_the_figure_with_its_source(client):
    assessment = make_assessment(
        profile="combative", budget="10_50k", complete=True, version="2026-1"
    )
    content = results(client, assessment).content.decode()
    assert "Où vous vous situez" in content
    # 10 k€ to 50 k€ a year: among the 14 % who spend 10 k€ or more.
    assert "14\u00a0%" in content
    assert "Vous faites partie de ces 14\u00a0%\u00a0: en avance sur la plupart" in content
    assert 'href="/sources/#bpifrance_budget_10k_or_more"' in content


def test_every_figure_on_the_results_page_links_to_its_source(client):
    import re

    content = results(client, make_assessment(profile="pioneers", complete=True)).content.decode()
    links = re.findall(r'class="figure-value" href="([^"]+)"', content)
    assert links
    for value_link in links:
        assert value_link.startswith("/sources/#")


def test_context_only_figures_say_so_in_english(client):
    content = results(
        client, make_assessment(profile="combative", complete=True), "en"
    ).content.decode()
    assert "Context only: these figures describe another country or another period" in content
    assert "North America" in content


def test_the_sector_tendency_of_the_study_is_shown_for_a_named_sector(client):
    retail = make_assessment(profile="combative", complete=True)
    retail_page = results(client, retail).content.decode()
    assert "du commerce, en contact avec le consommateur final, penchaient" in retail_page
    other = make_assessment(profile="combative", sector="health", complete=True)
    assert "penchent" not in results(client, other).content.decode()


def test_peer_percentiles_appear_from_ten_companies(client):
    for _ in range(10):
        make_assessment(profile="combative", complete=True)
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    content = results(client, company).content.decode()
    assert "Votre rang centile parmi" in content
    assert "100e" in content


def test_below_ten_companies_the_page_says_why_there_is_no_comparison(client):
    company = make_assessment(profile="pioneers", complete=True)
    content = results(client, company).content.decode()
    assert "Pas encore assez d'entreprises comparables" in content


def words_of(content):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", content)))


def test_the_score_comes_with_the_four_levels_their_ranges_and_meanings(client):
    assessment = make_assessment(profile="silent_mass", complete=True)
    content = results(client, assessment).content.decode()
    [current] = elements(content, "li", **{"class": "current"})
    assert current["aria-current"] == "true"
    text = words_of(content)
    for band in ("0–24 Débutant (vous)", "25–49 En construction", "50–74", "75–100"):
        assert band in text, band
    assert "tout reste à organiser" in text


def test_the_levels_read_in_english_too(client):
    assessment = make_assessment(profile="pioneers", complete=True)
    text = re.sub(
        r"\s+",
        " ",
        html.unescape(re.sub(r"<[^>]+>", " ", results(client, assessment, "en").content.decode())),
    )
    assert "75–100 Advanced (you)" in text
    assert "measured all the way to sales" in text


def test_a_company_rating_itself_active_without_any_account_is_told_why_it_is_inactive(client):
    assessment = make_assessment(
        profile="pioneers", networks=["none"], self_activity="very_active", complete=True
    )
    text = words_of(results(client, assessment).content.decode())
    assert "Votre segment : Désinvoltes" in text
    assert "Sans compte sur aucun réseau, une entreprise est classée parmi les inactives" in text
    # Its answers are said to contradict each other, not to "tell the same story", and its
    # rating, which already qualifies, is never asked to change.
    assert "Vos réponses se contredisent" in text and "racontent la même histoire" not in text
    assert "vous juger ainsi" not in text
    with_account = make_assessment(profile="pioneers", complete=True)
    other = words_of(results(client, with_account).content.decode())
    assert "Sans compte sur aucun réseau" not in other


def test_the_path_lists_changes_of_practice_and_the_rating_as_what_follows(client):
    text = words_of(results(client, make_assessment(profile="silent_mass", complete=True)).text)
    practice = text.split("qui vous y mèneraient")[1].split("vous juger ainsi")[0]
    assert "Une fois par semaine" in practice
    assert "Sur les réseaux sociaux, votre entreprise est" not in practice
    after = text.split("vous juger ainsi")[1]
    assert "Sur les réseaux sociaux, votre entreprise est" in after


def test_a_company_whose_practice_bears_out_the_next_segment_is_told_it_rates_itself_low(client):
    assessment = make_assessment(
        profile="silent_mass", frequency="weekly", responsiveness="usually", complete=True
    )
    text = words_of(results(client, assessment).text)
    assert "Votre pratique relève déjà de ce segment" in text
    assert "qui vous y mèneraient" not in text
