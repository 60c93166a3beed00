import pytest
from django.test import Client

from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def test_the_private_link_opens_the_first_unanswered_step_from_any_browser():
    answers = {
        k: v
        for k, v in make_assessment(profile="combative").answers.items()
        if k not in ("external_budget", "strategy")
    }
    assessment = make_assessment(**answers)
    response = Client().get(f"/a/{assessment.token}/")
    assert response.status_code == 302
    assert response["Location"] == f"/a/{assessment.token}/step/3/"


def test_the_private_link_of_a_finished_assessment_opens_the_results():
    assessment = make_assessment(profile="combative", complete=True)
    response = Client().get(f"/a/{assessment.token}/")
    assert response["Location"] == f"/a/{assessment.token}/results/"


def test_a_new_assessment_resumes_at_the_first_step(client):
    assessment = make_assessment()
    assert client.get(f"/a/{assessment.token}/")["Location"] == f"/a/{assessment.token}/step/1/"


def test_an_unknown_private_link_is_404(client):
    assert client.get("/a/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/").status_code == 404
