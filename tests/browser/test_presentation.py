"""The projector's screen in real Chromium: legible from the back of the room, stepped through
with the keyboard, a countdown per agenda item."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from assessment import services as assessment_services
from assessment.workshops import services
from assessment.workshops.models import Membership
from tests.browser.chromium import chromium
from tests.browser.test_workshop import PASSWORD, log_in
from tests.profiles import PROFILES

pytestmark = pytest.mark.django_db(transaction=True)


def a_workshop():
    alice = services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )
    client = services.client_create(
        consultancy=Membership.objects.get(user=alice).consultancy, name="Transports Morel"
    )
    return services.workshop_create(client=client, created_by=alice)


def answered(workshop, people):
    for number, (role, changes) in enumerate(people):
        participant = services.participant_join(
            workshop=workshop, device_key=f"p{number}", role=role, first_name="", language="fr"
        )
        assessment_services.assessment_save_answers(
            assessment=participant.assessment, answers={**PROFILES["combative"](), **changes}
        )
        assessment_services.assessment_complete(assessment=participant.assessment)


def visible_slides(driver):
    return [
        slide for slide in driver.find_elements(By.CSS_SELECTOR, ".slide") if slide.is_displayed()
    ]


def test_before_the_reveal_the_code_and_qr_can_be_read_from_the_back(live_server):
    workshop = a_workshop()
    with chromium(1280, 720) as projector:
        log_in(projector, live_server.url, "alice@conseil.fr")
        projector.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/present/")
        assert not projector.find_elements(By.CSS_SELECTOR, ".site-header, .site-footer")
        code = projector.find_element(By.CLASS_NAME, "slide-code")
        assert code.text == workshop.code
        assert float(code.value_of_css_property("font-size").removesuffix("px")) >= 72
        viewport = projector.execute_script("return window.innerHeight")
        assert projector.find_element(By.CLASS_NAME, "slide-qr").size["height"] >= 0.4 * viewport
        # The address, for those who cannot scan, is read from the back too.
        address = projector.find_element(By.CLASS_NAME, "slide-join-url")
        assert address.text.endswith(f"/w/{workshop.code}/")
        assert float(address.value_of_css_property("font-size").removesuffix("px")) >= 36


@pytest.mark.parametrize(
    ("accent", "seen"),
    [
        ("#0b7a5a", "rgba(11, 122, 90, 1)"),  # dark enough: the colour itself
        ("#ffcc00", "rgba(134, 106, 0, 1)"),  # a yellow, darkened in its hue to read on white
    ],
)
def test_the_projector_speaks_in_the_consultancys_colour(live_server, accent, seen):
    workshop = a_workshop()
    consultancy = workshop.client.consultancy
    consultancy.accent_colour = accent
    consultancy.save()
    with chromium(1280, 720) as projector:
        log_in(projector, live_server.url, "alice@conseil.fr")
        projector.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/present/")
        code = projector.find_element(By.CLASS_NAME, "slide-code")
        assert code.value_of_css_property("color") == seen


def test_the_operator_s_controls_fade_when_the_mouse_rests_and_come_back(live_server):
    workshop = a_workshop()
    with chromium(1280, 720) as projector:
        log_in(projector, live_server.url, "alice@conseil.fr")
        projector.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/present/")
        exit_link = projector.find_element(By.CLASS_NAME, "present-exit")

        def opacity(driver):
            return float(exit_link.value_of_css_property("opacity"))

        WebDriverWait(projector, 10).until(lambda d: opacity(d) == 0)
        projector.find_element(By.TAG_NAME, "body").send_keys(Keys.SHIFT)
        WebDriverWait(projector, 5).until(lambda d: opacity(d) == 1)


def test_the_facilitator_steps_through_the_agenda_with_the_keyboard(live_server):
    workshop = a_workshop()
    answered(
        workshop,
        [("management", {"tempo": "ahead"})] * 3 + [("sales", {"tempo": "late"})] * 3,
    )
    services.workshop_reveal(workshop=workshop)
    with chromium(1280, 720) as projector:
        log_in(projector, live_server.url, "alice@conseil.fr")
        projector.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/present/")
        body = projector.find_element(By.TAG_NAME, "body")
        [first] = visible_slides(projector)
        assert "Les scores du groupe" in first.text
        body.send_keys(Keys.ARROW_RIGHT)
        [item] = visible_slides(projector)
        assert "ORDRE DU JOUR, 1 SUR 1" in item.text
        assert "Direction (3) : surtout « En avance »" in item.text
        assert projector.current_url.endswith("#item-tempo")
        # A ten-minute countdown, still there after the page is loaded again.
        body.send_keys("t")
        WebDriverWait(projector, 5).until(
            lambda d: d.find_element(By.CLASS_NAME, "present-time").text.startswith("9:5")
        )
        projector.refresh()
        [item] = visible_slides(projector)
        assert "ORDRE DU JOUR" in item.text
        assert projector.find_element(By.CLASS_NAME, "present-time").text.startswith("9:")
        projector.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
        [first] = visible_slides(projector)
        assert "Les scores du groupe" in first.text
        assert not projector.find_element(By.CLASS_NAME, "present-timer").is_displayed()
