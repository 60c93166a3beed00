"""An assessment answered with 2026-1 keeps displaying as it was, beside the new 2027-1 ones."""

import pytest

from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def test_a_2026_assessment_shows_its_own_questions_and_actions(client):
    assessment = make_assessment(profile="combative", complete=True, version="2026-1")
    assert assessment.questionnaire_version == "2026-1"
    results = client.get(f"/a/{assessment.token}/results/").content.decode()
    # Its 2026-1 action, worded as it was, and its rating question as it was asked.
    assert "Noter la source « réseaux sociaux » dans votre CRM" in results
    step = client.get(f"/a/{assessment.token}/step/6/").content.decode()
    assert "Par rapport aux entreprises de votre secteur" in step
    step = client.get(f"/a/{assessment.token}/step/5/").content.decode()
    assert "Avec quel outil suivez-vous ces résultats" in step


def test_a_2026_assessment_keeps_its_scores_and_segment():
    assessment = make_assessment(profile="pioneers", complete=True, version="2026-1")
    assert (assessment.overall_score, assessment.segment) == (98, "pioneers")


def test_a_new_assessment_answers_2027_1(client):
    client.post("/start/")
    from assessment.models import Assessment

    assessment = Assessment.objects.get()
    assert assessment.questionnaire_version == "2027-1"
    step = client.get(f"/a/{assessment.token}/step/1/").content.decode()
    assert "Dans le bon tempo" in step and "Par rapport aux entreprises" not in step
