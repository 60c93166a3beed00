"""A whole workshop in real Chromium windows: a consultant and three phones."""

import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from assessment.domain.questionnaire import load_questionnaire
from assessment.workshops import services
from assessment.workshops.models import Workshop
from tests.browser.chromium import DESKTOP, PHONE, chromium
from tests.browser.test_questionnaire import answer_step, click, click_and_wait, next_step
from tests.profiles import PROFILES
from tests.report_worker import run_report_worker

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery"


def log_in(driver, base_url, email):
    driver.get(base_url + "/accounts/login/")
    driver.find_element(By.NAME, "username").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def join_and_answer(base_url, code, role, **changes):
    questionnaire = load_questionnaire()
    answers = {**PROFILES["combative"](), **changes}
    with chromium(*PHONE) as phone:
        phone.get(base_url + "/w/")
        phone.find_element(By.NAME, "code").send_keys(code.lower())
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button"))
        click(phone, phone.find_element(By.CSS_SELECTOR, f'input[name="role"][value="{role}"]'))
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button"))
        for section in questionnaire.sections:
            answer_step(phone, section, answers)
            next_step(phone)
        assert "/done/" in phone.current_url
        assert "vos réponses sont enregistrées" in phone.page_source


def test_a_consultant_runs_a_whole_workshop(live_server):
    services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )
    with chromium(*DESKTOP) as consultant:
        log_in(consultant, live_server.url, "alice@conseil.fr")
        click_and_wait(consultant, consultant.find_element(By.LINK_TEXT, "Nouveau client"))
        consultant.find_element(By.NAME, "name").send_keys("Maison Lefèvre")
        click_and_wait(consultant, consultant.find_element(By.CSS_SELECTOR, "main form button"))
        click_and_wait(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, "form[action$='/workshops/new/'] button"),
        )
        workshop = Workshop.objects.get()
        assert workshop.code in consultant.find_element(By.CLASS_NAME, "join-code").text

        # Three phones answer differently while the facilitator view stays open.
        join_and_answer(live_server.url, workshop.code, "management", self_activity="active")
        join_and_answer(live_server.url, workshop.code, "sales", self_activity="inactive")

        def finished(count):
            return lambda d: d.find_element(By.CSS_SELECTOR, ".live-counts .count").text == count

        WebDriverWait(consultant, 10).until(finished("2"))  # updated without a reload
        join_and_answer(
            live_server.url,
            workshop.code,
            "marketing",
            self_activity="not_very_active",
            external_budget="dont_know",
        )
        WebDriverWait(consultant, 10).until(finished("3"))
        assert "Là où vous divergez le plus" not in consultant.page_source  # still blind

        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "form[action$='/reveal/'] button")
        )
        agenda = consultant.find_element(By.CLASS_NAME, "agenda").text
        assert agenda.startswith("Sur les réseaux sociaux, votre entreprise est")
        # One person per role: no role's answer is shown, nobody is singled out.
        assert "Direction" not in agenda and "Commercial" not in agenda

        click_and_wait(consultant, consultant.find_element(By.CSS_SELECTOR, "a[href$='/close/']"))
        assert "Plus aucun téléphone ne peut rejoindre" in consultant.page_source
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        # Three different self-ratings: no majority, so the room decides and the form says so.
        open_card = consultant.find_element(By.CSS_SELECTOR, ".question.on-agenda")
        assert "La salle tranche" in open_card.text
        click(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, 'input[name="self_activity"][value="active"]'),
        )
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )
        assert "/results/" in consultant.current_url
        workshop.refresh_from_db()
        assert workshop.agreed_assessment.is_complete
        token = workshop.agreed_assessment.token
        click_and_wait(
            consultant, consultant.find_element(By.CSS_SELECTOR, f"a[href$='/a/{token}/report/']")
        )
        assert "Votre rapport est en préparation" in consultant.page_source
        run_report_worker()
        # The page looks again by itself and says the report is ready.
        WebDriverWait(consultant, 30).until(lambda d: "Votre rapport est prêt" in d.page_source)
        pdf = consultant.find_element(By.CSS_SELECTOR, "main a.btn").get_attribute("href")
        assert pdf.endswith(f"/a/{token}/report.pdf")
        with urllib.request.urlopen(pdf) as download:
            assert download.read(4) == b"%PDF"
