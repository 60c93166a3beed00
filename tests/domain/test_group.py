import pytest

from assessment.domain.group import (
    GROUP_KNOWLEDGE_GAP_SHARE,
    OTHER_ROLES,
    ROLE_GROUP_MINIMUM,
    Respondent,
    agenda,
    dimension_spreads,
    dispersion,
    distance,
    knowing_groups,
    knowledge_gaps,
    proposed_consensus,
    question_spread,
    question_spreads,
    role_groups,
)
from tests.profiles_2026 import PROFILES_2026 as PROFILES


def room(*profiles_and_roles, **changes_by_index):
    return [
        Respondent(role=role, answers={**PROFILES[profile](), **changes_by_index.get(f"p{i}", {})})
        for i, (profile, role) in enumerate(profiles_and_roles)
    ]


def people(roles_and_answers):
    """A room built by hand: (role, {question: answer}) on top of a combative company."""
    return [
        Respondent(role=role, answers={**PROFILES["combative"](), **answers})
        for role, answers in roles_and_answers
    ]


# Distance on a question's own scale


def test_answers_two_steps_apart_are_twice_as_far_as_neighbours(questionnaire):
    tempo = questionnaire.question("tempo")  # behind, in step, ahead
    assert distance(tempo, "late", "in_step") == pytest.approx(0.5)
    assert distance(tempo, "late", "ahead") == pytest.approx(1.0)
    assert distance(tempo, "ahead", "ahead") == 0.0


def test_i_dont_know_is_not_a_step_of_the_scale(questionnaire):
    budget = questionnaire.question("budget")  # five amounts, then "I don't know"
    assert distance(budget, "zero", "gt150k") == pytest.approx(1.0)
    assert distance(budget, "zero", "lt10k") == pytest.approx(0.25)


def test_two_selections_are_as_far_apart_as_the_share_of_options_only_one_chose(questionnaire):
    networks = questionnaire.question("networks")
    assert distance(networks, ["linkedin", "x"], ["linkedin"]) == pytest.approx(0.5)
    assert distance(networks, ["linkedin"], ["facebook"]) == pytest.approx(1.0)
    assert distance(networks, ["x", "linkedin"], ["linkedin", "x"]) == 0.0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (["ahead", "ahead", "ahead"], 0.0),
        (["late", "ahead"], 1.0),
        (["late", "in_step"], 0.5),
        # Three pairs: 0.5, 1 and 0.5 apart.
        (["late", "in_step", "ahead"], 2 / 3),
        ([], 0.0),
        (["ahead"], 0.0),
    ],
)
def test_disagreement_is_the_mean_distance_between_two_peoples_answers(
    questionnaire, answers, expected
):
    assert dispersion(questionnaire.question("tempo"), answers) == pytest.approx(expected)


def test_i_dont_know_is_left_out_of_the_disagreement(questionnaire):
    budget = questionnaire.question("budget")
    assert dispersion(budget, ["lt10k", "dont_know", "lt10k", "dont_know"]) == 0.0


# Roles: never fewer than three people behind a role's view


def test_a_role_of_three_is_shown_and_smaller_roles_are_pooled():
    assert ROLE_GROUP_MINIMUM == 3
    groups = role_groups(["management"] * 3 + ["sales"] * 3 + ["marketing"] * 2 + ["other"])
    assert groups == {
        "management": "management",
        "sales": "sales",
        "marketing": OTHER_ROLES,
        "other": OTHER_ROLES,
    }


def test_a_pool_of_one_takes_in_the_smallest_shown_role_so_it_cannot_be_read_by_subtraction():
    groups = role_groups(["sales"] + ["management"] * 4 + ["marketing"] * 3)
    assert groups == {"sales": OTHER_ROLES, "marketing": OTHER_ROLES, "management": "management"}


def test_the_role_that_joins_the_pool_does_not_depend_on_who_joined_first():
    first = role_groups(["sales"] * 3 + ["marketing"] * 3 + ["other"])
    second = role_groups(["other"] + ["marketing"] * 3 + ["sales"] * 3)
    assert first == second == {"marketing": OTHER_ROLES, "other": OTHER_ROLES, "sales": "sales"}


