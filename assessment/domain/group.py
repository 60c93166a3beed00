"""A group's answers in a workshop: where it agrees, where it diverges, what it does not know.

Plain Python, like the rest of the domain. The consultant's agenda is the ranking of questions by
disagreement; the proposed consensus is what the group would agree on if nobody spoke.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .questionnaire import DIMENSIONS, MULTI, SINGLE, Question, Questionnaire
from .scoring import score

# How many of the most divergent questions make the discussion agenda: about an hour of
# workshop at ten minutes a question.
AGENDA_LENGTH = 6

# A dimension is a knowledge gap for the group when at least this share of its factual answers
# is "I don't know": then nobody in the room holds that knowledge, or too few do.
GROUP_KNOWLEDGE_GAP_SHARE = 0.25

# A role's most common answer is shown only when at least this many of the role answered: the
# one manager in the room is not singled out in anonymous mode.
ROLE_GROUP_MINIMUM = 2

# In a multiple choice, an option belongs to the proposed consensus when at least half the group
# chose it.
MULTI_CONSENSUS_SHARE = 0.5


@dataclass(frozen=True)
class Respondent:
    role: str
    answers: Mapping[str, object]


@dataclass(frozen=True)
class QuestionSpread:
    question: Question
    answered: int
    counts: Mapping[str, int]  # option value -> how many chose it
    disagreement: float  # 0 (everyone agrees) to 1, see `disagreement`
    by_role: Mapping[str, str | None]  # role -> its most common answer
    proposed: object  # the proposed consensus answer


@dataclass(frozen=True)
class DimensionSpread:
    dimension: str
    median: float
    low: int  # the lowest participant score
    high: int  # the highest
    dont_know_share: float


def disagreement(values: Sequence[str]) -> float:
    """The variation ratio: the share of the group that did not give the most common answer.

    0 when everyone agrees; 0.5 when the room splits in two halves; close to 1 when every answer
    is different. Chosen because it reads aloud: "40 % of you answered something else".
    """
    if not values:
        return 0.0
    modal_count = Counter(values).most_common(1)[0][1]
    return 1 - modal_count / len(values)


def _multi_disagreement(answers: Sequence[list[str]]) -> float:
    """For a multiple choice, the same measure over whole selections: two people agree when they
    chose the same set of options."""
    return disagreement([",".join(sorted(answer)) for answer in answers])


def _proposed(question: Question, answers: Sequence[object]) -> object:
    if question.kind == MULTI:
        chosen = [
            option
            for option in question.options
            if sum(option.value in answer for answer in answers) / len(answers)
            >= MULTI_CONSENSUS_SHARE
        ]
        # "None" or "I don't know" cannot stand beside real options: the real ones win.
        if len(chosen) > 1:
            chosen = [option for option in chosen if not option.exclusive]
        return [option.value for option in chosen] or None
    counts = Counter(answers)
    top = max(counts.values())
    tied = [value for value, count in counts.items() if count == top]

    # A tie is settled towards the weaker answer (fewer points, "I don't know" counting as the
    # weakest): the group claims only what all of it supports. Answers reach here cleaned, so
    # every one is an option of the question.
    def weakness(value):
        return (question.option(value).points, question.option_values().index(value))

    return min(tied, key=weakness)


def _modal(values: Sequence[str]) -> str:
    return Counter(values).most_common(1)[0][0]


def question_spread(question: Question, respondents: Sequence[Respondent]) -> QuestionSpread:
    given = [(r.role, r.answers.get(question.id)) for r in respondents]
    given = [(role, answer) for role, answer in given if answer not in (None, "", [])]
    answers = [answer for _, answer in given]
    flat: dict[str, list[str]] = defaultdict(list)
    if question.kind == MULTI:
        counts = Counter(value for answer in answers for value in answer)
        spread = _multi_disagreement(answers)
        for role, answer in given:
            flat[role].append(",".join(answer))
    else:
        counts = Counter(answers)
        spread = disagreement(answers)
        for role, answer in given:
            flat[role].append(answer)
    return QuestionSpread(
        question=question,
        answered=len(answers),
        counts=dict(counts),
        disagreement=spread,
        by_role={
            role: _modal(values)
            for role, values in flat.items()
            if len(values) >= ROLE_GROUP_MINIMUM
        },
        proposed=_proposed(question, answers) if answers else None,
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


def agenda(spreads: Sequence[QuestionSpread], length: int = AGENDA_LENGTH) -> list[QuestionSpread]:
    """The questions where the group disagrees most: the order of the discussion.

    Only questions about the company's practice count (scored ones and the study's two
    questions); context like the sector is not debated. Ties keep the questionnaire's order.
    """
    debated = [
        spread
        for spread in spreads
        if (spread.question.is_scored or spread.question.role)
        and spread.answered >= 2
        and spread.disagreement > 0
    ]
    return sorted(debated, key=lambda spread: -spread.disagreement)[:length]


def proposed_consensus(spreads: Sequence[QuestionSpread]) -> dict[str, object]:
    return {
        spread.question.id: spread.proposed for spread in spreads if spread.proposed is not None
    }


def dimension_spreads(
    questionnaire: Questionnaire, respondents: Sequence[Respondent]
) -> list[DimensionSpread]:
    """Each dimension's median score in the group, its range, and its share of "I don't know"."""
    all_scores = [score(questionnaire, r.answers).dimensions for r in respondents]
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


def group_knowledge_gaps(spreads: Sequence[DimensionSpread]) -> list[str]:
    return [s.dimension for s in spreads if s.dont_know_share >= GROUP_KNOWLEDGE_GAP_SHARE]
