"""Exports read back with pandas: the right rows and columns."""

import io

import pandas as pd
import pytest

from tests.factories import make_assessment
from tests.profiles import PROFILES
from tests.workshops.conftest import join

pytestmark = pytest.mark.django_db


def test_a_respondent_exports_their_own_answers(client):
    assessment = make_assessment(profile="combative", complete=True)
    response = client.get(f"/en/a/{assessment.token}/answers.csv")
    assert response["Content-Type"].startswith("text/csv")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert list(frame.columns) == [
        "respondent",
        "role",
        "question_id",
        "question",
        "answer_code",
        "answer",
        "questionnaire_version",
        "last_saved",
        "completed",
        "dissent_note",
    ]
    assert len(frame) == len(PROFILES["combative"]())
    budget = frame[frame.question_id == "external_budget"].iloc[0]
    assert budget.answer_code == "2_10k" and budget.answer == "€2k to under €10k"
    assert set(frame.questionnaire_version) == {"2027-1"}


def test_the_french_export_names_its_columns_in_french(client):
    assessment = make_assessment(profile="combative", complete=True)
    frame = pd.read_csv(
        io.BytesIO(client.get(f"/a/{assessment.token}/answers.csv").content), encoding="utf-8-sig"
    )
    assert "question" in frame.columns and "réponse" in frame.columns


def test_a_formula_typed_as_a_name_stays_text(client):
    assessment = make_assessment(profile="combative", company_name="=HYPERLINK(1)", complete=True)
    content = client.get(f"/a/{assessment.token}/answers.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in content


def test_a_workshops_raw_answers_export_as_csv_and_xlsx(client, alice, workshop):
    for number, role in enumerate(("sales",) * 3 + ("management",) * 3, start=1):
        participant = join(workshop, f"p{number}", role)
        services_answers = {**PROFILES["combative"](), "company_name": ""}
        from assessment import services as a

        a.assessment_save_answers(assessment=participant.assessment, answers=services_answers)
    client.force_login(alice)
    csv_frame = pd.read_csv(
        io.BytesIO(client.get(f"/en/consultant/workshops/{workshop.pk}/answers.csv").content),
        encoding="utf-8-sig",
    )
    xlsx_frame = pd.read_excel(
        io.BytesIO(client.get(f"/en/consultant/workshops/{workshop.pk}/answers.xlsx").content)
    )
    for frame in (csv_frame, xlsx_frame):
        assert set(frame.respondent.astype(str)) == {"1", "2", "3", "4", "5", "6"}
        assert set(frame.role) == {"Sales", "Management"}
        assert len(frame) == 6 * (len(PROFILES["combative"]()) - 1)


def test_exports_check_owner(client, charlie, workshop):
    client.force_login(charlie)
    assert client.get(f"/consultant/workshops/{workshop.pk}/answers.csv").status_code == 404
    assert client.get(f"/consultant/workshops/{workshop.pk}/answers.xlsx").status_code == 404
    client.logout()
    assert client.get(f"/consultant/workshops/{workshop.pk}/answers.csv").status_code == 302


def test_participants_and_agreed_answers_have_no_public_export(client, workshop):
    participant = join(workshop, "p1")
    assert client.get(f"/a/{participant.assessment.token}/answers.csv").status_code == 404
