"""A failed step with the keyboard: where focus lands, what the summary's links do, what a screen
reader is given with each question, and that nothing focused hides under the Previous/Next bar."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser.chromium import accessible, chromium, exact_size

pytestmark = pytest.mark.django_db(transaction=True)

# A phone (an iPhone 12-15's CSS viewport) and a laptop, as people hold them.
SIZES = {"phone": (390, 750), "desktop": (1280, 800)}
STEP_ONE_REQUIRED = [
    "self_activity",
    "tempo",
    "headcount",
    "turnover",
    "sector",
    "market",
    "country",
    "website",
]
MESSAGE = "Merci de répondre à cette question."

WHERE = """
const el = document.activeElement, box = el.getBoundingClientRect();
const bar = document.querySelector('.step-actions').getBoundingClientRect();
const card = el.closest('.question');
const legend = card && card.querySelector('legend, label');
return {id: el.id, tag: el.tagName, top: box.top, bottom: box.bottom, barTop: bar.top,
        legendTop: legend ? legend.getBoundingClientRect().top : null};
"""


def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


def focused(driver):
    return driver.execute_script(WHERE)


def fail_step_one(driver, url):
    driver.get(url + "/")
    driver.find_element(By.CSS_SELECTOR, "form[action='/start/'] button").click()
    driver.find_element(By.NAME, "next").click()
    driver.find_element(By.ID, "form-errors")


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def failed_step(request, live_server):
    with chromium(*SIZES[request.param]) as driver:
        exact_size(driver, *SIZES[request.param])
        driver.implicitly_wait(5)
        fail_step_one(driver, live_server.url)
        yield driver


def test_focus_lands_on_the_summary_which_names_the_problem(failed_step):
    assert failed_step.title.startswith("Erreur\u00a0: Votre entreprise")
    assert focused(failed_step)["id"] == "form-errors"
    summary = accessible(failed_step, "#form-errors")
    assert summary["role"] == "region" and summary["name"] == "Il y a un problème"
    # The next Tab is the first link of the summary, not the skip link at the top of the page.
    press(failed_step, Keys.TAB)
    link = failed_step.switch_to.active_element
    assert link.get_attribute("href").endswith("#id_self_activity_0")
    assert link.text == "Sur les réseaux sociaux, votre entreprise est…"


def test_each_link_of_the_summary_moves_focus_to_its_question_in_view(failed_step):
    links = failed_step.find_elements(By.CSS_SELECTOR, "#form-errors a")
    assert [link.get_attribute("hash") for link in links] == [
        f"#id_{name}_0" for name in STEP_ONE_REQUIRED
    ]
    for name, link in zip(STEP_ONE_REQUIRED, links, strict=True):
        failed_step.execute_script("window.scrollTo(0, 0); arguments[0].focus()", link)
        press(failed_step, Keys.ENTER)
        where = focused(failed_step)
        assert where["id"] == f"id_{name}_0"
        # The question's wording is on screen, and the answer is not under the bar.
        assert 0 <= where["legendTop"] and where["bottom"] <= where["barTop"], name


def test_each_question_is_read_with_its_message(failed_step):
    for name in STEP_ONE_REQUIRED:
        group = accessible(failed_step, f"#q-{name} fieldset")
        assert group["role"] == "group"
        assert group["description"].endswith(f"Erreur\u00a0: {MESSAGE}"), name
        described = failed_step.find_element(By.CSS_SELECTOR, f"#q-{name} fieldset")
        assert f"id_{name}_error" in described.get_attribute("aria-describedby").split()
        answers = failed_step.find_elements(By.NAME, name)
        assert {a.get_attribute("aria-invalid") for a in answers} == {"true"}
    # The help text first, then the message: the turnover no longer reads the headcount's help.
    assert accessible(failed_step, "#q-headcount fieldset") == {
        "role": "group",
        "name": "Effectif",
        "description": f"Les tranches de l'étude Bpifrance Le Lab. Erreur\u00a0: {MESSAGE}",
    }


def test_nothing_focused_with_tab_hides_under_the_previous_next_bar(failed_step):
    hidden = []
    for _ in range(60):
        press(failed_step, Keys.TAB)
        where = focused(failed_step)
        if where["tag"] == "BUTTON":
            break
        if where["bottom"] > where["barTop"] or where["top"] < 0:
            hidden.append(where["id"] or where["tag"])
    else:
        raise AssertionError("Tab never reached the Next button")
    assert hidden == []
