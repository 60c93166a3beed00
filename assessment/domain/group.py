"""A group's answers in a workshop: where it agrees, where it diverges, what it does not know.

Plain Python, like the rest of the domain. Three rules run through it:
- no statement about fewer than `ROLE_GROUP_MINIMUM` people of a role, so that nobody's answer
  can be read off a role's "view" (`role_groups`);
- the agenda ranks questions by how far apart the answers are on the question's own scale, and
  by how much the roles split (`distance`, `dispersion`, `role_split`, `agenda`);
- "I don't know" is a knowledge gap, not an opinion: it neither counts as disagreement nor votes
  in the proposed consensus (`knowers`, `knowledge_gaps`, `proposed`).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .questionnaire import DIMENSIONS, MULTI, SINGLE, Question, Questionnaire
from .scoring import score

# How many of the most divergent questions make the discussion agenda: about an hour of
# workshop at ten minutes a question.
AGENDA_LENGTH = 6

# A question is a knowledge gap for the room when at least this share of those who answered it
# said "I don't know": a quarter of the room cannot weigh in on it.
GROUP_KNOWLEDGE_GAP_SHARE = 0.25

# A role is shown on its own only from this many people: with two, each learns the other's
# answer; with one, the role's "view" is one person's answer. Smaller roles are pooled.
ROLE_GROUP_MINIMUM = 3

# The pool of roles too small to be shown on their own.
OTHER_ROLES = "__others__"

# In a multiple choice, an option belongs to the proposed consensus when at least half of those
# who know chose it.
MULTI_CONSENSUS_SHARE = 0.5


@dataclass(frozen=True)
class Respondent:
    role: str
    answers: Mapping[str, object]
    # The dimension scores stored when the respondent finished, if at hand: scoring again what
    # was scored at completion is most of the work of a live view polled every few seconds.
    scores: Mapping[str, int] | None = None


@dataclass(frozen=True)
class RoleView:
    """What one group of roles answered to a question: never fewer than ROLE_GROUP_MINIMUM."""

    group: str  # a role, or OTHER_ROLES
    answered: int
    counts: Mapping[str, int]  # option value -> how many of the group chose it
    knowing: int  # how many of the group gave an answer other than "I don't know"
    majority: str | None  # the answer more than half of those who know gave; None: divided


@dataclass(frozen=True)
class QuestionSpread:
    question: Question
    answered: int
    counts: Mapping[str, int]  # option value -> how many chose it
    dont_know: int  # how many answered "I don't know"
    disagreement: float  # 0 (all who know agree) to 1, see `dispersion`
    role_split: float  # 0 (roles answer alike) to 1 (each role unanimous, at opposite ends)
    by_role: Sequence[RoleView]  # empty unless at least two groups can be shown
    proposed: object  # the proposed consensus answer; None leaves the question to the room

    @property
    def knowing(self) -> int:
        return self.answered - self.dont_know

    @property
    def priority(self) -> float:
        """The agenda's measure: how far apart the answers are, plus how much the roles split.

        Both run from 0 to 1, so a question on which the room is as far apart as on another but
        splits along roles comes first: that is where the discussion teaches the most.
        """
        return self.disagreement + self.role_split

    @property
    def is_open(self) -> bool:
        """Answered, but with no answer a majority of those who know would agree on."""
        return self.knowing > 0 and self.proposed is None


@dataclass(frozen=True)
class DimensionSpread:
    dimension: str
    median: float
    low: int  # the lowest participant score
    high: int  # the highest
    dont_know_share: float


def role_groups(roles: Sequence[str]) -> dict[str, str]:
    """Each role present -> the group it is shown under.

    A role of at least ROLE_GROUP_MINIMUM people is shown on its own; smaller roles are pooled
    as "other roles". A pool of one or two would be read off by subtraction (the room's answers
    minus the shown roles'), so the smallest shown role joins the pool until the pool is empty or
    large enough. When everyone ends in one group, no role is shown apart from the room.
    """
    sizes = Counter(roles)
    shown = {role for role, size in sizes.items() if size >= ROLE_GROUP_MINIMUM}
    pooled = sum(size for role, size in sizes.items() if role not in shown)
    while 0 < pooled < ROLE_GROUP_MINIMUM and shown:
        # The smallest shown role joins; among equals, the first in name order, so that the
        # grouping never depends on who joined first.
        smallest = min(shown, key=lambda role: (sizes[role], role))
        shown.discard(smallest)
        pooled += sizes[smallest]
    return {role: role if role in shown else OTHER_ROLES for role in sizes}


def is_dont_know(question: Question, answer: object) -> bool:
    """An answer that says the respondent does not know: it is no position on the scale."""
    unknown = {option.value for option in question.options if option.dont_know}
    if question.kind == MULTI:
        return bool(answer) and set(answer) <= unknown
    return answer in unknown


def knowers(question: Question, answers: Sequence[object]) -> list[object]:
    return [answer for answer in answers if not is_dont_know(question, answer)]


def distance(question: Question, a: object, b: object) -> float:
    """How far apart two answers are, from 0 (the same) to 1 (as far as the question allows).

    A single choice is a scale: its options are listed from weakest to strongest, so two answers
    two steps apart are twice as far as neighbours (the distance in steps over the scale's
    width). A multiple choice compares two selections by the share of the options either chose
    that only one of them chose (Jaccard distance).
    """
    if question.kind == MULTI:
        first, second = set(a), set(b)
        either = first | second
        return len(first ^ second) / len(either) if either else 0.0
    scale = [option.value for option in question.options if not option.dont_know]
    if len(scale) < 2:
        return 0.0
    return abs(scale.index(a) - scale.index(b)) / (len(scale) - 1)


def _tally(question: Question, answers: Sequence[object]) -> list[tuple[object, int]]:
    """Each distinct answer once, with how many gave it: a room gives a few distinct answers
    many times over, and the distances below are counted per pair of distinct answers (two
    identical answers are 0 apart), not per pair of people, which at a thousand people is half
    a million pairs a question."""
    counts: Counter = Counter()
    first: dict[object, object] = {}
    for answer in answers:
        key = frozenset(answer) if question.kind == MULTI else answer
        counts[key] += 1
        first.setdefault(key, answer)
    return [(first[key], count) for key, count in counts.items()]


def dispersion(question: Question, answers: Sequence[object]) -> float:
    """The mean distance between two people's answers, "I don't know" left out.

    0 when all who know agree; 1 only when two people stand at opposite ends of the scale. It
    reads aloud: "on average, two of you are a third of the scale apart".
    """
    known = knowers(question, answers)
    pairs = len(known) * (len(known) - 1) / 2
    if not pairs:
        return 0.0
    total = sum(
        first * second * distance(question, a, b)
        for (a, first), (b, second) in combinations(_tally(question, known), 2)
    )
    return total / pairs


def role_split(question: Question, grouped: Sequence[tuple[str, object]]) -> float:
    """How much more two people of different groups disagree than two of the same group.

    The mean distance between people of different groups minus the mean distance within
    groups, floored at 0: 1 when each group is unanimous and the groups stand at opposite ends,
    0 when the roles are mixed alike. Only groups that can be shown (see `role_groups`) count, so
    the agenda never ranks on what it could not say.
    """
    known = [(group, a) for group, a in grouped if not is_dont_know(question, a)]
    by_group: dict[str, list[object]] = defaultdict(list)
    for group, answer in known:
        by_group[group].append(answer)
    tallies = [_tally(question, answers) for answers in by_group.values()]
    # Two people giving the same answer in the same group are a pair within, 0 apart.
    within_pairs = sum(len(answers) * (len(answers) - 1) / 2 for answers in by_group.values())
    within = between = between_pairs = 0.0
    for tally_a, tally_b in combinations(tallies, 2):
        for a, first in tally_a:
            for b, second in tally_b:
                between += first * second * distance(question, a, b)
                between_pairs += first * second
    for tally in tallies:
        for (a, first), (b, second) in combinations(tally, 2):
            within += first * second * distance(question, a, b)
    if not between_pairs:
        return 0.0
    inside = within / within_pairs if within_pairs else 0.0
    return max(0.0, between / between_pairs - inside)


def _selection(answer: object) -> str:
    return ",".join(sorted(answer)) if isinstance(answer, list) else str(answer)


def _majority(values: Sequence[str]) -> str | None:
    """The answer more than half gave, if any."""
    if not values:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count * 2 > len(values) else None


def proposed(question: Question, answers: Sequence[object]) -> object:
    """What the group would agree on if nobody spoke, from the people who know.

    A single choice takes the answer more than half of those who know gave; without such a
    majority the question is left to the room (None), never settled by a tie-break. A multiple
    choice keeps the options at least half of those who know chose.
    """
    known = knowers(question, answers)
    if not known:
        return None
    if question.kind == MULTI:
        chosen = [
            option
            for option in question.options
            if sum(option.value in answer for answer in known) / len(known) >= MULTI_CONSENSUS_SHARE
        ]
        # "None" cannot stand beside real options: the real ones win.
        if len(chosen) > 1:
            chosen = [option for option in chosen if not option.exclusive]
        return [option.value for option in chosen] or None
    return _majority(known)


def question_spread(question: Question, respondents: Sequence[Respondent]) -> QuestionSpread:
    given = [(r.role, r.answers.get(question.id)) for r in respondents]
    given = [(role, answer) for role, answer in given if answer not in (None, "", [])]
    answers = [answer for _, answer in given]
    if question.kind == MULTI:
        counts = Counter(value for answer in answers for value in answer)
    else:
        counts = Counter(answers)
    # Groups are counted on who answered this question: a role of three with one silent member
    # is a role of two here, and is pooled.
    groups = role_groups([role for role, _ in given])
    grouped = [(groups[role], answer) for role, answer in given]
    by_group: dict[str, list[object]] = defaultdict(list)
    for group, answer in grouped:
        by_group[group].append(answer)
    views = []
    if len(by_group) >= 2:
        for group, group_answers in by_group.items():
            views.append(
                RoleView(
                    group=group,
                    answered=len(group_answers),
                    counts=dict(
                        Counter(v for a in group_answers for v in a)
                        if question.kind == MULTI
                        else Counter(group_answers)
                    ),
                    # "I don't know" is no view: a role's leaning is read from those who know.
                    knowing=len(knowers(question, group_answers)),
                    majority=_majority([_selection(a) for a in knowers(question, group_answers)]),
                )
            )
        # Named roles first, in name order, then the pool: never in joining order.
        views.sort(key=lambda view: (view.group == OTHER_ROLES, view.group))
    return QuestionSpread(
        question=question,
        answered=len(answers),
        counts=dict(counts),
        dont_know=sum(is_dont_know(question, answer) for answer in answers),
        disagreement=dispersion(question, answers),
        role_split=role_split(question, grouped) if views else 0.0,
        by_role=views,
        proposed=proposed(question, answers),
    )


def question_spreads(
    questionnaire: Questionnaire, respondents: Sequence[Respondent]
) -> list[QuestionSpread]:
    """Every choice question's spread, in questionnaire order: computed once, read twice."""
    return [
        question_spread(question, respondents)
        for question in questionnaire.questions
        if question.kind in (SINGLE, MULTI)
    ]


def enough_answers(
    spreads: Sequence[QuestionSpread], minimum: int = ROLE_GROUP_MINIMUM
) -> list[QuestionSpread]:
    """The questions answered by at least `minimum` people, for a reader who answered too.

    Whoever reads a group they belong to knows their own answer: a question only two answered
    (one asked of some companies only, or skipped) would hand them the other's. Such a question
    is left out of everything built on the spreads: agenda, gaps and proposal.
    """
    return [spread for spread in spreads if spread.answered >= minimum]


def agenda(spreads: Sequence[QuestionSpread], length: int = AGENDA_LENGTH) -> list[QuestionSpread]:
    """The questions to discuss, most divergent first.

    Only questions about the company's practice count (scored ones and the study's two
    questions); context like the sector is not debated. Ranked by `QuestionSpread.priority`;
    ties go to the stronger split between roles, then to the question more people could answer,
    then to the question's id: never to the questionnaire's order.
    """
    debated = [
        spread
        for spread in spreads
        if (spread.question.is_scored or spread.question.role)
        and spread.knowing >= 2
        and spread.disagreement > 0
    ]
    ranked = sorted(
        debated,
        key=lambda s: (-round(s.priority, 9), -round(s.role_split, 9), -s.knowing, s.question.id),
    )
    return ranked[:length]


def knowledge_gaps(spreads: Sequence[QuestionSpread]) -> list[QuestionSpread]:
    """The questions a quarter or more of those who answered could not: most unknown first."""
    gaps = [
        spread
        for spread in spreads
        if spread.dont_know and spread.dont_know >= GROUP_KNOWLEDGE_GAP_SHARE * spread.answered
    ]
    return sorted(gaps, key=lambda s: (-s.dont_know / s.answered, s.question.id))


def knowing_groups(spread: QuestionSpread) -> list[str]:
    """The shown groups (never the pool) in which everyone who answered knew the answer."""
    unknown = {option.value for option in spread.question.options if option.dont_know}
    return [
        view.group
        for view in spread.by_role
        if view.group != OTHER_ROLES and not unknown & set(view.counts)
    ]


def proposed_consensus(spreads: Sequence[QuestionSpread]) -> dict[str, object]:
    return {
        spread.question.id: spread.proposed for spread in spreads if spread.proposed is not None
    }


def dimension_spreads(
    questionnaire: Questionnaire, respondents: Sequence[Respondent]
) -> list[DimensionSpread]:
    """Each dimension's median score in the group, its range, and its share of "I don't know"."""
    all_scores = [
        r.scores if r.scores is not None else score(questionnaire, r.answers).dimensions
        for r in respondents
    ]
    spreads = []
    for dimension in DIMENSIONS:
        values = [scores[dimension] for scores in all_scores]
        factual = [
            q
            for q in questionnaire.questions
            if q.dimension == dimension and any(o.dont_know for o in q.options)
        ]
        asked = [
            (q, r.answers.get(q.id))
            for q in factual
            for r in respondents
            if r.answers.get(q.id) not in (None, "", [])
        ]
        unknown = sum(
            1
            for q, answer in asked
            if answer is not None
            and any(
                o.dont_know
                and (o.value == answer or isinstance(answer, list) and o.value in answer)
                for o in q.options
            )
        )
        spreads.append(
            DimensionSpread(
                dimension=dimension,
                median=statistics.median(values) if values else 0,
                low=min(values) if values else 0,
                high=max(values) if values else 0,
                dont_know_share=unknown / len(asked) if asked else 0.0,
            )
        )
    return spreads
