"""Peer benchmarks from the app's own completed assessments, computed with pandas.

The rows come in as plain tuples of small integers (the caller queries the database); what goes
out is plain dataclasses. Groups are summarised as score histograms (how many peers scored 0, 1, ...
100), which are small enough to cache and give every percentile of the group at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Anonymity: a percentile among fewer peers could single out a company, so a group is shown only
# when it holds at least this many other respondents.
PEER_GROUP_MINIMUM = 10

SCORE_COLUMNS = ("overall", "presence", "team", "budget", "objectives", "roi")
GROUP_KINDS = ("size", "sector", "size_and_sector")
SCORE_BINS = 101  # scores are whole numbers from 0 to 100


@dataclass(frozen=True)
class PeerGroup:
    kind: str  # "size", "sector" or "size_and_sector"
    size: int  # other respondents in the group
    percentiles: Mapping[str, int] | None  # None: too few peers to show anything

    @property
    def shown(self) -> bool:
        return self.percentiles is not None


Histograms = dict[str, dict[str, list[int]]]  # group kind -> score column -> counts per score


def group_histograms(rows: Iterable[tuple]) -> Histograms:
    """Count, for each group and score, how many peers scored 0, 1, ... 100.

    `rows` are (same size band?, same sector?, overall, presence, team, budget, objectives, roi)
    for every peer sharing the company's size band or sector: all small integers, so they load
    straight into one integer array.
    """
    frame = pd.DataFrame(
        np.array(list(rows), dtype=np.int16).reshape(-1, 2 + len(SCORE_COLUMNS)),
        columns=["same_size", "same_sector", *SCORE_COLUMNS],
    )
    same_size = frame["same_size"] == 1
    same_sector = frame["same_sector"] == 1
    masks = {"size": same_size, "sector": same_sector, "size_and_sector": same_size & same_sector}
    return {
        kind: {
            column: np.bincount(frame.loc[mask, column], minlength=SCORE_BINS).tolist()
            for column in SCORE_COLUMNS
        }
        for kind, mask in masks.items()
    }


def percentile(histogram: list[int], score: int) -> int:
    """The share of the group below the score, counting ties as half: 50 means the middle."""
    counts = np.asarray(histogram)
    total = counts.sum()
    below = counts[:score].sum()
    return round(100 * (below + counts[score] / 2) / total)


def peer_groups(histograms: Histograms, scores: Mapping[str, int]) -> tuple[PeerGroup, ...]:
    groups = []
    for kind in GROUP_KINDS:
        size = int(sum(histograms[kind]["overall"]))
        percentiles = None
        if size >= PEER_GROUP_MINIMUM:
            percentiles = {
                column: percentile(histograms[kind][column], scores[column])
                for column in SCORE_COLUMNS
            }
        groups.append(PeerGroup(kind=kind, size=size, percentiles=percentiles))
    return tuple(groups)


def without_company(histograms: Histograms, scores: Mapping[str, int]) -> Histograms:
    """The histograms less the company's own scores: a company is not its own peer.

    Shared histograms include every counted assessment, so one cached copy serves every company
    of the same size and sector; each takes itself out here.
    """
    trimmed: Histograms = {}
    for kind, columns in histograms.items():
        trimmed[kind] = {}
        for column, counts in columns.items():
            counts = list(counts)
            counts[scores[column]] -= 1
            trimmed[kind][column] = counts
    return trimmed
