"""The peer data version keys every cached peer figure and report: it moves with every change to
the peer rows, and reading it costs one primary-key lookup, however many peers there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment import selectors, services
from assessment.synthetic import load_synthetic_population, remove_synthetic_population
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def version():
    return selectors.peer_data_version()


def test_a_completion_that_enters_the_peers_changes_the_version():
    before = version()
    make_assessment(profile="casual", complete=True)
    assert version() != before


def test_an_answer_changed_after_completion_changes_the_version():
    assessment = make_assessment(profile="casual", complete=True)
    before = version()
    services.assessment_save_answers(assessment=assessment, answers={"frequency": "daily"})
    assert version() != before


def test_deleting_a_counted_assessment_changes_the_version():
    assessment = make_assessment(profile="casual", complete=True)
    before = version()
    services.assessment_delete(assessment=assessment)
    assert version() != before


def test_a_synthetic_population_loaded_or_removed_changes_the_version():
    before = version()
    load_synthetic_population(count=20, seed=1)
    loaded = version()
    remove_synthetic_population()
    assert len({before, loaded, version()}) == 3


def test_an_unfinished_step_leaves_the_version_alone():
    assessment = make_assessment()
    before = version()
    services.assessment_save_answers(assessment=assessment, answers={"frequency": "daily"})
    assert version() == before


def test_reading_the_version_is_one_query_that_counts_nothing():
    load_synthetic_population(count=50, seed=1)
    with CaptureQueriesContext(connection) as queries:
        version()
    assert len(queries) == 1
    assert "COUNT" not in queries[0]["sql"].upper() and "MAX" not in queries[0]["sql"].upper()
