import pytest

from assessment.domain.questionnaire import load_questionnaire


@pytest.fixture
def questionnaire():
    return load_questionnaire()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: reports, peer histograms and rate limits alike."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
