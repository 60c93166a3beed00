"""The whole questionnaire, walked in a real Chromium as a company would."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from assessment.domain.questionnaire import MULTI, SINGLE, TEXT, load_questionnaire
from assessment.models import Assessment
from tests.browser.chromium import DESKTOP, PHONE, chromium
from tests.profiles import PROFILES, SEGMENT_NAMES

pytestmark = pytest.mark.django_db(transaction=True)


def click(driver, element):
    # The step's buttons stick to the bottom of a phone screen: bring the element to the middle,
    # at once (Bootstrap scrolls smoothly otherwise, and the click would land mid-scroll).
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def click_and_wait(driver, element):
    """Click something that loads a new page, and wait until the new page has loaded."""
    driver.execute_script("window.__previousPage = true;")
    click(driver, element)
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "return window.__previousPage === undefined && document.readyState === 'complete'"
        )
    )


def answer_step(driver, section, answers):
    for question in section.questions:
        value = answers.get(question.id)
        if value is None:
            continue
        if question.kind == TEXT:
            field = driver.find_element(By.NAME, question.id)
            field.clear()
            field.send_keys(value)
        elif question.kind == SINGLE:
            click(
                driver,
                driver.find_element(
                    By.CSS_SELECTOR, f'input[name="{question.id}"][value="{value}"]'
                ),
            )
        elif question.kind == MULTI:
            for option in value:
                box = driver.find_element(
                    By.CSS_SELECTOR, f'input[name="{question.id}"][value="{option}"]'
                )
                if not box.is_selected():
                    click(driver, box)


def next_step(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'button[name="next"]'))


def assert_no_horizontal_scroll(driver):
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


def walk(driver, base_url, profile, language):
    questionnaire = load_questionnaire()
    answers = PROFILES[profile]()
    driver.get(base_url + ("/en/" if language == "en" else "/"))
    assert_no_horizontal_scroll(driver)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button'))
    for section in questionnaire.sections:
        assert section.title.in_language(language) in driver.find_element(By.TAG_NAME, "h1").text
        assert_no_horizontal_scroll(driver)
        answer_step(driver, section, answers)
        next_step(driver)
    return answers


@pytest.mark.parametrize(
    ("profile", "language", "size"),
    [
        ("silent_mass", "fr", PHONE),
        ("casual", "en", DESKTOP),
        ("combative", "fr", DESKTOP),
        ("pioneers", "en", PHONE),
    ],
)
def test_a_company_walks_the_questionnaire_to_its_segment(live_server, profile, language, size):
    with chromium(*size) as driver:
        walk(driver, live_server.url, profile, language)
        assert "/results/" in driver.current_url
        heading = driver.find_element(By.TAG_NAME, "h1").text
        assert SEGMENT_NAMES[language][profile] in heading
        assessment = Assessment.objects.get()
        assert assessment.is_complete and assessment.segment == profile
        score = driver.find_element(By.CSS_SELECTOR, ".score-value").text
        assert score == str(assessment.overall_score)
        radar = driver.find_element(By.CSS_SELECTOR, "svg.chart-radar")
        assert radar.size["width"] > 250
        recommendations = driver.find_elements(By.CSS_SELECTOR, ".recommendation")
        assert 3 <= len(recommendations) <= 5
        assert_no_horizontal_scroll(driver)


def test_a_company_closes_the_page_mid_way_and_resumes_from_the_private_link(live_server):
    questionnaire = load_questionnaire()
    answers = PROFILES["combative"]()
    with chromium(*PHONE) as first_visit:
        first_visit.get(live_server.url + "/")
        click_and_wait(
            first_visit, first_visit.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button')
        )
        answer_step(first_visit, questionnaire.sections[0], answers)
        next_step(first_visit)
        answer_step(first_visit, questionnaire.sections[1], answers)
        next_step(first_visit)
        private_link = first_visit.find_element(By.ID, "private-link").get_attribute("value")
        # Half of step 3 answered, then the tab is closed without sending it.
        answer_step(first_visit, questionnaire.sections[2], {"who_runs": "dedicated"})
    with chromium(*DESKTOP) as later:
        later.get(private_link)
        assert later.current_url.endswith("/step/3/")
        click_and_wait(later, later.find_element(By.LINK_TEXT, "Présence et activité"))
        frequency = later.find_element(
            By.CSS_SELECTOR, 'input[name="frequency"][value="several_weekly"]'
        )
        assert frequency.is_selected()
        later.get(private_link)
        for section in questionnaire.sections[2:]:
            answer_step(later, section, answers)
            next_step(later)
        assert "/results/" in later.current_url
        assert "Combatives" in later.find_element(By.TAG_NAME, "h1").text


def test_a_validation_error_keeps_the_other_answers_on_screen(live_server):
    questionnaire = load_questionnaire()
    answers = PROFILES["casual"]()
    del answers["sector"]
    with chromium(*PHONE) as driver:
        driver.get(live_server.url + "/")
        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button')
        )
        answer_step(driver, questionnaire.sections[0], answers)
        next_step(driver)
        assert driver.current_url.endswith("/step/1/")
        assert "Merci de répondre à cette question." in driver.page_source
        assert driver.find_element(
            By.CSS_SELECTOR, 'input[name="headcount"][value="10_19"]'
        ).is_selected()
        assert driver.find_element(By.NAME, "company_name").get_attribute("value") == "Bâtir Sud"


def test_switching_language_mid_way_keeps_the_answers(live_server):
    questionnaire = load_questionnaire()
    answers = PROFILES["pioneers"]()
    with chromium(*DESKTOP) as driver:
        driver.get(live_server.url + "/")
        click_and_wait(
            driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/start/"] button')
        )
        answer_step(driver, questionnaire.sections[0], answers)
        next_step(driver)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'a.lang-link[hreflang="en"]'))
        assert driver.find_element(By.TAG_NAME, "h1").text == "Presence and activity"
        click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Your company"))
        assert driver.find_element(
            By.CSS_SELECTOR, 'input[name="sector"][value="services"]'
        ).is_selected()
