"""What the projected screen, the workshop report, the consensus form and the export say about a
small group built by hand: roles of one, two and three, a tie, a split by role, and people who
do not know."""

import html
import io

import pandas as pd
import pytest
from django.utils.html import strip_tags
from pypdf import PdfReader

from assessment.reports.pdf import assessment_report_pdf
from assessment.selectors import assessment_report
from assessment.workshops import selectors, services
from tests.profiles import PROFILES
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def transport_company(client, questionnaire, workshop):
    """Six people: management "ahead" twice, sales "behind" twice, marketing and another in step;
    sales do not know the budget, the four others give it."""
    people = [
        ("management", {"tempo": "ahead"}),
        ("management", {"tempo": "ahead"}),
        ("sales", {"tempo": "late", "external_budget": "dont_know"}),
        ("sales", {"tempo": "late", "external_budget": "dont_know"}),
        ("marketing", {"tempo": "in_step"}),
        ("other", {"tempo": "in_step"}),
    ]
    for number, (role, answers) in enumerate(people, start=1):
        answer_everything(client, questionnaire, join(workshop, f"p{number}", role), **answers)


def split_room(client, questionnaire, workshop):
    """Three managers who say "ahead", three salespeople who say "behind"."""
    for number in range(1, 4):
        answer_everything(
            client, questionnaire, join(workshop, f"m{number}", "management"), tempo="ahead"
        )
        answer_everything(
            client, questionnaire, join(workshop, f"s{number}", "sales"), tempo="late"
        )


def facilitator_page(client, alice, workshop):
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    return " ".join(html.unescape(page).split())


def agreed_report_text(workshop) -> str:
    """The workshop closed, its agreed answers recorded, and their French PDF read back."""
    services.workshop_close(workshop=workshop)
    workshop.refresh_from_db()
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    pdf = assessment_report_pdf(assessment_report(agreed), "fr")
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def agenda_of(page):
    """The agenda's text, as read on the screen."""
    start = page.index(">", page.index('class="agenda"')) + 1
    return " ".join(strip_tags(page[start : page.index("</ol>", start)]).split())


