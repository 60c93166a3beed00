"""The whole questionnaire, with the keyboard alone: Tab, arrows, Space and Enter."""

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from assessment.domain.questionnaire import load_questionnaire
from assessment.models import Assessment
from tests.browser.chromium import DESKTOP, chromium
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)

# A step has at most ~60 focusable things; past this, the walk is lost and the test says so.
MAX_TABS_PER_STEP = 200


def press(driver, *keys):
    driver.switch_to.active_element.send_keys(*keys)


def new_page(driver):
    driver.execute_script("window.__previousPage = true;")


def wait_for_new_page(driver):
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "return window.__previousPage === undefined && document.readyState === 'complete'"
        )
    )


def answer_with_keyboard(driver, answers):
    """Tab through the step; set each answer from the keyboard; press Enter on Next."""
    for _ in range(MAX_TABS_PER_STEP):
        press(driver, Keys.TAB)
        element = driver.switch_to.active_element
        name, kind = element.get_attribute("name"), element.get_attribute("type")
        if element.tag_name == "button" and name == "next":
            new_page(driver)
            press(driver, Keys.ENTER)
            wait_for_new_page(driver)
            return
        wanted = answers.get(name)
        if wanted is None:
            continue
        if kind == "radio":
            for _ in range(20):  # arrows move the choice within the group
                if driver.switch_to.active_element.get_attribute("value") == wanted:
                    break
                press(driver, Keys.ARROW_DOWN)
            if not driver.switch_to.active_element.is_selected():
                press(driver, Keys.SPACE)
        elif kind == "checkbox":
            should = element.get_attribute("value") in wanted
            if should != element.is_selected():
                press(driver, Keys.SPACE)
        elif kind == "text" and not element.get_attribute("value"):
            press(driver, wanted)
    raise AssertionError("the Next button was never reached with Tab")


def test_a_company_completes_the_assessment_with_the_keyboard_alone(live_server):
    questionnaire = load_questionnaire()
    answers = PROFILES["combative"]()
    with chromium(*DESKTOP) as driver:
        driver.get(live_server.url + "/")
        for _ in range(40):  # to the start button
            press(driver, Keys.TAB)
            if driver.switch_to.active_element.text.startswith("Commencer"):
                break
        new_page(driver)
        press(driver, Keys.ENTER)
        wait_for_new_page(driver)
        for _ in questionnaire.sections:
            answer_with_keyboard(driver, answers)
        assert "/results/" in driver.current_url
    assessment = Assessment.objects.get()
    assert assessment.is_complete

    # Multiple choices are stored in the questionnaire's order: compare them as sets.
    def normal(values):
        return {k: set(v) if isinstance(v, list) else v for k, v in values.items()}

    assert normal(assessment.answers) == normal(answers)
    assert assessment.segment == "combative"
