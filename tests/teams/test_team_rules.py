"""The team is read with the workshop's rules (domain.group), plus one: its owner answered too,
so no question fewer than three answered is shown to them."""

from assessment.domain.group import Respondent, enough_answers, question_spreads
from assessment.teams.presenters import roles_line
from tests.profiles import PROFILES


def people(*roles, **answers_by_index):
    return [
        Respondent(
            role=role, answers={**PROFILES["combative"](), **answers_by_index.get(f"p{i}", {})}
        )
        for i, role in enumerate(roles)
    ]


def test_a_question_two_answered_is_left_out_and_three_is_shown(questionnaire):
    two = people("sales", "sales", "marketing", p2={"self_activity": ""})
    shown = {s.question.id for s in enough_answers(question_spreads(questionnaire, two), 3)}
    assert "self_activity" not in shown and "tempo" in shown
    three = people("sales", "sales", "marketing")
    shown = {s.question.id for s in enough_answers(question_spreads(questionnaire, three), 3)}
    assert "self_activity" in shown


def test_a_team_of_four_with_a_lone_role_is_read_together():
    line = roles_line(["management", "sales", "sales", "marketing"])
    assert "toutes les réponses se lisent ensemble" in line
    assert "Direction (1)" in line and "Commercial (2)" in line


def test_a_role_of_three_is_shown_apart_only_beside_a_pool_of_three():
    # Three in sales, three others: sales apart, the others pooled.
    line = roles_line(["sales"] * 3 + ["management", "marketing", "marketing"])
    assert line.startswith("Montrés à part : Commercial (3).".replace(" :", "\u00a0:"))
    assert "Direction" in line and "Marketing" in line
    # Three in sales and one alone: the lone role would be read off, so nothing is apart.
    assert "se lisent ensemble" in roles_line(["sales"] * 3 + ["management"])