def test_roles_of_one_and_two_are_never_shown_and_the_page_says_why(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    page = facilitator_page(client, alice, workshop)
    agenda = agenda_of(page)
    for role in ("Management (", "Sales (", "Marketing and communication (", "Other roles ("):
        assert role not in agenda
    assert "A role is shown on its own only when at least 3 of its members answered" in page


def test_the_question_the_roles_are_furthest_apart_on_leads_the_agenda(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    agenda = agenda_of(facilitator_page(client, alice, workshop))
    tempo = questionnaire.question("tempo").label.in_language("en")
    assert agenda.startswith(tempo)
    assert "From “Behind the times” to “Ahead”: the two ends of the scale." in agenda


def test_the_room_is_told_who_does_not_know_not_that_nobody_knows(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    page = facilitator_page(client, alice, workshop)
    assert "Nobody" not in page
    budget = questionnaire.question("external_budget").label.in_language("en")
    assert f"{budget} — 2 of 6 do not know; 4 know." in page


def test_a_role_of_three_shows_its_leaning_and_the_split(client, alice, questionnaire, workshop):
    split_room(client, questionnaire, workshop)
    agenda = agenda_of(facilitator_page(client, alice, workshop))
    assert "Management (3): mostly “Ahead”" in agenda
    assert "Sales (3): mostly “Behind the times”" in agenda
    assert "the two ends of the scale. The roles split." in agenda


def test_the_workshop_report_keeps_the_same_rules(client, alice, questionnaire, workshop):
    transport_company(client, questionnaire, workshop)
    text = agreed_report_text(workshop)
    assert "Ce que la salle ne sait pas" in text
    assert "2 sur 6 ne savent pas ; 4 savent." in text
    assert (
        "De « En retard sur votre temps » à « En avance » : les deux extrémités de l'échelle."
        in text
    )
    assert "Personne dans la salle" not in text
    for role in ("Direction (", "Commercial (", "Marketing et communication ("):
        assert role not in text


def test_the_consensus_proposes_from_those_who_know_and_leaves_a_tie_open(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    page = " ".join(html.unescape(page).split())
    # The budget: the four who know gave the combative company's amount; two did not know.
    workshop.refresh_from_db()
    start = selectors.workshop_consensus_start(workshop)
    assert start["external_budget"] == "2_10k"
    assert "tempo" not in start
    # The tempo: two "behind", two "in step", two "ahead": left to the room.
    tempo = questionnaire.question("tempo").label.in_language("en")
    tempo_card = page[page.index(tempo) - 600 : page.index(tempo)]
    assert "Open: no answer has a majority of those who know." in tempo_card
    # The agenda's questions come first.
    networks = questionnaire.question("networks").label.in_language("en")
    assert page.index(tempo) < page.index(networks)
    assert "What the group answered (6 people):" in page


def test_a_lone_role_is_exported_under_other_roles_and_dissent_is_exported(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    services.workshop_close(workshop=workshop)
    workshop.refresh_from_db()
    services.workshop_record_consensus(
        workshop=workshop,
        answers=PROFILES["combative"](),
        dissent_notes={"tempo": "Sales see us behind."},
        language="en",
    )
    client.force_login(alice)
    frame = pd.read_csv(
        io.BytesIO(client.get(f"/en/consultant/workshops/{workshop.pk}/answers.csv").content),
        encoding="utf-8-sig",
    )
    # Every role has fewer than three people: all are exported alike.
    people = frame[frame.respondent.astype(str) != "agreed"]
    assert set(people.role) == {"Other roles"}
    notes = frame[(frame.respondent == "agreed") & (frame.question_id == "tempo")].dissent_note
    assert list(notes) == ["Sales see us behind."]


def test_a_role_that_does_not_know_is_not_shown_as_answering_i_dont_know(
    client, alice, questionnaire, workshop
):
    split_room(client, questionnaire, workshop)
    for participant in workshop.participants.filter(role="sales"):
        participant.assessment.answers["external_budget"] = "dont_know"
        participant.assessment.save()
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    page = " ".join(strip_tags(html.unescape(page)).split())
    assert "Sales (3): does not know" in page
    assert "mostly “I don't know”" not in page


def test_roles_are_not_listed_where_the_whole_room_gave_the_same_answer(
    client, alice, questionnaire, workshop
):
    split_room(client, questionnaire, workshop)
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    networks = questionnaire.question("networks").label.in_language("en")
    card = page[page.index(networks) : page.index("Note a dissent", page.index(networks))]
    assert "by-role" not in card


def test_the_role_that_knows_is_named_on_screen_and_in_the_report_from_three_people(
    client, alice, questionnaire, workshop
):
    # Marketing (three) gives the budget; sales (three) do not know it.
    for number in range(1, 4):
        answer_everything(client, questionnaire, join(workshop, f"m{number}", "marketing"))
        answer_everything(
            client,
            questionnaire,
            join(workshop, f"s{number}", "sales"),
            external_budget="dont_know",
        )
    page = facilitator_page(client, alice, workshop)
    budget = questionnaire.question("external_budget").label.in_language("en")
    assert (
        f"{budget} — 3 of 6 do not know; 3 know. "
        "Among them, everyone in: Marketing and communication." in page
    )
    text = agreed_report_text(workshop)
    assert (
        "3 sur 6 ne savent pas ; 3 savent. "
        "Parmi eux, tous les membres de : Marketing et communication." in text
    )


def test_a_lone_person_who_knows_is_never_named(client, alice, questionnaire, workshop):
    transport_company(client, questionnaire, workshop)
    page = facilitator_page(client, alice, workshop)
    assert "Among them" not in page


def test_the_projector_says_why_a_role_is_not_shown_on_each_agenda_slide(
    client, alice, questionnaire, workshop
):
    transport_company(client, questionnaire, workshop)
    facilitator_page(client, alice, workshop)
    slides = client.get(f"/en/consultant/workshops/{workshop.pk}/present/").content.decode()
    agenda_slides = slides.count('class="slide slide-item"')
    assert agenda_slides >= 1
    rule = "A role is shown on its own only when at least 3 of its members answered"
    assert slides.count(rule) == agenda_slides


def test_in_named_mode_the_projector_does_not_claim_that_no_answer_stands_out(
    client, alice, questionnaire, workshop
):
    workshop.named_mode = True
    workshop.save()
    transport_company(client, questionnaire, workshop)
    facilitator_page(client, alice, workshop)
    slides = client.get(f"/en/consultant/workshops/{workshop.pk}/present/").content.decode()
    assert 'class="slide slide-item"' in slides
    assert "so that no view shown rests on one or two people" not in slides
