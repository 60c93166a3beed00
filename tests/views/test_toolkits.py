"""Ready-to-use templates for the first actions, filled with the company's answers."""

import io
import re
from datetime import date

import pytest
import time_machine
from openpyxl import load_workbook

from assessment.toolkits import TOOLKITS, toolkit_for
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def test_each_template_serves_distinct_actions():
    served = [action for toolkit in TOOLKITS for action in toolkit.serves]
    assert len(served) == len(set(served))
    assert toolkit_for("write_a_strategy").kind == "strategy"
    assert toolkit_for("secure_the_pages") is None


def test_the_first_actions_that_a_template_serves_link_to_it(client):
    assessment = make_assessment(profile="silent_mass", complete=True)
    page = client.get(f"/a/{assessment.token}/results/").content.decode()
    links = re.findall(rf"/a/{assessment.token}/templates/([a-z]+)\.xlsx", page)
    assert links, "a silent-mass company's first actions include one a template serves"
    actions = page[page.index('id="actions"') :]
    first_three = actions.split('class="recommendation card')[1:4]
    assert sum("templates/" in card for card in first_three) == len(links)


def test_the_strategy_template_is_filled_with_the_answers(client):
    assessment = make_assessment(profile="silent_mass", complete=True)
    sheet = workbook(client.get(f"/a/{assessment.token}/templates/strategy.xlsx"))
    assert [cell.value for cell in sheet[1]] == [
        "Rubrique de la stratégie",
        "Ce que vous avez répondu",
        "Votre décision",
    ]
    rows = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
    networks = "Réseaux que vous animez (LinkedIn d'abord en B2B)"
    assert rows[networks] and "LinkedIn" in rows[networks]


def test_the_kpi_sheet_says_which_indicators_are_followed_today(client):
    assessment = make_assessment(profile="pioneers", complete=True)
    with time_machine.travel(date(2027, 1, 10), tick=False):
        sheet = workbook(client.get(f"/en/a/{assessment.token}/templates/kpis.xlsx"))
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Indicator", "You follow it today", "2027-01"]
    assert header[-1] == "2027-12"
    followed = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
    assert set(followed.values()) <= {"yes", "not yet"}
    assert "yes" in followed.values()


def test_the_calendar_covers_thirteen_weeks_from_a_monday(client):
    assessment = make_assessment(profile="combative", complete=True)
    with time_machine.travel(date(2027, 1, 14), tick=False):  # a Thursday
        sheet = workbook(client.get(f"/en/a/{assessment.token}/templates/calendar.xlsx"))
    weeks = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(weeks) == 13
    assert weeks[0] == "2027-01-11" and weeks[-1] == "2027-04-05"


def test_an_unknown_template_is_a_404(client):
    assessment = make_assessment(profile="combative", complete=True)
    assert client.get(f"/a/{assessment.token}/templates/nope.xlsx").status_code == 404


def test_an_unfinished_assessment_is_sent_back_to_its_questions(client):
    assessment = make_assessment(profile="combative", complete=False)
    response = client.get(f"/a/{assessment.token}/templates/strategy.xlsx")
    assert response.status_code == 302
