import pytest

from assessment.domain.questionnaire import load_questionnaire


@pytest.fixture
def questionnaire():
    return load_questionnaire()
