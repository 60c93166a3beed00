"""The barometer: the Bpifrance segment table again, with the companies that took the assessment.

The study's shares come from 1,657 French firms in 2018; ours from whoever took the assessment and
agreed to count. Each of our shares comes with its 95 % Wilson interval, so that a reader sees how
far a share from a few dozen companies can be trusted, and a share is shown only from
`BAROMETER_CELL_MINIMUM` companies.

The rows come in as plain dataclasses (the caller reads the database and places each company);
what goes out is plain dataclasses, shaped here with pandas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .compare import parse_target

# A share from fewer companies is too unsteady to print beside a study of 1,657 firms: its 95 %
# interval would span more than 30 points (at 50 %, 30 companies give 33 to 67 %). Thirty is also
# the usual floor under which a share is not published in survey reporting.
BAROMETER_CELL_MINIMUM = 30

# The normal quantile for a two-sided 95 % interval.
Z_95 = 1.959963984540054

# The study's figures our own respondents are set beside, in the order the page reads them: the
# share spending nothing, the share with no strategy, the share that has not trained the people
# who publish (the study's second driver of engagement), the share measuring results by web
# traffic. A figure whose question the current questionnaire no longer asks is left out: 2027-1
# asks external spend, where the study's budget counted staff costs too.
HEADLINE_FIGURE_IDS = (
    "bpifrance_budget_zero",
    "bpifrance_strategy_none",
    "bpifrance_staff_untrained",
    "siia_measure_traffic",
)


def wilson_interval(count: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion, as fractions: unlike the textbook p ± z·se it
    stays within 0 and 1 and keeps its width for shares near 0 or 100 % in small samples."""
    if total == 0:
        return 0.0, 1.0
    p = count / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half_width = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


@dataclass(frozen=True)
class Share:
    """`count` of `total` companies, in percent with its 95 % interval."""

    count: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.count / self.total

    @property
    def interval(self) -> tuple[float, float]:
        low, high = wilson_interval(self.count, self.total)
        return 100 * low, 100 * high


@dataclass(frozen=True)
class SegmentShares:
    """The four segments' shares among a group of companies; None when the group is too small."""

    group: str  # "" for every company, else a size band or a sector
    total: int
    shares: Mapping[str, Share] | None

    @property
    def shown(self) -> bool:
        return self.shares is not None


@dataclass(frozen=True)
class HeadlineQuestion:
    """A study figure of the form `question:<id>=<values>` and the answers that say "I don't
    know" to its question: nobody is counted on what they don't know."""

    figure_id: str
    question_id: str
    values: tuple[str, ...]
    unknown_values: frozenset[str] = frozenset()


def headline_question(figure_id: str, speaks_to: str, unknown_values=frozenset()):
    target = parse_target(speaks_to)
    if target is None:
        return None
    # Nobody is counted on an answer the study could not place, as on one they do not know.
    left_out = frozenset(unknown_values) | frozenset(target.unplaced)
    return HeadlineQuestion(figure_id, target.question_id, target.values, left_out)


@dataclass(frozen=True)
class HeadlineShare:
    figure_id: str
    answered: int  # the companies that gave a known answer to the question
    share: Share | None  # None: fewer than the minimum answered


@dataclass(frozen=True)
class CountedCompany:
    """One company that counts: its two placements, its size band and sector, when it finished,
    and its answers to the headline questions."""

    study_segment: str
    measured_segment: str
    headcount: str
    sector: str
    completed_on: date
    answers: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Barometer:
    total: int
    since: date | None
    until: date | None
    study: SegmentShares  # placed as the study would, from the company's two self-assessments
    measured: SegmentShares  # placed from what the company's other answers show
    study_by_size: tuple[SegmentShares, ...]
    study_by_sector: tuple[SegmentShares, ...]
    measured_by_size: tuple[SegmentShares, ...]
    measured_by_sector: tuple[SegmentShares, ...]
    headlines: tuple[HeadlineShare, ...]

    @property
    def shown(self) -> bool:
        return self.study.shown


def _segment_shares(
    frame: pd.DataFrame, column: str, segments: Sequence[str], group=""
) -> SegmentShares:
    total = len(frame)
    if total < BAROMETER_CELL_MINIMUM:
        return SegmentShares(group=group, total=total, shares=None)
    counts = frame[column].value_counts().reindex(segments, fill_value=0)
    return SegmentShares(
        group=group,
        total=total,
        shares={segment: Share(int(counts[segment]), total) for segment in segments},
    )


def _by_group(
    frame: pd.DataFrame, by: str, groups: Sequence[str], column: str, segments: Sequence[str]
) -> tuple[SegmentShares, ...]:
    """One row per group in the order given, every group listed even when nobody is in it."""
    return tuple(
        _segment_shares(frame[frame[by] == group], column, segments, group=group)
        for group in groups
    )


def _in_group(answer: object, values: Sequence[str]) -> bool:
    if isinstance(answer, list):
        return any(value in answer for value in values)
    return answer in values


def _headline(frame: pd.DataFrame, question: HeadlineQuestion) -> HeadlineShare:
    answers = [
        answer
        for answer in frame["answers"].map(lambda given: given.get(question.question_id))
        if answer not in (None, "", []) and not _in_group(answer, tuple(question.unknown_values))
    ]
    answered = len(answers)
    if answered < BAROMETER_CELL_MINIMUM:
        return HeadlineShare(question.figure_id, answered, None)
    count = sum(_in_group(answer, question.values) for answer in answers)
    return HeadlineShare(question.figure_id, answered, Share(count, answered))


def barometer(
    companies: Iterable[CountedCompany],
    *,
    segments: Sequence[str],
    size_bands: Sequence[str],
    sectors: Sequence[str],
    headlines: Sequence[HeadlineQuestion] = (),
) -> Barometer:
    frame = pd.DataFrame(
        [vars(company) for company in companies],
        columns=[
            "study_segment",
            "measured_segment",
            "headcount",
            "sector",
            "completed_on",
            "answers",
        ],
    )
    total = len(frame)
    return Barometer(
        total=total,
        since=frame["completed_on"].min() if total else None,
        until=frame["completed_on"].max() if total else None,
        study=_segment_shares(frame, "study_segment", segments),
        measured=_segment_shares(frame, "measured_segment", segments),
        study_by_size=_by_group(frame, "headcount", size_bands, "study_segment", segments),
        study_by_sector=_by_group(frame, "sector", sectors, "study_segment", segments),
        measured_by_size=_by_group(frame, "headcount", size_bands, "measured_segment", segments),
        measured_by_sector=_by_group(frame, "sector", sectors, "measured_segment", segments),
        headlines=tuple(_headline(frame, question) for question in headlines),
    )
