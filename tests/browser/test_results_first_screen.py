"""The results read in 30 seconds on a phone: at 390 × 844, without scrolling, the score, what its
level means, the segment and the first action with the answer behind it; the rest sits under
headings, folded, opens with a tap and is printed open. The four segments of the study, in French
and in English, in a real Chromium.

With SCREENSHOT_DIR set, the first screen of each segment is saved there to be looked at, and the
whole page at 1280 px.
"""

import base64
import io
import os

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By

from tests.browser.chromium import DESKTOP, PHONE, chromium, exact_size, full_page_screenshot
from tests.browser.test_questionnaire import click
from tests.factories import make_assessment
from tests.profiles import SEGMENT_NAMES

pytestmark = pytest.mark.django_db(transaction=True)

# The level each portrait's score falls in, and what that level means, as the page words them.
LEVELS = {
    "fr": {
        "starting": (
            "Débutant",
            "Peu ou pas de moyens ni d'objectifs\u00a0: tout reste à organiser.",
        ),
        "developing": (
            "En construction",
            "Des bases en place, sans objectifs chiffrés ni mesure régulière.",
        ),
        "advanced": ("Avancé", "Une pratique pilotée, mesurée jusqu'aux ventes."),
    },
    "en": {
        "starting": (
            "Starting out",
            "Few or no resources or objectives: everything is still to be organised.",
        ),
        "developing": (
            "Developing",
            "Foundations in place, without quantified objectives or regular measurement.",
        ),
        "advanced": ("Advanced", "A managed practice, measured all the way to sales."),
    },
}
# Silent mass and casual firms score under 25, a combative one from 25 to 49, pioneers from 75.
PORTRAIT_LEVELS = {
    "silent_mass": "starting",
    "casual": "starting",
    "combative": "developing",
    "pioneers": "advanced",
}
FIRST_SCREEN = {
    "score": ".results-summary .score-value",
    "level": ".results-summary .score-level",
    "meaning": ".results-summary .band-meaning",
    "segment": ".results-summary h1",
    "first action": ".first-action-title",
    "its reason": ".first-action-why",
}


def shoot(driver, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        driver.save_screenshot(os.path.join(folder, f"{name}.png"))


def box(driver, element) -> dict:
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)


def seen(driver, element) -> bool:
    """Rendered and not hidden by a closed fold (content-visibility) or display: none."""
    return driver.execute_script(
        "const e = arguments[0];"
        "return e.checkVisibility() && e.getBoundingClientRect().height > 0;",
        element,
    )


def open_results(driver, live_server, assessment, language):
    prefix = "/en" if language == "en" else ""
    driver.get(f"{live_server.url}{prefix}/a/{assessment.token}/results/")
    driver.execute_script("window.scrollTo(0, 0)")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_first_screen_of_a_phone_holds_score_level_segment_and_first_action(
    live_server, language
):
    width, height = PHONE
    with chromium(width, height, language=f"{language}-FR") as driver:
        exact_size(driver, width, height)
        for profile, level in PORTRAIT_LEVELS.items():
            assessment = make_assessment(profile=profile, complete=True)
            open_results(driver, live_server, assessment, language)
            assert driver.execute_script("return window.innerHeight") == 844
            for what, selector in FIRST_SCREEN.items():
                element = driver.find_element(By.CSS_SELECTOR, selector)
                where = box(driver, element)
                assert seen(driver, element), (profile, what)
                assert where["top"] >= 0 and where["bottom"] < 844, (profile, what, where)
            # As written, no-break spaces included (WebDriver's .text turns them into spaces).
            text = {
                what: driver.find_element(By.CSS_SELECTOR, selector)
                .get_attribute("textContent")
                .strip()
                for what, selector in FIRST_SCREEN.items()
            }
            assert text["score"] == str(assessment.overall_score)
            assert (text["level"], text["meaning"]) == LEVELS[language][level], profile
            assert text["segment"].endswith(SEGMENT_NAMES[language][profile])
            # The first action is the plan's first, and its reason one of that action's reasons.
            first = driver.find_element(By.CSS_SELECTOR, "#action-1 .action-title")
            assert text["first action"] == first.get_attribute("textContent").strip()
            reasons = driver.find_elements(By.CSS_SELECTOR, "#action-1-detail .why li")
            reason = text["its reason"]
            assert reason in [r.get_attribute("textContent").strip() for r in reasons]
            shoot(driver, f"results-first-screen-{language}-{profile}")


def test_folded_sections_open_with_a_tap_and_from_the_first_action(live_server):
    assessment = make_assessment(profile="combative", external_budget="dont_know", complete=True)
    with chromium(*PHONE) as driver:
        exact_size(driver, *PHONE)
        open_results(driver, live_server, assessment, "fr")
        folds = driver.find_elements(By.CSS_SELECTOR, "main details.fold, main details.action-fold")
        # The plan's five actions, the gaps, the levels, the chart, the segment's two, a study's.
        assert len(folds) >= 11
        for fold in folds:
            summary = fold.find_element(By.TAG_NAME, "summary")
            content = fold.find_element(By.CSS_SELECTOR, ":scope > :not(summary)")
            assert seen(driver, summary) and not seen(driver, content), summary.text
            click(driver, summary)
            assert seen(driver, content), summary.text
        # The first action's title, on the first screen, leads to the action, opened.
        open_results(driver, live_server, assessment, "fr")
        detail = driver.find_element(By.ID, "action-1-detail")
        assert not seen(driver, detail)
        driver.find_element(By.CSS_SELECTOR, ".first-action-title a").click()
        assert seen(driver, detail)
        title = driver.find_element(By.CSS_SELECTOR, "#action-1 .action-title")
        assert box(driver, title)["top"] >= 0 and box(driver, detail)["top"] < 844


def test_print_shows_every_fold_open_and_nothing_to_click(live_server):
    assessment = make_assessment(profile="combative", external_budget="dont_know", complete=True)
    with chromium(*DESKTOP) as driver:
        open_results(driver, live_server, assessment, "en")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        contents = driver.find_elements(
            By.CSS_SELECTOR, "main details.fold > :not(summary), main details.action-fold > div"
        )
        assert len(contents) >= 11
        for content in contents:
            assert seen(driver, content), content.get_attribute("outerHTML")[:120]
        for selector in (".results-toc", ".keep-link-box", ".next-steps", "main .btn", "form"):
            for element in driver.find_elements(By.CSS_SELECTOR, selector):
                assert not seen(driver, element), selector
        # On paper itself: the folded text is printed, the private link is not.
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {})["data"])
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        for folded in ("How to do it:", "Why this action", "What nobody could tell", "Facebook"):
            assert folded in text, folded
        assert assessment.token not in text


def test_on_a_desktop_the_summary_is_the_first_screen_too(live_server):
    assessment = make_assessment(profile="pioneers", complete=True)
    with chromium(*DESKTOP) as driver:
        exact_size(driver, *DESKTOP)
        open_results(driver, live_server, assessment, "en")
        for what, selector in FIRST_SCREEN.items():
            where = box(driver, driver.find_element(By.CSS_SELECTOR, selector))
            assert 0 <= where["top"] and where["bottom"] < DESKTOP[1], what
        if os.environ.get("SCREENSHOT_DIR"):
            full_page_screenshot(driver, os.path.join(os.environ["SCREENSHOT_DIR"], "desktop.png"))
