"""The company beside the published figures: which figures speak to its answers, and how.

A figure speaks to an answer through its `speaks_to` field:
- `question:<id>=<v1>|<v2>`: the figure is the share of a population whose answer to that question
  is one of these options (a multiple choice counts when any of them was chosen);
  `question:<id>=<v1>;unplaced=<v3>|<v4>` adds the answers the study's groups cannot place: an
  option the study did not know (someone in-house working with an agency is neither a dedicated
  team nor outsourcing) is read against none of them, rather than counted outside the group;
- `segment:<key>`: the share of a segment of the Bpifrance study;
- `context:<topic>`: a figure shown for context, beside no answer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from .figures import (
    COMPARABILITY_ORDER,
    Figure,
    Finding,
    Study,
    can_be_compared,
    load_figures,
    load_findings,
)

# The readings of a comparison, from the company's side.
LIKE = "like"  # the company is in the figure's group
UNLIKE = "unlike"  # it is not, and the figure's group has no order
TOP = "top"  # it is past the figure's group on an ordered question: in the top (100 - value) %
AMONG_TOP = "among_top"  # it is in the figure's group, which is the top of an ordered question

# The Bpifrance study's population: French firms with a turnover of 2 M€ to 1.5 bn€.
BPIFRANCE_STUDY = "bpifrance_2018"
BPIFRANCE_TURNOVER_BANDS = frozenset({"2_10m", "10_50m", "50_250m", "250m_1500m"})
BPIFRANCE_COUNTRY = "fr"
# SMEs and mid-caps: a group of 5,000 staff or more is neither.
BPIFRANCE_HEADCOUNT_BANDS = frozenset({"lt10", "10_19", "20_49", "50_249", "eti"})


@dataclass(frozen=True)
class Target:
    question_id: str
    values: tuple[str, ...]
    unplaced: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    figure: Figure
    question_id: str
    company_answer: object
    reading: str  # LIKE, UNLIKE, TOP or AMONG_TOP
    company_share: float  # the share of the population in the company's situation

    @property
    def study(self) -> Study:
        return self.figure.study


def parse_target(speaks_to: str) -> Target | None:
    kind, _, rest = speaks_to.partition(":")
    if kind != "question" or "=" not in rest:
        return None
    rest, _, unplaced = rest.partition(";unplaced=")
    question_id, _, values = rest.partition("=")
    return Target(
        question_id=question_id,
        values=tuple(values.split("|")),
        unplaced=tuple(unplaced.split("|")) if unplaced else (),
    )


def _in_group(answer: object, values: Sequence[str]) -> bool:
    if isinstance(answer, list):
        return any(value in answer for value in values)
    return answer in values


def compare(
    figure: Figure,
    answers: Mapping[str, object],
    ladder: Sequence[str],
    unknown_values: frozenset[str] = frozenset(),
) -> Comparison | None:
    """One figure beside the company's answer; None when there is nothing honest to say.

    `ladder` is the question's options from weakest to strongest (for a single choice) and
    `unknown_values` its "I don't know" options: nobody can be compared on what they don't know.
    """
    target = parse_target(figure.speaks_to)
    if target is None:
        return None
    answer = answers.get(target.question_id)
    if answer in (None, "", []) or _in_group(answer, tuple(unknown_values)):
        return None
    if not isinstance(answer, list) and answer in target.unplaced:
        return None
    inside = _in_group(answer, target.values)
    ordered = [
        value for value in ladder if value not in unknown_values and value not in target.unplaced
    ]
    group = [value for value in ordered if value in target.values]
    lower_tail = bool(group) and ordered[: len(group)] == group
    upper_tail = bool(group) and ordered[-len(group) :] == group
    if inside:
        # Being in a small group at the top of the scale is worth saying; in a large one it is not.
        reading = AMONG_TOP if upper_tail and not lower_tail and figure.value < 50 else LIKE
        share = figure.value
    else:
        # Past a group that holds most of the population: ahead of most. Past a minority: not.
        ahead = lower_tail and not isinstance(answer, list) and figure.value > 50
        reading = TOP if ahead else UNLIKE
        share = 100 - figure.value
    return Comparison(
        figure=figure,
        question_id=target.question_id,
        company_answer=answer,
        reading=reading,
        company_share=share,
    )


def in_bpifrance_population(answers: Mapping[str, object]) -> bool:
    return (
        answers.get("country") == BPIFRANCE_COUNTRY
        and answers.get("turnover") in BPIFRANCE_TURNOVER_BANDS
        and answers.get("headcount") in BPIFRANCE_HEADCOUNT_BANDS
    )


def question_figures() -> list[Figure]:
    """The figures that may be read against an answer: they name one, and their study is known
    well enough to compare anyone with it."""
    return [
        figure
        for figure in load_figures().values()
        if parse_target(figure.speaks_to) and can_be_compared(figure.study)
    ]


@dataclass(frozen=True)
class Ladder:
    """What the comparison needs to know of a question: its options in order, if ordered."""

    ordered: tuple[str, ...]  # weakest to strongest; empty for an unordered question
    unknown_values: frozenset[str] = frozenset()
    multiple: bool = False  # a multiple choice: several options can be chosen


def _most_telling(comparisons: list[Comparison]) -> Comparison:
    """Of one study's figures on one question, the one that says most about the company.

    Inside several groups (0 € is inside both "under 10 k€" and "nothing"), the narrowest group is
    the most precise; outside them all, the widest group it is out of says the most.
    """
    inside = [c for c in comparisons if c.reading in (LIKE, AMONG_TOP)]
    if inside:
        return min(inside, key=lambda c: c.figure.value)
    return max(comparisons, key=lambda c: c.figure.value)


@dataclass(frozen=True)
class DistributionItem:
    value: str  # the option
    figure: Figure
    chosen: bool  # whether the company chose it too


@dataclass(frozen=True)
class Distribution:
    """One study's shares for each option of a multiple-choice question, beside the company's."""

    study: Study
    question_id: str
    items: tuple[DistributionItem, ...]


def _is_option_share(figure: Figure, ladder: Ladder) -> bool:
    target = parse_target(figure.speaks_to)
    return ladder.multiple and len(target.values) == 1


# A reading that praises an answer and an action that asks to change it cannot both stand: on an
# answer the company is advised to change, being past or in the top group is said plainly, without
# "ahead of most".
PLAIN_READINGS = {TOP: UNLIKE, AMONG_TOP: LIKE}


def without_praise(comparison: Comparison) -> Comparison:
    plain = PLAIN_READINGS.get(comparison.reading, comparison.reading)
    return replace(comparison, reading=plain)


def compare_all(
    answers: Mapping[str, object],
    ladders: Mapping[str, Ladder],
    to_change: Collection[str] = frozenset(),
) -> list[Comparison]:
    """The figures that speak to the company's answers, one per study and question, the most
    comparable study first, then in questionnaire order. Option-by-option shares of a multiple
    choice are left to `distributions`. `to_change` names the questions whose answers an action
    asks the company to change: those are never read as praise."""
    by_study_and_question: dict[tuple[str, str], list[Comparison]] = {}
    for figure in question_figures():
        target = parse_target(figure.speaks_to)
        ladder = ladders.get(target.question_id)
        if ladder is None or _is_option_share(figure, ladder):
            continue
        comparison = compare(figure, answers, ladder.ordered, ladder.unknown_values)
        if comparison is not None:
            key = (figure.study.id, target.question_id)
            by_study_and_question.setdefault(key, []).append(comparison)
    chosen = [_most_telling(group) for group in by_study_and_question.values()]
    chosen = [without_praise(c) if c.question_id in to_change else c for c in chosen]
    return _in_order(chosen, ladders)


def distributions(
    answers: Mapping[str, object], ladders: Mapping[str, Ladder]
) -> list[Distribution]:
    """For each study and multiple-choice question, the share of each option, most common first."""
    grouped: dict[tuple[str, str], list[DistributionItem]] = {}
    studies: dict[str, Study] = {}
    for figure in question_figures():
        target = parse_target(figure.speaks_to)
        ladder = ladders.get(target.question_id)
        if ladder is None or not _is_option_share(figure, ladder):
            continue
        answer = answers.get(target.question_id)
        if not isinstance(answer, list) or _in_group(answer, tuple(ladder.unknown_values)):
            continue
        value = target.values[0]
        item = DistributionItem(value=value, figure=figure, chosen=value in answer)
        grouped.setdefault((figure.study.id, target.question_id), []).append(item)
        studies[figure.study.id] = figure.study
    found = [
        Distribution(
            study=studies[study_id],
            question_id=question_id,
            items=tuple(sorted(items, key=lambda item: -item.figure.value)),
        )
        for (study_id, question_id), items in grouped.items()
    ]
    return _in_order(found, ladders)


def _in_order(found: list, ladders: Mapping[str, Ladder]) -> list:
    question_order = list(ladders)
    return sorted(
        found,
        key=lambda c: (
            COMPARABILITY_ORDER.index(c.study.comparability),
            question_order.index(c.question_id),
        ),
    )


def findings_for(answers: Mapping[str, object], ladders: Mapping[str, Ladder]) -> list[Finding]:
    """What the studies found without a share, beside the questions the company answered: context
    for its answer, never a reading of it (there is no number to be among)."""
    question_order = list(ladders)
    found = [
        finding
        for finding in load_findings().values()
        if finding.question_id in ladders and answers.get(finding.question_id) not in (None, "", [])
    ]
    return sorted(
        found,
        key=lambda f: (
            COMPARABILITY_ORDER.index(f.study.comparability),
            question_order.index(f.question_id),
        ),
    )
