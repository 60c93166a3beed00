"""A failed step says so in its title, sums the errors up with a link to each question, and puts
each message inside its question, named by it: what a screen reader reads with the question."""

import pytest

from tests.factories import make_assessment, step_post_data
from tests.html import elements, ids, text_of
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db


def failed_step_one(client, questionnaire, language="", missing=("headcount", "sector")):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    for name in missing:
        del data[name]
    prefix = f"/{language}" if language else ""
    response = client.post(f"{prefix}/a/{assessment.token}/step/1/", {**data, "next": "1"})
    assert response.status_code == 200
    return response.content.decode()


def title(content):
    return content.split("<title>", 1)[1].split("</title>", 1)[0]


def test_the_title_says_there_is_an_error_in_french_with_a_non_breaking_space(
    client, questionnaire
):
    assert title(failed_step_one(client, questionnaire)).startswith(
        "Erreur\u00a0: Votre entreprise"
    )


def test_the_title_says_there_is_an_error_in_english(client, questionnaire):
    assert title(failed_step_one(client, questionnaire, "en")).startswith("Error: Your company")


def test_a_step_without_error_has_no_error_in_its_title(client):
    content = client.get(f"/a/{make_assessment().token}/step/1/").content.decode()
    assert "Erreur" not in title(content)
    assert elements(content, "section", id="form-errors") == []


def test_the_summary_takes_focus_and_links_to_each_question_in_error(client, questionnaire):
    content = failed_step_one(client, questionnaire)
    (summary,) = elements(content, "section", id="form-errors")
    assert "autofocus" in summary and summary["tabindex"] == "-1"
    assert text_of(content, "form-errors-title") == "Il y a un problème"
    hrefs = [a["href"] for a in elements(content, "a") if a["href"].startswith("#id_")]
    # Each link leads to the first answer of its question, in the page's order.
    assert hrefs == ["#id_headcount_0", "#id_sector_0"]
    assert "Effectif" in text_of(content, "form-errors")
    assert "Secteur d'activité" in text_of(content, "form-errors")


def test_each_message_is_inside_its_question_and_named_by_it(client, questionnaire):
    content = failed_step_one(client, questionnaire)
    for name in ("headcount", "sector"):
        assert "Merci de répondre à cette question." in text_of(content, f"id_{name}_error")
        # The message is in the question's card, not after it.
        assert f"id_{name}_error" in ids_in_question(content, name)
        (fieldset,) = [
            f
            for f in elements(content, "fieldset")
            if f"id_{name}_error" in (f.get("aria-describedby") or "").split()
        ]
        for named in fieldset["aria-describedby"].split():
            assert named in ids(content)
        answers = elements(content, "input", name=name)
        assert answers and all(a.get("aria-invalid") == "true" for a in answers)


def test_a_question_answered_is_neither_invalid_nor_described_by_an_error(client, questionnaire):
    content = failed_step_one(client, questionnaire)
    assert all("aria-invalid" not in a for a in elements(content, "input", name="market"))
    assert "id_market_error" not in ids(content)


def test_a_text_answer_in_error_names_its_message(client, questionnaire):
    assessment = make_assessment()
    data = {**step_post_data(questionnaire, 1, PROFILES["casual"]()), "company_name": "x" * 500}
    content = client.post(f"/a/{assessment.token}/step/1/", {**data, "next": "1"}).content.decode()
    (field,) = elements(content, "input", name="company_name")
    assert field["aria-invalid"] == "true"
    assert "id_company_name_error" in field["aria-describedby"].split()
    assert "caractères" in text_of(content, "id_company_name_error")


def test_two_questions_never_share_a_help_text(client):
    content = client.get(f"/a/{make_assessment().token}/step/1/").content.decode()
    described = [
        f["aria-describedby"] for f in elements(content, "fieldset") if f.get("aria-describedby")
    ]
    assert described, "no question of step 1 has a help text any more"
    assert len(described) == len(set(described))
    assert all(name in ids(content) for name in described)


def ids_in_question(content, name):
    """The ids inside one question's card (the cards follow one another, then the buttons)."""
    start = content.index(f'id="q-{name}"')
    end = min(
        i for i in (content.find('id="q-', start + 1), content.find("step-actions", start)) if i > 0
    )
    return ids(content[start:end])
