"""Plain factory functions for the database: no factory framework needed at this size."""

from assessment import services
from assessment.domain.questionnaire import CURRENT_VERSION
from assessment.models import Assessment
from tests.profiles import PROFILES_BY_VERSION


def make_assessment(
    *,
    profile: str | None = None,
    complete: bool = False,
    peer_consent: bool | None = True,
    version: str = CURRENT_VERSION,
    **answers,
) -> Assessment:
    """An assessment of the questionnaire `version`, answered as the named study portrait of that
    version (tests/profiles.py), with any answers given on top. By default its respondent agreed
    to count among peers; `peer_consent=None` has not been asked yet, False said no."""
    assessment = Assessment.objects.create(
        questionnaire_version=version, peer_benchmarks_consent=peer_consent
    )
    portrait = PROFILES_BY_VERSION[version][profile]() if profile else {}
    stored = {**portrait, **answers}
    if stored:
        assessment = services.assessment_save_answers(assessment=assessment, answers=stored)
    if complete:
        services.assessment_complete(assessment=assessment)
        assessment.refresh_from_db()
    return assessment


def step_post_data(questionnaire, number: int, answers: dict) -> dict:
    """What the browser posts for one step: only that step's questions."""
    section = questionnaire.sections[number - 1]
    return {q.id: answers[q.id] for q in section.questions if q.id in answers}
