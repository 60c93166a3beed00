"""Assess again: a new assessment pre-filled with the previous answers, confirmed step by step;
the results then show what moved, and every assessment of the company is found from any link."""

import pytest

from assessment import services
from assessment.models import Assessment
from tests.factories import make_assessment, step_post_data
from tests.html import checked_values, elements
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db


def assess_again(client, assessment) -> Assessment:
    response = client.post(f"/a/{assessment.token}/again/")
    assert response.status_code == 302
    token = response["Location"].split("/")[-2]
    return Assessment.objects.get(token=token)


def finish_with(retake: Assessment, answers: dict) -> Assessment:
    services.assessment_save_answers(assessment=retake, answers=answers)
    services.assessment_complete(assessment=retake)
    retake.refresh_from_db()
    return retake


def test_assess_again_prefills_every_step_with_the_previous_answers(client):
    before = make_assessment(profile="combative", complete=True)
    retake = assess_again(client, before)
    assert retake.pk != before.pk and retake.answers == {}
    page = client.get(f"/a/{retake.token}/step/2/").content.decode()
    assert checked_values(page, "frequency") == {"several_weekly"}
    assert checked_values(page, "networks") == set(PROFILES["combative"]()["networks"])
    assert "Questions pré-remplies avec vos réponses du" in page


def test_a_prefilled_step_counts_only_once_the_company_goes_on(client, questionnaire):
    before = make_assessment(profile="combative", complete=True)
    retake = assess_again(client, before)
    # Nothing is answered until a step is sent: the private link leads to the first step.
    assert client.get(f"/a/{retake.token}/")["Location"] == f"/a/{retake.token}/step/1/"
    answers = PROFILES["combative"]()
    client.post(f"/a/{retake.token}/step/1/", step_post_data(questionnaire, 1, answers))
    assert client.get(f"/a/{retake.token}/")["Location"] == f"/a/{retake.token}/step/2/"
    assert client.get(f"/a/{retake.token}/results/").status_code == 302


def test_a_confirmed_step_shows_what_the_company_saved_not_the_previous_answer(
    client, questionnaire
):
    before = make_assessment(profile="combative", complete=True)
    retake = assess_again(client, before)
    answers = {**PROFILES["combative"](), "frequency": "daily"}
    client.post(f"/a/{retake.token}/step/2/", step_post_data(questionnaire, 2, answers))
    page = client.get(f"/a/{retake.token}/step/2/").content.decode()
    assert checked_values(page, "frequency") == {"daily"}
    assert "pré-remplies" not in page


def test_assess_again_twice_continues_the_retake_under_way(client):
    before = make_assessment(profile="combative", complete=True)
    assert assess_again(client, before) == assess_again(client, before)


def test_an_unfinished_assessment_is_not_retaken(client):
    unfinished = make_assessment(profile="combative")
    response = client.post(f"/a/{unfinished.token}/again/")
    assert response["Location"] == f"/a/{unfinished.token}/"
    assert Assessment.objects.count() == 1


def test_a_workshops_answers_are_not_retaken_from_the_link(client):
    agreed = make_assessment(profile="combative", complete=True)
    Assessment.objects.filter(pk=agreed.pk).update(origin="consensus")
    assert client.post(f"/a/{agreed.token}/again/").status_code == 404


def test_the_results_show_what_moved_since_the_previous_assessment(client):
    before = make_assessment(profile="combative", complete=True)
    after = finish_with(assess_again(client, before), PROFILES["pioneers"]())
    page = client.get(f"/en/a/{after.token}/results/").content.decode()
    assert "Since your previous assessment" in page
    assert "What we recommended last time" in page
    assert "acted on" in page
    # The progress chart, from the second finished assessment on.
    assert elements(page, "svg", **{"class": "chart chart-progress"})


