"""Notes and actions taken during the discussion: against a question, with an owner and a due
date; they go with the agreed answers, on the client's page and in the workshop's report."""

import io

import pytest
from pypdf import PdfReader

from assessment.reports.pdf import assessment_report_pdf
from assessment.selectors import assessment_report
from assessment.workshops import services
from tests.profiles import PROFILES
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def add(client, workshop, **fields):
    return client.post(
        f"/en/consultant/workshops/{workshop.pk}/notes/",
        {"question": "", "text": "", "owner": "", "due": "", **fields},
        follow=True,
    )


def test_an_action_with_an_owner_and_a_due_date_is_kept_against_its_question(
    client, alice, workshop
):
    client.force_login(alice)
    add(
        client,
        workshop,
        question="external_budget",
        text="Ask finance for the figure",
        owner="Marketing",
        due="2027-01-15",
    )
    [note] = workshop.notes.all()
    assert (note.question_id, note.owner, str(note.due), note.is_action) == (
        "external_budget",
        "Marketing",
        "2027-01-15",
        True,
    )
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Ask finance for the figure" in page and "by 15 January 2027" in page


def test_a_note_without_text_is_refused_with_a_message(client, alice, workshop):
    client.force_login(alice)
    page = add(client, workshop, owner="Sales").content.decode()
    assert "The note was not added" in page
    assert not workshop.notes.exists()


def test_a_note_about_an_unknown_question_is_refused(client, alice, workshop):
    client.force_login(alice)
    add(client, workshop, question="nope", text="x")
    assert not workshop.notes.exists()


def test_only_the_consultancy_adds_or_deletes_notes(client, alice, charlie, workshop):
    client.force_login(charlie)
    assert add(client, workshop, text="x").status_code == 404
    note = services.workshop_add_note(workshop=workshop, question_id="", text="kept")
    response = client.post(f"/consultant/workshops/{workshop.pk}/notes/{note.pk}/delete/")
    assert response.status_code == 404
    assert workshop.notes.count() == 1


def test_notes_reach_the_consensus_the_client_page_and_the_report(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_add_note(
        workshop=workshop, question_id="strategy", text="Write the one-page strategy", owner="Léa"
    )
    services.workshop_add_note(workshop=workshop, question_id="", text="Great energy in the room")
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    consensus = client.get(f"/en/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    assert "Write the one-page strategy" in consensus and "Great energy in the room" in consensus
    client_page = client.get(f"/en/consultant/clients/{workshop.client.pk}/").content.decode()
    assert "Write the one-page strategy" in client_page
    assert "Great energy in the room" not in client_page  # a note is not an action
    workshop.refresh_from_db()
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    pdf = assessment_report_pdf(assessment_report(agreed), "fr")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Notes et actions de l'atelier" in text
    assert "Action : Write the one-page strategy — Léa" in text
    # The room's actions open the action plan.
    plan = text[text.index("Plan d'action") :]
    assert plan.index("Décidé en atelier") < plan.index("Write the one-page strategy — Léa")
    assert plan.index("Write the one-page strategy") < plan.index("Les 90 premiers jours")


def test_the_notes_are_final_once_the_answers_are_agreed(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    note = services.workshop_add_note(workshop=workshop, question_id="", text="kept")
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="en"
    )
    workshop.refresh_from_db()
    client.force_login(alice)
    assert "are final" in add(client, workshop, text="late").content.decode()
    client.post(f"/consultant/workshops/{workshop.pk}/notes/{note.pk}/delete/")
    assert [n.text for n in workshop.notes.all()] == ["kept"]
