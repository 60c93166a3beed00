"""A company's own team in real Chromium at 390 px: the owner invites three colleagues from its
results, each answers alone on a phone, the owner reads the spread with a lone role pooled and
records the agreed answers, which become the company's next assessment.

With SCREENSHOT_DIR set, the owner's screens are saved there at 390 and 1280 px."""

import os

import pytest
from selenium.webdriver.common.by import By

from assessment.domain.questionnaire import load_questionnaire
from assessment.history import company_history
from assessment.teams.models import Team
from tests.browser.chromium import DESKTOP, PHONE, chromium, exact_size, full_page_screenshot
from tests.browser.test_questionnaire import (
    answer_step,
    assert_no_horizontal_scroll,
    click,
    click_and_wait,
    next_step,
)
from tests.factories import make_assessment
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)


def shoot(driver, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        full_page_screenshot(driver, os.path.join(folder, f"{name}.png"))


def colleague_answers(link, role, **changes):
    """One colleague, on their own phone: the team link, a role, the whole questionnaire."""
    questionnaire = load_questionnaire()
    answers = {**PROFILES["combative"](), **changes}
    with chromium(*PHONE) as phone:
        exact_size(phone, *PHONE)
        phone.get(link)
        assert "L'ÉQUIPE DE MAISON LEFÈVRE" in phone.find_element(By.CLASS_NAME, "eyebrow").text
        assert "Personne ne voit vos réponses isolément" in phone.page_source
        assert_no_horizontal_scroll(phone)
        click(phone, phone.find_element(By.CSS_SELECTOR, f'input[name="role"][value="{role}"]'))
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button"))
        # The company is filled in from what the owner said of it.
        assert phone.find_element(By.NAME, "company_name").get_attribute("value") == (
            "Maison Lefèvre"
        )
        for section in questionnaire.sections:
            answer_step(phone, section, answers)
            next_step(phone)
        assert "/done/" in phone.current_url
        assert "Personne ne les voit isolément" in phone.page_source
        # Nothing of the team's answers on a colleague's last page.
        assert "diverge" not in phone.page_source


def test_a_team_of_four_with_a_lone_role_agrees_on_the_companys_answers(live_server):
    owner = make_assessment(profile="combative", complete=True, company_name="Maison Lefèvre")
    with chromium(*PHONE) as driver:
        exact_size(driver, *PHONE)
        driver.get(f"{live_server.url}/a/{owner.token}/results/")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#team a"))
        assert driver.find_element(By.NAME, "company_name").get_attribute("value") == (
            "Maison Lefèvre"
        )
        click(driver, driver.find_element(By.CSS_SELECTOR, 'input[value="management"]'))
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button"))
        link = driver.find_element(By.ID, "team-link").get_attribute("value")
        team = Team.objects.get()
        assert link.endswith(f"/t/{team.token}/")
        assert_no_horizontal_scroll(driver)

        # Two sales people and one in marketing: with the owner (management), four people and
        # two lone roles. Everyone rates the company's activity differently.
        colleague_answers(link, "sales", self_activity="inactive")
        driver.refresh()
        # Two answers: what the owner will see, not the answers.
        assert "À partir de 3 réponses" in driver.find_element(By.CLASS_NAME, "team-waiting").text
        colleague_answers(link, "sales", self_activity="very_active")
        colleague_answers(
            link, "marketing", self_activity="not_very_active", external_budget="dont_know"
        )

        driver.refresh()
        assert "3 collègues ont rejoint l'équipe, 3 ont terminé" in driver.page_source
        roles = driver.find_element(By.CLASS_NAME, "team-roles").text
        assert "Commercial (2)" in roles and "Direction (1)" in roles
        assert "toutes les réponses se lisent ensemble" in roles
        agenda = driver.find_element(By.CLASS_NAME, "agenda").text
        assert agenda.startswith("Sur les réseaux sociaux, votre entreprise est")
        # No role is shown apart: nobody's answer can be read off a role's.
        assert "Commercial" not in agenda and "Direction" not in agenda
        assert "Ce que votre équipe ne sait pas" in driver.page_source
        assert_no_horizontal_scroll(driver)
        shoot(driver, "team-390")

        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/close/'] button")
        )
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "a[href$='/team/agree/']"))
        # Four different ratings: no majority, so nothing is proposed and the page says so.
        open_card = driver.find_element(By.CSS_SELECTOR, ".question.on-agenda")
        assert "Tranchez avec votre équipe" in open_card.text
        assert_no_horizontal_scroll(driver)
        shoot(driver, "team-agree-390")
        click(
            driver,
            driver.find_element(By.CSS_SELECTOR, 'input[name="self_activity"][value="active"]'),
        )
        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        )

        team.refresh_from_db()
        agreed = team.agreed_assessment
        assert driver.current_url.endswith(f"/a/{agreed.token}/results/")
        assert agreed.is_complete and agreed.answers["self_activity"] == "active"
        # The company's next assessment: found again from the owner's link, with what moved.
        history = company_history(agreed)
        assert [each.pk for each in history.completed] == [owner.pk, agreed.pk]
        shoot(driver, "team-agreed-results-390")

    with chromium(*DESKTOP) as desktop:
        exact_size(desktop, *DESKTOP)
        desktop.get(f"{live_server.url}/a/{owner.token}/team/")
        assert "Le diagnostic de votre équipe" in desktop.page_source
        shoot(desktop, "team-1280")
