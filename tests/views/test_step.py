import pytest

from assessment.domain.questionnaire import TEXT_MAX_LENGTH
from tests.factories import make_assessment, step_post_data
from tests.html import checked_values
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db


def url(assessment, number, language=""):
    prefix = f"/{language}" if language else ""
    return f"{prefix}/a/{assessment.token}/step/{number}/"


def test_it_shows_the_step_questions_in_french(client):
    assessment = make_assessment()
    content = client.get(url(assessment, 1)).content.decode()
    assert "Votre entreprise" in content
    assert "Effectif" in content
    assert "Étape 1 sur 6" in content


def test_it_shows_the_step_questions_in_english(client):
    assessment = make_assessment()
    content = client.get(url(assessment, 1, "en")).content.decode()
    assert "Your company" in content and "Headcount" in content


def test_it_prefills_saved_answers(client, questionnaire):
    assessment = make_assessment(profile="combative")
    content = client.get(url(assessment, 2)).content.decode()
    assert checked_values(content, "frequency") == {"several_weekly"}
    assert checked_values(content, "networks") == set(PROFILES["combative"]()["networks"])


def test_an_unanswered_question_is_not_prefilled(client, questionnaire):
    assessment = make_assessment()
    content = client.get(url(assessment, 2)).content.decode()
    assert checked_values(content, "frequency") == set()


