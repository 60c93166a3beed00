"""A real headless Chromium, driven through the system's chromedriver.

Both come from Debian's packages (chromium, chromium-driver); no test tool downloads a browser.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from contextlib import contextmanager

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

PHONE = (390, 844)
DESKTOP = (1280, 900)


@contextmanager
def chromium(width: int, height: int, language: str = "fr-FR", record: bool = False):
    """A fresh headless Chromium; with `record`, its network requests and console are logged."""
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        f"--lang={language}",
        "--hide-scrollbars",
    ):
        options.add_argument(flag)
    if record:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def full_page_screenshot(driver, path: str) -> None:
    """Resize the window to the page's height so one PNG shows the whole page."""
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, 12000))
    driver.save_screenshot(path)


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (needs `record=True`)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def exact_size(driver, width: int, height: int) -> None:
    """The viewport at exactly this size (a headless window is never narrower than 500 px), and
    scrolling without animation, so that where things are can be read at once."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]},
    )


def accessible(driver, selector: str) -> dict[str, str]:
    """What a screen reader is given for the element: its role, name and description."""
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
    (ax, *_) = driver.execute_cdp_cmd(
        "Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False}
    )["nodes"]
    return {key: ax.get(key, {}).get("value", "") for key in ("role", "name", "description")}
