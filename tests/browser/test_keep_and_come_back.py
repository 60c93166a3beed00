"""A company on a phone keeps its private link and comes back: copies the link in one tap,
receives it by e-mail (read back from a real SMTP server), then assesses itself again with its
previous answers pre-filled and sees what moved. Both languages, at 390 px.

With SCREENSHOT_DIR set, the screens a company sees are saved there to be looked at.
"""

import os
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from assessment.domain.questionnaire import MULTI, load_questionnaire
from tests.browser.chromium import PHONE, chromium, exact_size
from tests.browser.test_questionnaire import (
    answer_step,
    assert_no_horizontal_scroll,
    click,
    click_and_wait,
    next_step,
)
from tests.html import checked_values
from tests.mailbox import plain_text
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "fr": {
        "copied": "Lien copié",
        "send": "Recevoir le lien par e-mail",
        "subject": "Votre lien privé vers l'autodiagnostic réseaux sociaux",
        "again": "Refaire le diagnostic",
        "prefilled": "Questions pré-remplies avec vos réponses du",
        "since": "Depuis votre diagnostic précédent",
        "acted": "mise en œuvre",
    },
    "en": {
        "copied": "Link copied",
        "send": "E-mail me the link",
        "subject": "Your private link to the social-media self-assessment",
        "again": "Assess again",
        "prefilled": "Pre-filled with your answers from",
        "since": "Since your previous assessment",
        "acted": "acted on",
    },
}


def change_answers(driver, section, answers):
    """Answer over a pre-filled step: a check box the new answers do not hold is unticked."""
    for question in section.questions:
        if question.kind != MULTI or question.id not in answers:
            continue
        for box in driver.find_elements(By.CSS_SELECTOR, f'input[name="{question.id}"]'):
            if box.is_selected() and box.get_attribute("value") not in answers[question.id]:
                click(driver, box)
    answer_step(driver, section, answers)


def shoot(driver, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        driver.save_screenshot(os.path.join(folder, f"{name}.png"))


def on_first_screen(driver, element) -> bool:
    """Wholly inside the viewport as the page opens, without scrolling."""
    driver.execute_script("window.scrollTo(0, 0)")
    box = driver.execute_script("return arguments[0].getBoundingClientRect()", element)
    height = driver.execute_script("return window.innerHeight")
    return box["top"] >= 0 and box["bottom"] <= height


def clipboard(driver) -> str:
    return driver.execute_async_script(
        "const done = arguments[0];"
        "navigator.clipboard.readText().then(done, (error) => done('refused: ' + error));"
    )


def copy_the_link(driver, language):
    field = driver.find_element(By.ID, "private-link")
    button = driver.find_element(By.CSS_SELECTOR, "button.copy-link")
    assert on_first_screen(driver, field) and on_first_screen(driver, button)
    click(driver, button)
    feedback = driver.find_element(By.CSS_SELECTOR, ".copy-feedback")
    # The clipboard answers asynchronously: the feedback follows when it has.
    WebDriverWait(driver, 5).until(lambda d: feedback.text)
    assert feedback.text == WORDS[language]["copied"]
    assert clipboard(driver) == field.get_attribute("value")
    return field.get_attribute("value")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_company_keeps_its_link_and_comes_back_to_see_what_moved(
    live_server, smtp_server, language
):
    words = WORDS[language]
    questionnaire = load_questionnaire()
    with chromium(*PHONE, language=f"{language}-FR") as driver:
        exact_size(driver, *PHONE)
        origin = live_server.url
        driver.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )
        driver.get(origin + ("/en/" if language == "en" else "/"))
        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button')
        )
        shoot(driver, f"{language}-step-1")

        # One tap copies the link, which opens this very assessment.
        link = copy_the_link(driver, language)
        assert re.fullmatch(re.escape(origin) + r"(/en)?/a/[\w-]{40,}/", link)

        # The link by e-mail, in the page's language, read back from the SMTP server.
        click(driver, driver.find_element(By.CSS_SELECTOR, ".email-link summary"))
        assert driver.find_element(By.CSS_SELECTOR, ".email-link summary").text == words["send"]
        driver.find_element(By.ID, "id_email").send_keys("marie@usinage-martin.fr")
        shoot(driver, f"{language}-email-form")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".email-link button"))
        [message] = smtp_server.wait_for(1)
        assert message["Subject"].strip() == words["subject"]
        assert link in plain_text(message)
        assert "marie@usinage-martin.fr" in driver.find_element(By.TAG_NAME, "main").text
        shoot(driver, f"{language}-email-sent")

        # The first assessment, to its results: the link is on their first screen too.
        answers = PROFILES["combative"]()
        for section in questionnaire.sections:
            answer_step(driver, section, answers)
            next_step(driver)
        assert "/results/" in driver.current_url
        copy_the_link(driver, language)
        shoot(driver, f"{language}-results-first")

        # Assess again: every step comes pre-filled, and is confirmed by going on.
        again = driver.find_element(By.XPATH, f"//button[normalize-space()='{words['again']}']")
        click_and_wait(driver, again)
        improved = PROFILES["pioneers"]()
        for number, section in enumerate(questionnaire.sections, start=1):
            page = driver.page_source
            assert words["prefilled"] in page
            if number == 2:
                assert checked_values(page, "frequency") == {answers["frequency"]}
                shoot(driver, f"{language}-retake-step-2")
            assert_no_horizontal_scroll(driver)
            change_answers(driver, section, improved)
            next_step(driver)

        # The results say what moved, with the chart of both assessments.
        assert "/results/" in driver.current_url
        since = driver.find_element(By.ID, "since")
        assert words["since"] in since.text
        assert words["acted"] in since.text
        assert since.find_element(By.CSS_SELECTOR, "svg.chart-progress")
        assert_no_horizontal_scroll(driver)
        shoot(driver, f"{language}-results-again")
        driver.execute_script("arguments[0].scrollIntoView()", since)
        shoot(driver, f"{language}-results-since")
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "keep"))
        shoot(driver, f"{language}-results-keep")


def test_without_a_script_the_link_is_a_field_to_select(live_server):
    with chromium(*PHONE) as driver:
        exact_size(driver, *PHONE)
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(live_server.url + "/")
        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button')
        )
        field = driver.find_element(By.ID, "private-link")
        assert field.get_attribute("readonly") and "/a/" in field.get_attribute("value")
        # The button that needs the script stays out of sight rather than doing nothing.
        assert not driver.find_element(By.CSS_SELECTOR, "button.copy-link").is_displayed()