def test_a_role_of_three_shows_the_answer_more_than_half_gave(questionnaire):
    respondents = people(
        [("management", {"tempo": "ahead"})] * 2
        + [("management", {"tempo": "in_step"})]
        + [("sales", {"tempo": "late"})] * 3
    )
    spread = question_spread(questionnaire.question("tempo"), respondents)
    views = {view.group: view for view in spread.by_role}
    assert views["management"].majority == "ahead"
    assert views["management"].counts == {"ahead": 2, "in_step": 1}
    assert views["sales"].majority == "late"


def test_a_role_with_no_majority_is_divided_never_settled_by_who_joined_first(questionnaire):
    respondents = people(
        [("management", {"tempo": "ahead"}), ("management", {"tempo": "late"})]
        + [("management", {"tempo": "in_step"})]
        + [("sales", {"tempo": "late"})] * 3
    )
    spread = question_spread(questionnaire.question("tempo"), respondents)
    assert {view.group: view.majority for view in spread.by_role} == {
        "management": None,
        "sales": "late",
    }


@pytest.mark.parametrize("size", [1, 2])
def test_a_role_of_one_or_two_is_never_shown(questionnaire, size):
    respondents = people(
        [("management", {"tempo": "ahead"})] * size + [("sales", {"tempo": "late"})] * 3
    )
    spread = question_spread(questionnaire.question("tempo"), respondents)
    # Sales alone beside a pool of one or two would give the pool away: nobody is shown apart.
    assert spread.by_role == []
    assert spread.role_split == 0.0


def test_roles_are_counted_on_who_answered_the_question(questionnaire):
    respondents = people(
        [("management", {"tempo": "ahead"})] * 2
        + [("management", {"tempo": ""})]
        + [("sales", {"tempo": "late"})] * 3
        + [("marketing", {"tempo": "late"})] * 3
    )
    spread = question_spread(questionnaire.question("tempo"), respondents)
    # Two managers answered: they are pooled, and the pool of two takes in marketing.
    assert {view.group for view in spread.by_role} == {"sales", OTHER_ROLES}
    assert {view.group: view.answered for view in spread.by_role}[OTHER_ROLES] == 5


# The agenda: far apart first, roles that split first among equals


def test_the_agenda_ranks_answers_far_apart_above_neighbours(questionnaire):
    # The transport company: management "ahead" twice, sales "behind" twice, the others in step;
    # on the budget, five agree and one is a step below.
    respondents = people(
        [
            ("management", {"tempo": "ahead"}),
            ("management", {"tempo": "ahead"}),
            ("sales", {"tempo": "late"}),
            ("sales", {"tempo": "late"}),
            ("marketing", {"tempo": "in_step", "budget": "zero"}),
            ("other", {"tempo": "in_step"}),
        ]
    )
    items = agenda(question_spreads(questionnaire, respondents))
    assert [item.question.id for item in items] == ["tempo", "budget"]


def test_a_split_between_roles_comes_before_the_same_spread_within_roles(questionnaire):
    split = [("management", {"tempo": "ahead"})] * 3 + [("sales", {"tempo": "late"})] * 3
    mixed = [("management", {"tempo": "ahead"}), ("management", {"tempo": "late"})] * 1 + [
        ("management", {"tempo": "ahead"}),
        ("sales", {"tempo": "late"}),
        ("sales", {"tempo": "ahead"}),
        ("sales", {"tempo": "late"}),
    ]
    tempo = questionnaire.question("tempo")
    by_roles = question_spread(tempo, people(split))
    within = question_spread(tempo, people(mixed))
    assert by_roles.disagreement == pytest.approx(within.disagreement)
    assert by_roles.role_split == pytest.approx(1.0)
    assert within.role_split == pytest.approx(0.0)
    assert by_roles.priority > within.priority


def test_agenda_ties_never_follow_the_questionnaires_order(questionnaire):
    respondents = people(
        [("management", {"budget": "zero", "tempo": "late"})]
        + [("management", {"budget": "lt10k", "tempo": "in_step"})]
    )
    spreads = question_spreads(questionnaire, respondents)
    forwards = [item.question.id for item in agenda(spreads)]
    backwards = [item.question.id for item in agenda(list(reversed(spreads)))]
    assert forwards == backwards


def test_context_questions_are_not_on_the_agenda(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p1={"sector": "industry"})
    assert all(
        s.question.id != "sector" for s in agenda(question_spreads(questionnaire, respondents))
    )


