"""Every figure says how old it is, counted from today, from the year it was surveyed in."""

from dataclasses import replace
from datetime import date

import pytest
import time_machine
from django.utils import translation

from assessment.comparison_presenters import dated_source, figure_age
from benchmarks.figures import load_studies, years_since_fieldwork

BPIFRANCE = load_studies()["bpifrance_2018"]


@pytest.mark.parametrize(
    ("today", "age"),
    [
        (date(2018, 12, 31), 0),  # the survey's own year
        (date(2019, 1, 1), 1),  # the first day of the next year
        (date(2026, 11, 30), 8),
    ],
)
def test_a_figure_is_as_old_as_the_years_since_its_survey(today, age):
    assert years_since_fieldwork(BPIFRANCE, today) == age


def test_a_figure_of_unknown_year_has_no_age():
    assert years_since_fieldwork(load_studies()["mashable_2010"], date(2026, 1, 1)) is None


def test_the_age_counts_from_the_survey_not_from_the_publication():
    hootsuite = load_studies()["hootsuite_2017"]  # surveyed in 2016, published in 2017
    assert years_since_fieldwork(hootsuite, date(2026, 6, 1)) == 10


def test_a_clock_set_before_the_survey_never_makes_a_figure_come_from_the_future():
    assert years_since_fieldwork(BPIFRANCE, date(2017, 6, 1)) == 0


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Bpifrance Le Lab, enquête de 2018, il y a 8\u00a0ans"),
        ("en", "Bpifrance Le Lab, surveyed in 2018, 8 years ago"),
    ],
)
def test_the_age_is_said_in_plain_words_from_todays_date(language, expected):
    with time_machine.travel(date(2026, 11, 30), tick=False), translation.override(language):
        assert dated_source(BPIFRANCE, language) == expected


def test_a_year_later_the_same_figure_is_a_year_older():
    with time_machine.travel(date(2027, 3, 1), tick=False), translation.override("en"):
        assert dated_source(BPIFRANCE, "en") == "Bpifrance Le Lab, surveyed in 2018, 9 years ago"


@pytest.mark.parametrize(
    ("language", "today", "expected"),
    [
        ("en", date(2019, 5, 1), "surveyed in 2018, 1 year ago"),
        ("fr", date(2019, 5, 1), "enquête de 2018, il y a 1\u00a0an"),
        ("en", date(2018, 5, 1), "surveyed in 2018, this year"),
        ("fr", date(2018, 5, 1), "enquête de 2018, cette année"),
    ],
)
def test_one_year_and_the_same_year_read_as_such(language, today, expected):
    with translation.override(language):
        assert figure_age(BPIFRANCE, today) == expected


def test_an_unknown_year_is_said_never_guessed():
    unknown = replace(BPIFRANCE, fieldwork_year="unknown")
    with translation.override("en"):
        assert figure_age(unknown, date(2026, 1, 1)) == "year unknown"
