"""Peer benchmarks from stored assessments: who counts, and who never does."""

import pytest

from assessment import selectors, services
from assessment.models import Assessment, PeerScore
from assessment.synthetic import load_synthetic_population, remove_synthetic_population
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db


def make_peers(count, **answers):
    return [make_assessment(profile="combative", complete=True, **answers) for _ in range(count)]


def size_group(assessment):
    return next(g for g in selectors.assessment_peer_groups(assessment) if g.kind == "size")


def test_below_ten_peers_no_percentile_is_given():
    make_peers(9)
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    group = size_group(company)
    assert group.size == 9 and not group.shown


def test_from_ten_peers_the_percentile_is_given():
    make_peers(10)
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    group = size_group(company)
    assert group.size == 10 and group.shown
    assert group.percentiles["overall"] == 100


def test_synthetic_assessments_never_count_unless_asked(settings):
    load_synthetic_population(count=300, seed=1)
    synthetic_of_my_size = PeerScore.objects.filter(headcount="50_249", is_synthetic=True).count()
    assert synthetic_of_my_size >= 10
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    assert size_group(company).size == 0
    settings.PEER_BENCHMARKS_INCLUDE_SYNTHETIC = True
    assert size_group(company).size == synthetic_of_my_size


def test_synthetic_assessments_are_marked_and_can_be_removed():
    load_synthetic_population(count=50, seed=2)
    assert Assessment.objects.filter(is_synthetic=True).count() == 50
    assert PeerScore.objects.filter(is_synthetic=True).count() == 50
    assert remove_synthetic_population() == 50
    assert not PeerScore.objects.exists()


def test_the_same_seed_gives_the_same_population():
    load_synthetic_population(count=20, seed=3)
    first = sorted(PeerScore.objects.values_list("overall", "headcount", "sector"))
    remove_synthetic_population()
    load_synthetic_population(count=20, seed=3)
    assert sorted(PeerScore.objects.values_list("overall", "headcount", "sector")) == first


def test_a_respondent_counts_once_with_their_latest_assessment():
    for _ in range(3):
        assessment = make_assessment(profile="combative")
        assessment.respondent_key = "same-browser"
        assessment.save()
        services.assessment_complete(assessment=assessment)
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    assert size_group(company).size == 1


def test_unfinished_assessments_do_not_count():
    for _ in range(10):
        make_assessment(profile="combative")
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    assert size_group(company).size == 0


def test_a_new_completion_is_seen_at_once_despite_the_cache():
    make_peers(9)
    company = make_assessment(profile="pioneers", headcount="50_249", complete=True)
    assert not size_group(company).shown
    make_peers(1)
    assert size_group(company).shown