def test_it_saves_a_valid_step_and_goes_on(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    response = client.post(url(assessment, 1), {**data, "next": "1"})
    assert response.status_code == 302
    assert response["Location"] == url(assessment, 2)
    assessment.refresh_from_db()
    assert assessment.answers["sector"] == "construction"
    assert assessment.answers["company_name"] == "Bâtir Sud"


def test_an_invalid_answer_keeps_every_other_answer(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    data["sector"] = "piracy"
    response = client.post(url(assessment, 1), {**data, "next": "1"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "ne fait pas partie des choix" in content
    assessment.refresh_from_db()
    assert "sector" not in assessment.answers
    assert assessment.answers["headcount"] == "10_19"
    assert assessment.answers["market"] == "both"


def test_a_missing_answer_is_named_and_the_others_kept(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    del data["headcount"]
    response = client.post(url(assessment, 1), {**data, "next": "1"})
    assert response.status_code == 200
    assert "Merci de répondre à cette question." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.answers["sector"] == "construction"


def test_a_repeated_single_choice_is_stored_as_one_answer_never_a_list(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    data["sector"] = ["industry", "retail"]
    client.post(url(assessment, 1), {**data, "next": "1"})
    assessment.refresh_from_db()
    # Like any HTML form, the last value of a repeated field wins.
    assert assessment.answers["sector"] == "retail"


def test_100_kb_of_text_is_refused_with_a_message(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    data["company_name"] = "x" * 100_000
    response = client.post(url(assessment, 1), {**data, "next": "1"})
    assert response.status_code == 200
    assert f"moins de {TEXT_MAX_LENGTH} caractères" in response.content.decode()
    assessment.refresh_from_db()
    assert "company_name" not in assessment.answers
    assert assessment.answers["sector"] == "construction"


def test_none_combined_with_a_network_is_refused(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 2, PROFILES["casual"]())
    data["networks"] = ["none", "facebook"]
    response = client.post(url(assessment, 2), {**data, "next": "1"})
    assert response.status_code == 200
    assert "ne peut pas être combiné" in response.content.decode()


def test_unknown_fields_are_ignored(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    data["overall_score"] = "100"
    data["token"] = "stolen"
    client.post(url(assessment, 1), {**data, "next": "1"})
    assessment.refresh_from_db()
    assert "overall_score" not in assessment.answers
    assert assessment.overall_score is None


def test_previous_keeps_the_answers_given_and_goes_back(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 2, PROFILES["casual"]())
    del data["frequency"]  # not finished: going back must not be blocked
    response = client.post(url(assessment, 2), {**data, "previous": "1"})
    assert response.status_code == 302
    assert response["Location"] == url(assessment, 1)
    assessment.refresh_from_db()
    assert assessment.answers["networks"] == ["facebook"]


def test_the_last_step_completes_the_assessment(client, questionnaire):
    answers = PROFILES["pioneers"]()
    assessment = make_assessment(**{k: v for k, v in answers.items() if k != "priority"})
    data = step_post_data(questionnaire, 6, answers)
    response = client.post(url(assessment, 6), {**data, "next": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"/a/{assessment.token}/results/"
    assessment.refresh_from_db()
    assert assessment.is_complete
    assert assessment.segment == "pioneers"


def test_finishing_with_an_earlier_step_unanswered_goes_back_to_it(client, questionnaire):
    answers = PROFILES["pioneers"]()
    del answers["external_budget"]
    assessment = make_assessment(**answers)
    response = client.post(
        url(assessment, 6), {**step_post_data(questionnaire, 6, answers), "next": "1"}
    )
    assert response["Location"] == url(assessment, 3)
    assessment.refresh_from_db()
    assert not assessment.is_complete


@pytest.mark.parametrize("number", [0, 7, 99])
def test_a_step_that_does_not_exist_is_404(client, number):
    assessment = make_assessment()
    assert client.get(url(assessment, number)).status_code == 404


def test_an_unknown_token_is_404_with_a_clear_message(client):
    response = client.get("/a/not-a-real-token/step/1/")
    assert response.status_code == 404
    assert "Cette page n'existe pas" in response.content.decode()


def test_an_absurdly_long_token_is_404(client):
    assert client.get(f"/a/{'x' * 5000}/step/1/").status_code == 404


def test_another_token_never_shows_someone_elses_answers(client):
    mine = make_assessment(profile="casual")
    theirs = make_assessment(company_name="Secret Industries")
    assert "Secret Industries" not in client.get(url(mine, 1)).content.decode()
    assert "Secret Industries" in client.get(url(theirs, 1)).content.decode()


def test_it_rejects_put_and_delete(client):
    assessment = make_assessment()
    assert client.put(url(assessment, 1)).status_code == 405
    assert client.delete(url(assessment, 1)).status_code == 405


def test_too_many_fields_get_a_400_not_a_500(client):
    assessment = make_assessment()
    data = {f"field{i}": "x" for i in range(2000)}
    response = client.post(url(assessment, 1), data)
    assert response.status_code == 400


def test_changing_an_answer_after_completion_updates_the_scores(client, questionnaire):
    assessment = make_assessment(profile="combative", complete=True)
    before = assessment.overall_score
    data = step_post_data(
        questionnaire, 3, {**PROFILES["combative"](), "external_budget": "gt200k"}
    )
    client.post(url(assessment, 3), {**data, "next": "1"})
    assessment.refresh_from_db()
    assert assessment.overall_score > before


def test_a_control_character_in_the_name_is_refused_and_the_step_kept(client, questionnaire):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    data["company_name"] = "ACME\x00"
    response = client.post(url(assessment, 1), {**data, "next": "1"})
    assert response.status_code == 200
    assessment.refresh_from_db()
    assert "company_name" not in assessment.answers
    assert assessment.answers["sector"] == "construction"


def test_previous_on_the_first_step_stays_on_it(client, questionnaire):
    assessment = make_assessment()
    response = client.post(url(assessment, 1), {"previous": "1"})
    assert response["Location"] == url(assessment, 1)


def test_two_tabs_answering_different_steps_keep_both(client, questionnaire):
    from django.test import Client

    assessment = make_assessment()
    other_tab = Client()
    answers = PROFILES["combative"]()
    client.post(url(assessment, 1), {**step_post_data(questionnaire, 1, answers), "next": "1"})
    other_tab.post(url(assessment, 3), {**step_post_data(questionnaire, 3, answers), "next": "1"})
    assessment.refresh_from_db()
    assert assessment.answers["sector"] == "retail"
    assert assessment.answers["external_budget"] == "2_10k"


def test_a_double_submit_of_the_last_step_completes_once(client, questionnaire):
    answers = PROFILES["pioneers"]()
    assessment = make_assessment(**answers)
    data = {**step_post_data(questionnaire, 6, answers), "next": "1"}
    first = client.post(url(assessment, 6), data)
    assessment.refresh_from_db()
    completed_at = assessment.completed_at
    second = client.post(url(assessment, 6), data)
    assessment.refresh_from_db()
    assert first["Location"] == second["Location"] == f"/a/{assessment.token}/results/"
    assert assessment.completed_at == completed_at
