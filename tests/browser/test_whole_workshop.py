"""A whole 90-minute workshop in minutes, in real Chromium windows: nine phones (two roles of
three, one of two, one lone person), the reveal, the projector stepped through with the
keyboard, a re-vote answered on phones, a note with an owner and a due date, the close
confirmed, the agreed answers, and the PDF and the PPTX read back."""

import io

import pytest
from django.test import Client
from pptx import Presentation
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from assessment import services as assessment_services
from assessment.reports.pdf import assessment_report_pdf
from assessment.selectors import assessment_report
from assessment.workshops import revotes, services
from assessment.workshops.models import Membership, Workshop
from tests.browser.chromium import DESKTOP, PHONE, chromium
from tests.browser.test_questionnaire import answer_step, click, click_and_wait, next_step
from tests.browser.test_workshop import PASSWORD, log_in
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)

# Management sees the company ahead, sales behind; sales do not know the budget.
ROOM = (
    [("management", {"tempo": "ahead"})] * 3
    + [("sales", {"tempo": "late", "external_budget": "dont_know"})] * 3
    + [("marketing", {"tempo": "in_step"})] * 2
)


def visible(driver, selector):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_a_consultant_runs_a_whole_workshop_with_nine_phones(live_server):
    alice = services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )
    client = services.client_create(
        consultancy=Membership.objects.get(user=alice).consultancy, name="Transports Morel"
    )
    workshop = services.workshop_create(client=client, created_by=alice)
    for number, (role, changes) in enumerate(ROOM):
        participant = services.participant_join(
            workshop=workshop, device_key=f"p{number}", role=role, first_name="", language="fr"
        )
        assessment_services.assessment_save_answers(
            assessment=participant.assessment, answers={**PROFILES["combative"](), **changes}
        )
        assessment_services.assessment_complete(assessment=participant.assessment)
    questionnaire = workshop.participants.first().assessment.questionnaire()
    tempo = questionnaire.question("tempo").label.in_language("fr")

    with chromium(*DESKTOP) as consultant, chromium(*PHONE) as phone:
        # The ninth, the lone person of another role, answers on a real phone.
        phone.get(f"{live_server.url}/w/{workshop.code}/")
        click(phone, phone.find_element(By.CSS_SELECTOR, 'input[name="role"][value="other"]'))
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button"))
        for section in questionnaire.sections:
            answer_step(phone, section, {**PROFILES["combative"](), "tempo": "ahead"})
            next_step(phone)
        assert "/done/" in phone.current_url

        log_in(consultant, live_server.url, "alice@conseil.fr")
        consultant.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/")
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "form[action$='/reveal/'] button")
        )
        agenda = consultant.find_element(By.CLASS_NAME, "agenda").text
        assert agenda.startswith(tempo)
        assert "Direction (3) : surtout « En avance »" in agenda
        assert "Commercial (3) : surtout « En retard sur votre temps »" in agenda
        # Marketing (two) and the lone person are pooled: never shown apart.
        assert "Marketing et communication (" not in agenda

        # The projector, stepped through with the keyboard.
        consultant.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/present/")
        body = consultant.find_element(By.TAG_NAME, "body")
        assert "Les scores du groupe" in visible(consultant, ".slide")[0].text
        body.send_keys(Keys.ARROW_RIGHT)
        assert "Ce que la salle ne sait pas" in visible(consultant, ".slide")[0].text
        body.send_keys(Keys.ARROW_RIGHT)
        assert tempo in visible(consultant, ".slide")[0].text

        # A re-vote on the tempo, answered on the phone that waits on its last page.
        consultant.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/")
        click_and_wait(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, "form[action$='/revote/'] button"),
        )
        WebDriverWait(phone, 10).until(lambda d: d.find_elements(By.ID, "revote-in_step"))
        click(phone, phone.find_element(By.ID, "revote-in_step"))
        click(phone, phone.find_element(By.CSS_SELECTOR, "#revote button[type=submit]"))
        WebDriverWait(phone, 10).until(
            lambda d: "Votre seconde réponse est enregistrée" in d.page_source
        )
        # The three managers, moved by the discussion, vote again from their own phones.
        revote = revotes.open_revote(workshop)
        for participant in workshop.participants.filter(role="management"):
            revotes.revote_answer(participant=participant, revote_id=revote.pk, raw="in_step")
        consultant.refresh()
        click_and_wait(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, "form[action$='/revote/close/'] button"),
        )
        assert "Avant (9)" in consultant.page_source and "Après (4)" in consultant.page_source

        # A note with an owner, against the tempo.
        notes = consultant.find_element(By.ID, "notes")
        notes.find_element(By.CSS_SELECTOR, 'select[name="question"] option[value="tempo"]').click()
        notes.find_element(By.NAME, "text").send_keys("Comparer avec deux concurrents")
        notes.find_element(By.NAME, "owner").send_keys("Commercial")
        # The date as the browser's own date picker sets it, whatever its display format.
        consultant.execute_script(
            "arguments[0].value = '2027-01-15'", notes.find_element(By.NAME, "due")
        )
        click_and_wait(consultant, notes.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        assert (
            "Comparer avec deux concurrents — Commercial, d'ici le 15 janvier 2027"
            in consultant.find_element(By.ID, "notes").text
        )

        # Close, confirmed, then the agreed answers: the tempo is left to the room.
        click_and_wait(consultant, consultant.find_element(By.CSS_SELECTOR, "a[href$='/close/']"))
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        first = consultant.find_element(By.CSS_SELECTOR, ".question.on-agenda")
        assert "La salle tranche" in first.text and tempo in first.text
        click(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, 'input[name="tempo"][value="in_step"]'),
        )
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        assert "/results/" in consultant.current_url

    workshop = Workshop.objects.get(pk=workshop.pk)
    assert workshop.agreed_assessment.answers["tempo"] == "in_step"
    pdf = assessment_report_pdf(assessment_report(workshop.agreed_assessment), "fr")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Second vote, après la discussion" in text
    assert "Action : Comparer avec deux concurrents — Commercial, d'ici le 15 janvier 2027" in text
    assert "Direction (3) : surtout « En avance »" in text
    browser = Client()
    browser.force_login(alice)
    deck = Presentation(
        io.BytesIO(browser.get(f"/consultant/workshops/{workshop.pk}/deck.pptx").content)
    )
    slides = [
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in deck.slides
    ]
    assert any(tempo in slide and "Direction (3)" in slide for slide in slides)
    assert any("AVANT ET APRÈS LA DISCUSSION" in slide for slide in slides)
