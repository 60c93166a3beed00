import pytest

from benchmarks.peers import (
    SCORE_COLUMNS,
    group_histograms,
    peer_groups,
    percentile,
    without_company,
)


def row(headcount="20_49", sector="industry", score=50, *, mine=("20_49", "industry")):
    """A peer as the database hands it over: same size?, same sector?, then its six scores."""
    return (headcount == mine[0], sector == mine[1], *([score] * len(SCORE_COLUMNS)))


def histograms_of(rows):
    return group_histograms(rows)


def scores(value):
    return dict.fromkeys(SCORE_COLUMNS, value)


def test_percentile_counts_the_peers_below_and_half_the_ties():
    histogram = [0] * 101
    histogram[10], histogram[50], histogram[90] = 1, 2, 1
    assert percentile(histogram, 50) == 50  # 1 below, 2 tied: (1 + 1) / 4
    assert percentile(histogram, 95) == 100
    assert percentile(histogram, 0) == 0


def test_the_top_scorer_of_a_group_of_ten_is_at_the_95th_percentile():
    rows = [row(score=s) for s in range(0, 100, 10)]
    histograms = histograms_of(rows)
    assert percentile(histograms["size"]["overall"], 90) == 95


def test_groups_are_size_sector_and_both():
    rows = [row("20_49", "retail")] * 3 + [row("lt10", "industry")] * 4 + [row()] * 5
    histograms = histograms_of(rows)
    sizes = {kind: sum(h["overall"]) for kind, h in histograms.items()}
    assert sizes == {"size": 8, "sector": 9, "size_and_sector": 5}


@pytest.mark.parametrize(
    ("peers", "shown"),
    [(9, False), (10, True), (11, True)],
)
def test_a_group_is_shown_from_ten_peers(peers, shown):
    histograms = histograms_of([row()] * peers)
    for group in peer_groups(histograms, scores(50)):
        assert group.shown is shown
        assert group.size == peers
        if not shown:
            assert group.percentiles is None


def test_the_company_is_not_its_own_peer():
    rows = [row(score=10)] * 10 + [row(score=80)]
    histograms = histograms_of(rows)
    groups = peer_groups(without_company(histograms, scores(80)), scores(80))
    assert all(group.size == 10 and group.shown for group in groups)
    assert all(group.percentiles["overall"] == 100 for group in groups)


def test_the_histograms_count_peers_never_name_them():
    histograms = histograms_of([row(score=40)] * 7 + [row(score=90)] * 5)
    overall = histograms["size"]["overall"]
    assert len(overall) == 101
    assert overall[40] == 7 and overall[90] == 5 and sum(overall) == 12


def test_the_groups_are_named_by_what_the_peers_share():
    groups = peer_groups(histograms_of([row()] * 10), scores(50))
    assert [group.kind for group in groups] == ["size", "sector", "size_and_sector"]


def test_without_any_peer_every_group_is_empty_and_hidden():
    groups = peer_groups(histograms_of([]), scores(50))
    assert [(group.size, group.shown) for group in groups] == [(0, False)] * 3