def test_the_first_screen_says_how_far_the_overall_score_moved(client):
    before = make_assessment(profile="combative", complete=True)
    after = finish_with(assess_again(client, before), PROFILES["pioneers"]())
    moved = after.overall_score - before.overall_score
    assert moved > 0
    page = client.get(f"/en/a/{after.token}/results/").content.decode()
    summary = page.split('<header class="results-summary')[1].split("</header>")[0]
    [line] = elements(summary, "p", **{"class": "summary-change mt-2 mb-0"})
    assert f"Overall score: +{moved} since your assessment of" in summary
    # Back to the first answers: the same change, downwards, in French.
    again = finish_with(assess_again(client, after), PROFILES["combative"]())
    page = client.get(f"/a/{again.token}/results/").content.decode()
    assert f"Score global\u00a0: -{moved} depuis votre diagnostic du" in page


def test_a_first_assessment_shows_no_progress(client):
    first = make_assessment(profile="combative", complete=True)
    page = client.get(f"/en/a/{first.token}/results/").content.decode()
    assert "Since your previous assessment" not in page
    assert not elements(page, "svg", **{"class": "chart chart-progress"})


def test_the_earlier_results_compare_with_nothing_that_came_after(client):
    before = make_assessment(profile="combative", complete=True)
    finish_with(assess_again(client, before), PROFILES["pioneers"]())
    page = client.get(f"/en/a/{before.token}/results/").content.decode()
    assert "Since your previous assessment" not in page


def test_every_assessment_of_the_company_is_found_from_any_private_link(client):
    before = make_assessment(profile="combative", complete=True)
    after = finish_with(assess_again(client, before), PROFILES["pioneers"]())
    stranger = make_assessment(profile="casual", complete=True)
    for token in (before.token, after.token):
        page = client.get(f"/en/a/{token}/results/").content.decode()
        listed = {
            href.split("/")[-2]
            for href in (a["href"] for a in elements(page, "a"))
            if href and href.startswith("/en/a/") and href.count("/") == 4
        }
        assert {before.token, after.token} <= listed
        assert stranger.token not in listed


def test_all_of_a_companys_assessments_are_deleted_together_and_no_other(client):
    before = make_assessment(profile="combative", complete=True)
    after = finish_with(assess_again(client, before), PROFILES["pioneers"]())
    under_way = assess_again(client, after)
    stranger = make_assessment(profile="casual", complete=True)
    # The page asks first.
    assert client.get(f"/a/{after.token}/delete-all/").status_code == 200
    assert Assessment.objects.count() == 4
    client.post(f"/a/{after.token}/delete-all/")
    assert list(Assessment.objects.all()) == [stranger]
    assert not Assessment.objects.filter(pk=under_way.pk).exists()


def test_an_unfinished_assessment_is_deleted_from_its_steps(client):
    unfinished = make_assessment(profile="combative")
    page = client.get(f"/a/{unfinished.token}/step/3/").content.decode()
    [link] = elements(page, "a", **{"class": "delete-unfinished"})
    assert link["href"] == f"/a/{unfinished.token}/delete/"
    confirmation = client.get(link["href"]).content.decode()
    assert "Supprimer définitivement" in confirmation
    assert Assessment.objects.filter(pk=unfinished.pk).exists()
    client.post(link["href"])
    assert not Assessment.objects.filter(pk=unfinished.pk).exists()


def test_the_privacy_page_says_where_an_unfinished_assessment_is_deleted(client):
    page = client.get("/en/privacy/").content.decode()
    assert "on any step of the questionnaire, the link “Delete these answers”" in page


def test_a_workshops_answers_are_not_deleted_with_the_company_from_the_link(client):
    agreed = make_assessment(profile="combative", complete=True)
    Assessment.objects.filter(pk=agreed.pk).update(origin="consensus")
    assert client.get(f"/a/{agreed.token}/delete-all/").status_code == 404
    assert client.post(f"/a/{agreed.token}/delete-all/").status_code == 404
    assert Assessment.objects.filter(pk=agreed.pk).exists()
