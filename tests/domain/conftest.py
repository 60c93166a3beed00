import pytest

from assessment.domain.questionnaire import load_questionnaire


@pytest.fixture
def questionnaire():
    """The domain tests written for 2026-1 keep checking it: its assessments are still scored,
    placed and advised with it. Questionnaire 2027-1 has its own tests (the files named 2027)."""
    return load_questionnaire("2026-1")
