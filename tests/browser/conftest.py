import pytest

from tests.browser.chromium import DESKTOP, PHONE, chromium


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def phone():
    with chromium(*PHONE) as driver:
        yield driver


@pytest.fixture
def desktop():
    with chromium(*DESKTOP) as driver:
        yield driver
