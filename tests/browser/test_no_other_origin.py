"""Every page, as a browser loads it, asks only the app itself and breaks no security policy."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from assessment.workshops import services
from tests.browser.chromium import DESKTOP, chromium, console_errors, requested_urls
from tests.browser.test_workshop import PASSWORD, log_in
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_page_asks_another_host_or_breaks_the_policy(live_server):
    done = make_assessment(profile="combative", complete=True)
    fresh = make_assessment()
    user = services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )
    client = services.client_create(consultancy=user.membership.consultancy, name="Client")
    workshop = services.workshop_create(client=client, created_by=user)
    services.workshop_reveal(workshop=workshop)
    pages = [
        "/",
        "/en/",
        "/sources/",
        f"/a/{fresh.token}/step/2/",
        f"/a/{done.token}/results/",
        f"/en/a/{done.token}/results/",
        "/w/",
        f"/w/{workshop.code}/",
    ]
    own = urlsplit(live_server.url).netloc
    with chromium(*DESKTOP, record=True) as browser:
        for page in pages:
            browser.get(live_server.url + page)
            browser.find_element(By.TAG_NAME, "footer")
        log_in(browser, live_server.url, "alice@conseil.fr")
        browser.get(f"{live_server.url}/consultant/workshops/{workshop.pk}/")
        browser.implicitly_wait(0)
        browser.execute_script("return new Promise(r => setTimeout(r, 2500))")  # one poll
        urls = requested_urls(browser)
        errors = console_errors(browser)
    assert urls, "nothing was recorded"
    others = [
        u for u in urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own
    ]
    assert others == []
    assert [u for u in urls if u.endswith("/live/")], "the facilitator view never polled"
    assert [e for e in errors if "Content Security Policy" in e] == []
