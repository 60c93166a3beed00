"""Disagreement and the split between roles are means over every pair of people: counted per
pair of distinct answers, they must come out as the pair-by-pair definition says."""

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.domain.group import dispersion, distance, is_dont_know, role_split
from assessment.domain.questionnaire import load_questionnaire

QUESTIONNAIRE = load_questionnaire()
TEMPO = QUESTIONNAIRE.question("tempo")
NETWORKS = QUESTIONNAIRE.question("networks")
GROUPS = ("management", "sales", "__others__")


def pairwise_dispersion(question, answers):
    known = [a for a in answers if not is_dont_know(question, a)]
    pairs = list(combinations(known, 2))
    return sum(distance(question, a, b) for a, b in pairs) / len(pairs) if pairs else 0.0


def pairwise_role_split(question, grouped):
    known = [(g, a) for g, a in grouped if not is_dont_know(question, a)]
    between, within = [], []
    for (group_a, a), (group_b, b) in combinations(known, 2):
        (within if group_a == group_b else between).append(distance(question, a, b))
    if not between:
        return 0.0
    inside = sum(within) / len(within) if within else 0.0
    return max(0.0, sum(between) / len(between) - inside)


tempo_answers = st.sampled_from([option.value for option in TEMPO.options])
network_answers = st.lists(
    st.sampled_from([option.value for option in NETWORKS.options]), max_size=4, unique=True
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GROUPS), tempo_answers), max_size=40))
def test_a_scale_questions_means_are_those_of_every_pair_of_people(grouped):
    answers = [answer for _, answer in grouped]
    assert abs(dispersion(TEMPO, answers) - pairwise_dispersion(TEMPO, answers)) < 1e-9
    assert abs(role_split(TEMPO, grouped) - pairwise_role_split(TEMPO, grouped)) < 1e-9


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GROUPS), network_answers), max_size=40))
def test_a_multiple_choices_means_are_those_of_every_pair_of_people(grouped):
    answers = [answer for _, answer in grouped]
    assert abs(dispersion(NETWORKS, answers) - pairwise_dispersion(NETWORKS, answers)) < 1e-9
    assert abs(role_split(NETWORKS, grouped) - pairwise_role_split(NETWORKS, grouped)) < 1e-9
