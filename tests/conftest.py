import os
import secrets
import sys

import pytest

from assessment.domain.questionnaire import load_questionnaire


@pytest.fixture
def questionnaire():
    return load_questionnaire()


@pytest.fixture(autouse=True)
def parsed_afresh_under_mutation():
    """Under mutation testing (`make mutation`) the questionnaire, its recommendations and the
    study figures are parsed again for every test: they are cached for the life of a process, and
    every mutant runs in a process forked from one that parsed them already, so a mutant of the
    parsing code would otherwise never be run, nor be credited to the tests that read it."""
    if "mutmut" in sys.modules:
        from assessment.domain.questionnaire import load_questionnaire
        from assessment.domain.recommendations import load_catalogue
        from benchmarks import figures

        for cached in (
            load_questionnaire,
            load_catalogue,
            figures.load_studies,
            figures.load_figures,
            figures.load_sector_tendencies,
        ):
            cached.cache_clear()
    yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: reports, peer histograms and rate limits alike."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, French, as a visitor's first request does: an
    English page asked for by one test leaves English active in the thread for the next, and a
    test reading words outside a request would then read them in the other language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


# Hypothesis draws its examples from one seed per run. CI (CI=true) always uses the same seed, so
# a red run replays exactly; elsewhere each run draws a new seed, printed in the header, so that a
# failure seen once can be replayed with --hypothesis-seed=<seed>.
CI_HYPOTHESIS_SEED = 20180601


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    if config.getoption("hypothesis_seed", None) is None:
        fixed = os.environ.get("CI", "").lower() in ("1", "true", "yes")
        seed = CI_HYPOTHESIS_SEED if fixed else secrets.randbelow(2**32)
        config.option.hypothesis_seed = str(seed)


def pytest_report_header(config):
    seed = config.getoption("hypothesis_seed", None)
    return f"hypothesis seed: {seed} (replay a failure with --hypothesis-seed={seed})"


@pytest.fixture
def smtp_server(settings):
    """The app's e-mails go through Django's SMTP backend to a real server on the loopback; the
    test reads them back from its mailbox."""
    from tests.mailbox import start_smtp_server

    controller, mailbox = start_smtp_server()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield mailbox
    finally:
        controller.stop()
