import pytest

from assessment.domain.group import (
    GROUP_KNOWLEDGE_GAP_SHARE,
    Respondent,
    agenda,
    dimension_spreads,
    disagreement,
    group_knowledge_gaps,
    proposed_consensus,
    question_spread,
    question_spreads,
)
from tests.profiles_2026 import PROFILES_2026 as PROFILES


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (["a", "a", "a", "a"], 0.0),
        (["a", "a", "a", "b"], 0.25),
        (["a", "a", "b", "b"], 0.5),
        (["a", "b", "c", "d"], 0.75),
        ([], 0.0),
    ],
)
def test_disagreement_is_the_share_not_giving_the_most_common_answer(answers, expected):
    assert disagreement(answers) == pytest.approx(expected)


def room(*profiles_and_roles, **changes_by_index):
    return [
        Respondent(role=role, answers={**PROFILES[profile](), **changes_by_index.get(f"p{i}", {})})
        for i, (profile, role) in enumerate(profiles_and_roles)
    ]


def test_the_agenda_starts_with_the_question_the_room_splits_on(questionnaire):
    respondents = room(
        ("combative", "management"),
        ("combative", "sales"),
        ("combative", "marketing"),
        p1={"self_activity": "inactive"},
        p2={"budget": "zero", "self_activity": "not_very_active"},
    )
    items = agenda(question_spreads(questionnaire, respondents))
    assert items[0].question.id == "self_activity"
    assert items[0].disagreement == pytest.approx(2 / 3)
    assert {s.question.id for s in items} == {"self_activity", "budget"}


def test_the_split_by_role_shows_who_said_what(questionnaire):
    respondents = room(
        ("combative", "management"),
        ("combative", "management"),
        ("combative", "sales"),
        ("combative", "sales"),
        p2={"self_activity": "inactive"},
        p3={"self_activity": "inactive"},
    )
    spread = question_spread(questionnaire.question("self_activity"), respondents)
    assert spread.by_role == {"management": "active", "sales": "inactive"}


def test_a_role_of_one_person_is_never_singled_out(questionnaire):
    respondents = room(
        ("combative", "management"),
        ("combative", "sales"),
        ("combative", "sales"),
        p0={"budget": "zero"},
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    assert "management" not in spread.by_role


def test_multiple_choice_disagreement_compares_whole_selections(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("combative", "c"),
        ("combative", "d"),
        p0={"networks": ["linkedin"]},
        p1={"networks": ["facebook"]},
        p2={"networks": ["x"]},
        p3={"networks": ["youtube"]},
    )
    spread = question_spread(questionnaire.question("networks"), respondents)
    assert spread.disagreement == pytest.approx(0.75)


def test_a_tie_with_i_dont_know_proposes_i_dont_know(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        p0={"hours_week": "gt10"},
        p1={"hours_week": "dont_know"},
    )
    proposal = proposed_consensus(question_spreads(questionnaire, respondents))
    assert proposal["hours_week"] == "dont_know"


def test_a_proposal_never_combines_none_with_real_options(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        p0={"indicators": ["none"]},
        p1={"indicators": ["reach", "engagement"]},
    )
    proposal = proposed_consensus(question_spreads(questionnaire, respondents))
    assert proposal["indicators"] == ["reach", "engagement"]


def test_context_questions_are_not_on_the_agenda(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p1={"sector": "industry"})
    assert all(
        s.question.id != "sector" for s in agenda(question_spreads(questionnaire, respondents))
    )


def test_a_lone_answer_is_no_disagreement(questionnaire):
    assert agenda(question_spreads(questionnaire, room(("combative", "a")))) == []


def test_the_proposed_consensus_is_the_most_common_answer(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("pioneers", "c"),
    )
    proposal = proposed_consensus(question_spreads(questionnaire, respondents))
    assert proposal["who_runs"] == "employee_part_time"


def test_a_tie_is_settled_towards_the_weaker_answer(questionnaire):
    respondents = room(("combative", "a"), ("pioneers", "b"))
    assert proposed_consensus(question_spreads(questionnaire, respondents))["budget"] == "lt10k"


def test_a_multiple_choice_keeps_what_half_the_group_chose(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("combative", "c"),
        p0={"networks": ["linkedin"]},
        p1={"networks": ["linkedin", "x"]},
        p2={"networks": ["facebook"]},
    )
    assert proposed_consensus(question_spreads(questionnaire, respondents))["networks"] == [
        "linkedin"
    ]


def test_dimension_spread_gives_median_and_range(questionnaire):
    respondents = room(("silent_mass", "a"), ("combative", "b"), ("pioneers", "c"))
    spreads = {s.dimension: s for s in dimension_spreads(questionnaire, respondents)}
    assert spreads["presence"].low < spreads["presence"].median < spreads["presence"].high


@pytest.mark.parametrize(("unknown", "gap"), [(0, False), (1, True)])
def test_a_dimension_is_a_group_knowledge_gap_from_a_quarter_of_i_dont_know(
    questionnaire, unknown, gap
):
    # Budget has two factual questions: with two respondents, one "I don't know" is a quarter.
    assert GROUP_KNOWLEDGE_GAP_SHARE == 0.25
    changes = {"p0": {"budget": "dont_know"}} if unknown else {}
    respondents = room(("combative", "a"), ("combative", "b"), **changes)
    assert ("budget" in group_knowledge_gaps(dimension_spreads(questionnaire, respondents))) is gap


def test_dimension_spreads_give_each_dimensions_median_lowest_and_highest_score(questionnaire):
    # Presence scores 27, 73 and 100 for these three portraits; ROI 6, 33 and 100.
    respondents = room(("silent_mass", "a"), ("combative", "b"), ("pioneers", "c"))
    spreads = {s.dimension: s for s in dimension_spreads(questionnaire, respondents)}
    assert (spreads["presence"].low, spreads["presence"].median, spreads["presence"].high) == (
        27,
        73,
        100,
    )
    assert (spreads["roi"].low, spreads["roi"].median, spreads["roi"].high) == (6, 33, 100)


def test_an_empty_room_has_no_spread(questionnaire):
    for spread in dimension_spreads(questionnaire, []):
        assert (spread.median, spread.low, spread.high, spread.dont_know_share) == (0, 0, 0, 0.0)


def test_the_dont_know_share_counts_answers_to_the_questions_that_offer_it(questionnaire):
    # ROI has four such questions (indicators, tools, reporting, CRM link): two people answer
    # eight of them, one "I don't know" among them is an eighth; an unanswered one is not counted.
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        p0={"indicators": ["dont_know"]},
    )
    spreads = {s.dimension: s for s in dimension_spreads(questionnaire, respondents)}
    assert spreads["roi"].dont_know_share == pytest.approx(1 / 8)
    assert spreads["budget"].dont_know_share == 0.0
    unanswered = room(("combative", "a"), ("combative", "b"), p0={"budget": "dont_know"})
    unanswered[1] = Respondent(role="b", answers={**unanswered[1].answers, "budget": ""})
    spreads = {s.dimension: s for s in dimension_spreads(questionnaire, unanswered)}
    # Budget and next year's budget offer "I don't know": three answers given, one unknown.
    assert spreads["budget"].dont_know_share == pytest.approx(1 / 3)


