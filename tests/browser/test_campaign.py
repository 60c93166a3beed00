"""A consultancy's campaign in real Chromium windows at 390 px: the consultant makes a link, a
company answers under the consultancy's brand and chooses to share its results, the consultant
finds them on the dashboard and makes the company a client, then the company withdraws.

With SCREENSHOT_DIR set, the branded step, the share choice and the dashboard are saved there at
390 and 1280 px, to be looked at.
"""

import io
import os

import pytest
from PIL import Image, ImageDraw
from selenium.webdriver.common.by import By

from assessment.domain.questionnaire import load_questionnaire
from assessment.workshops import services
from assessment.workshops.brand import read_logo
from tests.browser.chromium import DESKTOP, PHONE, chromium, exact_size
from tests.browser.test_questionnaire import (
    answer_step,
    assert_no_horizontal_scroll,
    click,
    click_and_wait,
    next_step,
)
from tests.browser.test_workshop import PASSWORD, log_in
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)


def logo_png() -> bytes:
    image = Image.new("RGB", (360, 120), "white")
    ImageDraw.Draw(image).rectangle((10, 20, 90, 100), fill=(10, 125, 79))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def shoot(driver, name, element=None):
    """At 390 px as the test runs, and at 1280 px too when screenshots are asked for."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    for (width, height), size in ((PHONE, "390"), (DESKTOP, "1280")):
        exact_size(driver, width, height)
        if element is not None:
            driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
        driver.save_screenshot(os.path.join(folder, f"campaign-{name}-{size}.png"))
    exact_size(driver, *PHONE)


def test_a_campaign_from_its_link_to_a_client_and_a_withdrawn_share(live_server):
    base = live_server.url
    alice = services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil Argos"
    )
    services.consultancy_set_brand(
        consultancy=alice.membership.consultancy,
        name="Conseil Argos",
        logo=read_logo(logo_png()),
        accent_colour="#0a7d4f",
    )
    questionnaire = load_questionnaire()
    with chromium(*PHONE) as consultant, chromium(*PHONE) as company:
        exact_size(consultant, *PHONE)
        exact_size(company, *PHONE)

        # The consultant makes a campaign link on the dashboard.
        log_in(consultant, base, "alice@conseil.fr")
        consultant.get(base + "/consultant/")
        consultant.find_element(By.ID, "campaign-name").send_keys("Salon Industrie 2027")
        click_and_wait(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, 'form[action$="/campaigns/new/"] button'),
        )
        link = consultant.find_element(By.CSS_SELECTOR, "#campaigns input.private-link-field")
        link = link.get_attribute("value")
        assert link.startswith(base + "/c/")

        # The company opens it: the consultancy's brand, and what stays private.
        company.get(link)
        assert "Un autodiagnostic proposé par Conseil Argos" in company.page_source
        assert "rien n'est partagé" in company.find_element(By.TAG_NAME, "main").text
        click_and_wait(company, company.find_element(By.CSS_SELECTOR, "main form button"))
        assert "/step/1/" in company.current_url
        brand = company.find_element(By.CSS_SELECTOR, ".campaign-brand")
        assert "Conseil Argos" in brand.text
        assert brand.find_element(By.CSS_SELECTOR, "img.brand-logo").get_attribute("naturalWidth")
        # The consultancy's colour on the page's main button.
        button = company.find_element(By.CSS_SELECTOR, 'button[name="next"]')
        assert button.value_of_css_property("background-color") == "rgba(10, 125, 79, 1)"
        assert_no_horizontal_scroll(company)
        shoot(company, "step")
        answers = {**PROFILES["combative"](), "company_name": "Fonderie Blanc"}
        for section in questionnaire.sections:
            answer_step(company, section, answers)
            next_step(company)
        assert "/results/" in company.current_url
        assert "Conseil Argos" in company.find_element(By.CSS_SELECTOR, ".campaign-brand").text

        # The choice: unticked, the name prefilled from the answers; nothing shared until ticked.
        block = company.find_element(By.ID, "campaign-share")
        box = block.find_element(By.ID, "campaign-share-choice")
        assert not box.is_selected()
        name = block.find_element(By.ID, "campaign-share-name")
        assert name.get_attribute("value") == "Fonderie Blanc"
        assert "vos réponses à chaque question" in block.text
        shoot(company, "share-choice", block)
        consultant.get(base + "/consultant/")
        assert "Fonderie Blanc" not in consultant.find_element(By.ID, "campaigns").text
        click(company, box)
        click_and_wait(company, block.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        block = company.find_element(By.ID, "campaign-share")
        assert "Vous partagez vos résultats avec Conseil Argos" in block.text
        assert_no_horizontal_scroll(company)
        shoot(company, "shared", block)

        # The consultant finds it on the dashboard, opens it, and makes the company a client.
        consultant.get(base + "/consultant/")
        campaigns = consultant.find_element(By.ID, "campaigns")
        counts = campaigns.find_element(By.CSS_SELECTOR, ".campaign-counts").text
        assert counts == "1 évaluation commencée · 1 terminée · 1 partagée avec vous"
        assert_no_horizontal_scroll(consultant)
        shoot(consultant, "dashboard", campaigns)
        click_and_wait(consultant, campaigns.find_element(By.LINK_TEXT, "Fonderie Blanc"))
        shared_page = consultant.current_url
        assert consultant.find_element(By.TAG_NAME, "h1").text == "Fonderie Blanc"
        assert_no_horizontal_scroll(consultant)
        shoot(consultant, "shared-result")
        click_and_wait(
            consultant,
            consultant.find_element(By.CSS_SELECTOR, "#make-client button[type=submit]"),
        )
        assert "/progress/" in consultant.current_url
        assert "Fonderie Blanc" in consultant.find_element(By.TAG_NAME, "main").text
        assert consultant.find_elements(
            By.CSS_SELECTOR, 'main table a[href*="/consultant/shared/"]'
        )
        progress_page = consultant.current_url

        # The company withdraws: the consequence is said, and the consultant loses access at once.
        company.refresh()
        block = company.find_element(By.ID, "campaign-share")
        assert "ne peut pas être repris" in block.text
        click_and_wait(company, block.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        block = company.find_element(By.ID, "campaign-share")
        assert not block.find_element(By.ID, "campaign-share-choice").is_selected()
        consultant.get(shared_page)
        assert "Fonderie Blanc" not in consultant.find_element(By.TAG_NAME, "main").text
        consultant.get(progress_page)
        assert not consultant.find_elements(
            By.CSS_SELECTOR, 'main table a[href*="/consultant/shared/"]'
        )
        consultant.get(base + "/consultant/")
        assert "Fonderie Blanc" not in consultant.find_element(By.ID, "campaigns").text
