"""Plain factory functions for the database: no factory framework needed at this size."""

from assessment import services
from assessment.models import Assessment
from tests.profiles import PROFILES


def make_assessment(
    *,
    profile: str | None = None,
    complete: bool = False,
    peer_consent: bool | None = True,
    **answers,
) -> Assessment:
    """By default a respondent who agreed to count among peers; `peer_consent=None` has not been
    asked yet, False said no."""
    assessment = Assessment.objects.create(peer_benchmarks_consent=peer_consent)
    stored = {**(PROFILES[profile]() if profile else {}), **answers}
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