def test_a_multiple_choice_counts_each_option_and_ignores_the_unanswered(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("combative", "c"),
        p0={"networks": ["linkedin", "facebook"]},
        p1={"networks": ["linkedin"]},
        p2={"networks": []},
    )
    spread = question_spread(questionnaire.question("networks"), respondents)
    assert spread.answered == 2
    assert spread.counts == {"linkedin": 2, "facebook": 1}
    assert spread.disagreement == pytest.approx(0.5)


def test_a_question_nobody_answered_has_no_disagreement_and_no_proposal(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p0={"budget": "", "networks": []})
    respondents[1] = Respondent(role="b", answers={})
    for question_id in ("budget", "networks"):
        spread = question_spread(questionnaire.question(question_id), respondents)
        assert (spread.answered, spread.disagreement, spread.proposed) == (0, 0.0, None)


def test_a_group_that_mostly_has_no_account_is_proposed_none(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("combative", "c"),
        p0={"networks": ["none"]},
        p1={"networks": ["none"]},
        p2={"networks": ["linkedin"]},
    )
    assert proposed_consensus(question_spreads(questionnaire, respondents))["networks"] == ["none"]


def test_none_chosen_by_half_beside_an_option_chosen_by_half_gives_way_to_it(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        p0={"networks": ["none"]},
        p1={"networks": ["linkedin"]},
    )
    assert proposed_consensus(question_spreads(questionnaire, respondents))["networks"] == [
        "linkedin"
    ]


def test_two_people_who_disagree_are_enough_for_the_agenda(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p1={"budget": "zero"})
    assert [s.question.id for s in agenda(question_spreads(questionnaire, respondents))] == [
        "budget"
    ]


def test_a_room_that_knows_everything_has_no_dont_know_share(questionnaire):
    spreads = dimension_spreads(questionnaire, room(("combative", "a"), ("combative", "b")))
    assert all(spread.dont_know_share == 0.0 for spread in spreads)


def test_a_single_choice_counts_each_answer_and_a_role_of_two_shows_its_common_answer(
    questionnaire,
):
    respondents = room(
        ("combative", "sales"),
        ("combative", "sales"),
        ("combative", "marketing"),
        p2={"budget": "zero"},
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    assert spread.counts == {"lt10k": 2, "zero": 1}
    networks = question_spread(questionnaire.question("networks"), respondents)
    assert networks.by_role == {"sales": ",".join(PROFILES["combative"]()["networks"])}