def test_a_lone_answer_is_no_disagreement(questionnaire):
    assert agenda(question_spreads(questionnaire, room(("combative", "a")))) == []


def test_two_people_who_disagree_are_enough_for_the_agenda(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p1={"budget": "zero"})
    assert [s.question.id for s in agenda(question_spreads(questionnaire, respondents))] == [
        "budget"
    ]


def test_one_answer_against_i_dont_know_is_no_disagreement(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p1={"budget": "dont_know"})
    assert agenda(question_spreads(questionnaire, respondents)) == []


# What the room does not know


def test_a_question_is_a_knowledge_gap_from_a_quarter_of_i_dont_know(questionnaire):
    assert GROUP_KNOWLEDGE_GAP_SHARE == 0.25
    three_of_four = people([("a", {"budget": "lt10k"})] * 3 + [("b", {"budget": "dont_know"})])
    four_of_five = people([("a", {"budget": "lt10k"})] * 4 + [("b", {"budget": "dont_know"})])
    assert [
        s.question.id for s in knowledge_gaps(question_spreads(questionnaire, three_of_four))
    ] == ["budget"]
    assert knowledge_gaps(question_spreads(questionnaire, four_of_five)) == []


def test_the_room_knows_what_some_of_it_knows(questionnaire):
    respondents = people(
        [("sales", {"budget": "dont_know"})] * 2
        + [("marketing", {"budget": "10_50k"})] * 3
        + [("management", {"budget": "lt10k"})]
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    assert (spread.answered, spread.dont_know, spread.knowing) == (6, 2, 4)
    # Marketing (three people) all answered; the pool (sales and management) is never named.
    assert knowing_groups(spread) == ["marketing"]


def test_a_role_of_one_that_knows_is_not_named(questionnaire):
    respondents = people(
        [("sales", {"budget": "dont_know"})] * 3 + [("marketing", {"budget": "10_50k"})]
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    assert knowing_groups(spread) == []


# The proposed consensus: from those who know, open without a majority


def test_i_dont_know_does_not_vote_in_the_proposal(questionnaire):
    respondents = people(
        [("a", {"budget": "dont_know"})] * 2
        + [("b", {"budget": "10_50k"})] * 3
        + [("c", {"budget": "lt10k"})]
    )
    assert proposed_consensus(question_spreads(questionnaire, respondents))["budget"] == "10_50k"


def test_a_tie_is_left_open_for_the_room(questionnaire):
    respondents = room(("combative", "a"), ("pioneers", "b"))
    spreads = {s.question.id: s for s in question_spreads(questionnaire, respondents)}
    assert "budget" not in proposed_consensus(spreads.values())
    assert spreads["budget"].is_open


def test_a_plurality_short_of_a_majority_is_left_open(questionnaire):
    respondents = people(
        [("a", {"tempo": "late"})] * 2 + [("b", {"tempo": "in_step"}), ("c", {"tempo": "ahead"})]
    )
    assert question_spread(questionnaire.question("tempo"), respondents).proposed is None


def test_the_proposal_is_the_answer_more_than_half_of_those_who_know_gave(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), ("pioneers", "c"))
    proposal = proposed_consensus(question_spreads(questionnaire, respondents))
    assert proposal["who_runs"] == "employee_part_time"


def test_nobody_knowing_proposes_nothing(questionnaire):
    respondents = people([("a", {"hours_week": "dont_know"})] * 3)
    spread = question_spread(questionnaire.question("hours_week"), respondents)
    assert spread.proposed is None
    assert not spread.is_open  # nothing to decide between: it is a knowledge gap


def test_a_proposal_never_combines_none_with_real_options(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        p0={"indicators": ["none"]},
        p1={"indicators": ["reach", "engagement"]},
    )
    proposal = proposed_consensus(question_spreads(questionnaire, respondents))
    assert proposal["indicators"] == ["reach", "engagement"]


def test_a_multiple_choice_keeps_what_half_of_those_who_know_chose(questionnaire):
    respondents = room(
        ("combative", "a"),
        ("combative", "b"),
        ("combative", "c"),
        ("combative", "d"),
        p0={"indicators": ["reach"]},
        p1={"indicators": ["reach", "leads"]},
        p2={"indicators": ["engagement"]},
        p3={"indicators": ["dont_know"]},
    )
    assert proposed_consensus(question_spreads(questionnaire, respondents))["indicators"] == [
        "reach"
    ]


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


# Scores per dimension


def test_dimension_spread_gives_median_and_range(questionnaire):
    respondents = room(("silent_mass", "a"), ("combative", "b"), ("pioneers", "c"))
    spreads = {s.dimension: s for s in dimension_spreads(questionnaire, respondents)}
    assert spreads["presence"].low < spreads["presence"].median < spreads["presence"].high


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


def test_a_question_nobody_answered_has_no_disagreement_and_no_proposal(questionnaire):
    respondents = room(("combative", "a"), ("combative", "b"), p0={"budget": "", "networks": []})
    respondents[1] = Respondent(role="b", answers={})
    for question_id in ("budget", "networks"):
        spread = question_spread(questionnaire.question(question_id), respondents)
        assert (spread.answered, spread.disagreement, spread.proposed) == (0, 0.0, None)


def test_a_room_that_knows_everything_has_no_dont_know_share(questionnaire):
    spreads = dimension_spreads(questionnaire, room(("combative", "a"), ("combative", "b")))
    assert all(spread.dont_know_share == 0.0 for spread in spreads)


def test_a_roles_leaning_is_read_from_those_of_it_who_know(questionnaire):
    respondents = people(
        [("sales", {"budget": "dont_know"})] * 2
        + [("sales", {"budget": "10_50k"})]
        + [("management", {"budget": "lt10k"})] * 3
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    views = {view.group: view for view in spread.by_role}
    # Two of three salespeople do not know: that is no view; the one who knows speaks for them.
    assert (views["sales"].knowing, views["sales"].majority) == (1, "10_50k")


def test_a_role_where_nobody_knows_has_no_leaning(questionnaire):
    respondents = people(
        [("sales", {"budget": "dont_know"})] * 3 + [("management", {"budget": "lt10k"})] * 3
    )
    spread = question_spread(questionnaire.question("budget"), respondents)
    views = {view.group: view for view in spread.by_role}
    assert (views["sales"].knowing, views["sales"].majority) == (0, None)


# The agenda's order and the knowledge gaps' order, on spreads built by hand


def spread_of(question, *, answered=6, dont_know=0, disagreement=0.0, role_split=0.0):
    from assessment.domain.group import QuestionSpread

    return QuestionSpread(
        question=question,
        answered=answered,
        counts={},
        dont_know=dont_know,
        disagreement=disagreement,
        role_split=role_split,
        by_role=(),
        proposed=None,
    )


def test_the_agenda_ranks_by_the_whole_measure_before_the_split_between_roles(questionnaire):
    # Far apart within roles (0.4) comes before a small split alone (0.3): priorities below 1
    # are told apart, not rounded to the same whole number.
    apart = spread_of(questionnaire.question("tempo"), disagreement=0.4)
    split = spread_of(questionnaire.question("strategy"), disagreement=0.1, role_split=0.2)
    assert [s.question.id for s in agenda([split, apart])] == ["tempo", "strategy"]


def test_an_agenda_tie_goes_to_the_stronger_split_then_to_more_people_who_know(questionnaire):
    within = spread_of(questionnaire.question("tempo"), disagreement=0.75)
    across = spread_of(questionnaire.question("strategy"), disagreement=0.5, role_split=0.25)
    assert [s.question.id for s in agenda([within, across])] == ["strategy", "tempo"]
    fewer = spread_of(questionnaire.question("frequency"), dont_know=2, disagreement=0.5)
    more = spread_of(questionnaire.question("strategy"), disagreement=0.5)
    assert [s.question.id for s in agenda([fewer, more])] == ["strategy", "frequency"]


def test_knowledge_gaps_come_most_unknown_first(questionnaire):
    # "budget" comes before "strategy" alphabetically: the order is the share, not the id.
    quarter = spread_of(questionnaire.question("budget"), answered=4, dont_know=1)
    most = spread_of(questionnaire.question("strategy"), answered=4, dont_know=3)
    half = spread_of(questionnaire.question("tempo"), answered=4, dont_know=2)
    assert [s.question.id for s in knowledge_gaps([quarter, most, half])] == [
        "strategy",
        "tempo",
        "budget",
    ]
