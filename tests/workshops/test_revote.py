"""Voting again on one question after the discussion: the phones show that question alone, the
first answers stay, and the before and after are kept side by side on screen, in the report and
in the deck."""

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from assessment.reports.pdf import assessment_report_pdf
from assessment.selectors import assessment_report
from assessment.workshops import services
from assessment.workshops.models import Revote
from tests.profiles import PROFILES
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def room(client, questionnaire, workshop):
    phones = []
    for number, tempo in enumerate(("late", "late", "ahead", "ahead")):
        participant = join(workshop, f"p{number}")
        answer_everything(client, questionnaire, participant, tempo=tempo)
        phones.append(participant)
    services.workshop_reveal(workshop=workshop)
    return phones


def vote_again(client, participant, revote, answer):
    return client.post(
        f"/en/a/{participant.assessment.token}/revote/",
        {"revote": revote.pk, "answer": answer},
        HTTP_HX_REQUEST="true",
    )


def test_a_revote_shows_that_question_alone_on_the_phones(client, alice, questionnaire, workshop):
    phones = room(client, questionnaire, workshop)
    phone = f"/en/a/{phones[0].assessment.token}/revote/"
    assert "asks this question again" not in client.get(phone).content.decode()
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    client.logout()
    page = client.get(phone).content.decode()
    assert "The facilitator asks this question again" in page
    assert page.count('name="answer"') == len(questionnaire.question("tempo").options)


def test_the_second_round_is_kept_beside_the_first_which_stays(
    client, alice, questionnaire, workshop
):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    revote = Revote.objects.get()
    assert revote.before == {"late": 2, "ahead": 2}
    for phone, answer in zip(phones, ("in_step", "in_step", "in_step", "ahead"), strict=True):
        assert (
            "Your second answer is in" in vote_again(client, phone, revote, answer).content.decode()
        )
    changed = vote_again(client, phones[3], revote, "in_step").content.decode()  # while open
    assert 'value="in_step" id="revote-in_step" checked' in changed
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "4 of 4 answered again." in page
    client.post(f"/consultant/workshops/{workshop.pk}/revote/close/")
    page = " ".join(client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode().split())
    assert "Before (4)" in page and "After (4)" in page
    assert '<th scope="row">In step with the times</th><td class="text-end">0' in page
    phones[0].assessment.refresh_from_db()
    assert phones[0].assessment.answers["tempo"] == "late"  # the first answer stays


def test_a_closed_revote_takes_no_more_answers(client, alice, questionnaire, workshop):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    client.post(f"/consultant/workshops/{workshop.pk}/revote/close/")
    revote = Revote.objects.get()
    page = vote_again(client, phones[0], revote, "ahead").content.decode()
    assert not revote.answers.exists()
    assert "asks this question again" not in page


def test_an_answer_that_is_not_an_option_is_refused_with_a_message(
    client, alice, questionnaire, workshop
):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    revote = Revote.objects.get()
    page = vote_again(client, phones[0], revote, "<script>").content.decode()
    assert "Choose one of the answers" in page
    assert not revote.answers.exists()


@pytest.mark.parametrize("question", ["networks", "company_name", "nope"])
def test_only_a_single_choice_is_voted_again(client, alice, questionnaire, workshop, question):
    room(client, questionnaire, workshop)
    client.force_login(alice)
    response = client.post(
        f"/en/consultant/workshops/{workshop.pk}/revote/", {"question": question}, follow=True
    )
    assert "Only a question with one answer can be voted again" in response.content.decode()
    assert not Revote.objects.exists()


def test_only_the_consultancy_opens_a_revote(client, charlie, questionnaire, workshop):
    room(client, questionnaire, workshop)
    client.force_login(charlie)
    response = client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    assert response.status_code == 404
    assert not Revote.objects.exists()


def test_the_before_and_after_reach_the_report_and_the_deck(client, alice, questionnaire, workshop):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    revote = Revote.objects.get()
    for phone in phones:
        vote_again(client, phone, revote, "in_step")
    client.post(f"/consultant/workshops/{workshop.pk}/revote/close/")
    deck = Presentation(
        io.BytesIO(client.get(f"/en/consultant/workshops/{workshop.pk}/deck.pptx").content)
    )
    [chart] = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart][
        -1:
    ]
    assert [s.name for s in chart.plots[0].series] == ["Before (4)", "After (4)"]
    assert list(chart.plots[0].series[1].values) == [0, 4, 0]
    services.workshop_close(workshop=workshop)
    workshop.refresh_from_db()
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    pdf = assessment_report_pdf(assessment_report(agreed), "fr")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Second vote, après la discussion" in text
    assert "Avant (4)" in text and "Après (4)" in text


def test_a_phone_asking_for_a_revote_costs_few_queries(
    client, alice, questionnaire, workshop, django_assert_max_num_queries
):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    client.logout()
    # The assessment with its participant and workshop, the open re-vote, the phone's answer.
    with django_assert_max_num_queries(4):
        client.get(f"/en/a/{phones[0].assessment.token}/revote/")


def test_the_second_answers_stay_hidden_while_the_vote_is_open(
    client, alice, questionnaire, workshop
):
    phones = room(client, questionnaire, workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/revote/", {"question": "tempo"})
    revote = Revote.objects.get()
    vote_again(client, phones[0], revote, "in_step")
    client.force_login(alice)
    for path in ("", "present/slides/"):
        page = " ".join(
            client.get(f"/en/consultant/workshops/{workshop.pk}/{path}").content.decode().split()
        )
        assert "1 of 4 answered again." in page
        assert "After (" not in page
    client.post(f"/consultant/workshops/{workshop.pk}/revote/close/")
    slides = client.get(f"/en/consultant/workshops/{workshop.pk}/present/slides/").content.decode()
    assert "After (1)" in slides
