"""axe-core (from npm) in a real Chromium: no serious or critical violation on any page."""

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from assessment.workshops import services
from tests.browser.chromium import DESKTOP, PHONE, chromium
from tests.browser.test_workshop import PASSWORD, log_in
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db(transaction=True)

AXE = (Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js").read_text()
SERIOUS = {"serious", "critical"}


def violations(driver) -> list[str]:
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations), e => done([{id: 'axe', impact:"
        " 'critical', help: String(e), nodes: []}]));"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in result
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_has_a_serious_accessibility_violation(live_server, size):
    done = make_assessment(profile="combative", external_budget="dont_know", complete=True)
    fresh = make_assessment()
    user = services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )
    company = services.client_create(consultancy=user.membership.consultancy, name="Client")
    workshop = services.workshop_create(client=company, created_by=user)
    # A light accent colour: the join page's buttons must still read at AA.
    services.consultancy_set_brand(
        consultancy=user.membership.consultancy, name="Conseil A", accent_colour="#ffd54f"
    )
    for earlier in (make_assessment(profile="silent_mass", complete=True), done):
        services.client_attach_assessment(client=company, link=earlier.token, attached_by=user)
    services.client_set_targets(client=company, targets={"team": 60})
    # Thirty companies that agreed to count fill the barometer's tables; one more is asked.
    for _ in range(30):
        make_assessment(profile="pioneers", complete=True)
    unasked = make_assessment(profile="casual", complete=True, peer_consent=None)
    pages = [
        "/",
        "/en/",
        "/sources/",
        "/barometer/",
        "/en/barometer/",
        "/privacy/",
        f"/a/{unasked.token}/results/",
        f"/a/{fresh.token}/step/1/",
        f"/en/a/{fresh.token}/step/2/",
        f"/a/{done.token}/results/",
        f"/en/a/{done.token}/results/",
        "/w/",
        f"/w/{workshop.code}/",
        "/accounts/login/",
    ]
    found = {}
    with chromium(*size) as browser:
        browser.set_script_timeout(30)
        for page in pages:
            browser.get(live_server.url + page)
            browser.find_element(By.TAG_NAME, "footer")
            if problems := violations(browser):
                found[page] = problems
        log_in(browser, live_server.url, "alice@conseil.fr")
        for page in (
            "/consultant/",
            f"/consultant/clients/{company.pk}/",
            f"/consultant/workshops/{workshop.pk}/",
            f"/consultant/clients/{company.pk}/progress/",
            "/consultant/brand/",
        ):
            browser.get(live_server.url + page)
            if problems := violations(browser):
                found[page] = problems
    assert found == {}
