"""The barometer's figures, checked against a small population counted by hand."""

from datetime import date

import pytest

from benchmarks.barometer import (
    CountedCompany,
    HeadlineQuestion,
    barometer,
    headline_question,
    wilson_interval,
)

SEGMENTS = ("silent_mass", "casual", "combative", "pioneers")
SIZES = ("lt10", "20_49")
SECTORS = ("industry", "retail")
SPENDS_NOTHING = HeadlineQuestion("budget_zero", "budget", ("zero",), frozenset({"dont_know"}))


def companies(segment, count, *, measured=None, headcount="20_49", sector="industry", **answers):
    return [
        CountedCompany(
            study_segment=segment,
            measured_segment=measured or segment,
            headcount=headcount,
            sector=sector,
            completed_on=date(2026, 3 + i % 6, 1 + i % 28),
            answers=answers,
        )
        for i in range(count)
    ]


def forty_companies():
    """12 silent, 8 casual, 4 combative, 16 pioneers; 30 of 20-49 staff in industry, 10 of
    fewer than 10 in retail."""
    return [
        *companies("silent_mass", 12, measured="casual", budget="zero"),
        *companies("casual", 8, budget="zero"),
        *companies("combative", 4, headcount="lt10", sector="retail", budget="lt10k"),
        *companies("pioneers", 6, headcount="lt10", sector="retail", budget="dont_know"),
        *companies("pioneers", 10, budget="10_50k"),
    ]


def build(population, headlines=()):
    return barometer(
        population, segments=SEGMENTS, size_bands=SIZES, sectors=SECTORS, headlines=headlines
    )


def test_the_wilson_interval_of_12_in_40_is_18_to_45_percent():
    # p = 0.3, z = 1.96, n = 40: centre (0.3 + 1.96²/80) / (1 + 1.96²/40) = 0.3175, half-width
    # 1.96 · √(0.3·0.7/40 + 1.96²/6400) / 1.0960 = 0.1368.
    low, high = wilson_interval(12, 40)
    assert low == pytest.approx(0.1807, abs=1e-4)
    assert high == pytest.approx(0.4543, abs=1e-4)


def test_the_wilson_interval_of_none_in_30_reaches_11_percent_not_zero():
    # With no success the interval's top is z² / (n + z²) = 3.8415 / 33.8415.
    assert wilson_interval(0, 30) == (0.0, pytest.approx(0.1135, abs=1e-4))


def test_each_segments_share_and_interval_are_counted_over_every_company():
    result = build(forty_companies())
    assert result.total == 40
    shares = result.study.shares
    assert [shares[s].count for s in SEGMENTS] == [12, 8, 4, 16]
    assert shares["silent_mass"].percent == 30
    assert shares["pioneers"].percent == 40
    low, high = shares["silent_mass"].interval
    assert (round(low, 1), round(high, 1)) == (18.1, 45.4)


def test_the_measured_placement_has_its_own_shares():
    measured = build(forty_companies()).measured.shares
    assert [measured[s].count for s in SEGMENTS] == [0, 20, 4, 16]


def test_the_period_runs_from_the_first_to_the_last_completion():
    result = build(forty_companies())
    assert result.since == date(2026, 3, 1)
    # The twelfth silent-mass firm (i = 11) finished last: month 3 + 11 % 6, day 1 + 11.
    assert result.until == date(2026, 8, 12)


def test_a_group_of_30_companies_is_shown():
    by_size = {row.group: row for row in build(forty_companies()).study_by_size}
    assert by_size["20_49"].total == 30 and by_size["20_49"].shown
    assert by_size["20_49"].shares["silent_mass"].count == 12


def test_a_group_of_29_companies_is_hidden():
    population = forty_companies()[1:]  # one silent-mass firm of 20-49 staff fewer
    by_size = {row.group: row for row in build(population).study_by_size}
    assert by_size["20_49"].total == 29 and not by_size["20_49"].shown
    assert by_size["20_49"].shares is None


def test_every_size_band_and_sector_is_listed_even_when_empty():
    result = build(forty_companies())
    assert [row.group for row in result.study_by_size] == ["lt10", "20_49"]
    assert [row.group for row in result.measured_by_sector] == ["industry", "retail"]
    retail = result.study_by_sector[1]
    assert retail.total == 10 and not retail.shown


def test_below_30_companies_nothing_is_shown():
    result = build(forty_companies()[:29])
    assert result.total == 29 and not result.shown and not result.measured.shown


def test_a_headline_share_leaves_out_those_who_do_not_know():
    # 40 companies, 6 of which do not know their budget: 20 of the 34 others spend nothing.
    (headline,) = build(forty_companies(), headlines=[SPENDS_NOTHING]).headlines
    assert headline.answered == 34
    assert headline.share.count == 20
    assert round(headline.share.percent, 1) == 58.8


def test_a_headline_share_needs_30_known_answers():
    population = forty_companies()[:36]  # 36 companies, 6 of which do not know: 30 answers
    (headline,) = build(population, headlines=[SPENDS_NOTHING]).headlines
    assert headline.answered == 30 and headline.share is not None
    (headline,) = build(population[1:], headlines=[SPENDS_NOTHING]).headlines
    assert headline.answered == 29 and headline.share is None


def test_a_multiple_choice_counts_when_any_of_the_values_was_chosen():
    measures_traffic = HeadlineQuestion("traffic", "indicators", ("traffic",))
    population = [
        *companies("pioneers", 10, indicators=["traffic", "reach"]),
        *companies("pioneers", 20, indicators=["followers"]),
    ]
    (headline,) = build(population, headlines=[measures_traffic]).headlines
    assert (headline.share.count, headline.share.total) == (10, 30)


def test_no_company_gives_an_empty_barometer():
    result = build([])
    assert result.total == 0 and result.since is None and not result.shown


def test_a_headline_leaves_out_the_answers_its_study_could_not_place():
    question = headline_question(
        "x", "question:who_runs=dedicated;unplaced=in_house_and_agency", {"dont_know"}
    )
    assert question.values == ("dedicated",)
    assert question.unknown_values == {"dont_know", "in_house_and_agency"}
