"""The database's cache, as every process shares it without Redis: counts add up, and adding a
key that is there already changes nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from assessment.cache import TABLE, DatabaseCache

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cache():
    shared = DatabaseCache(TABLE, {})
    shared.clear()  # a table of its own, which the test database's flush does not empty
    yield shared
    shared.clear()


def test_counts_add_up(cache):
    assert cache.add("joins", 0, 3600)
    for _ in range(5):
        cache.incr("joins")
    assert cache.incr("joins", 2) == 7
    assert cache.get("joins") == 7


def test_adding_a_live_key_keeps_its_value(cache):
    cache.add("joins", 0, 3600)
    cache.incr("joins")
    assert not cache.add("joins", 0, 3600)
    assert cache.get("joins") == 1


def test_adding_an_expired_key_starts_it_again(cache):
    cache.add("joins", 0, 60)
    cache.incr("joins")
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert cache.add("joins", 0, 60)
        assert cache.get("joins") == 0


def test_an_expired_or_missing_key_cannot_be_counted(cache):
    with pytest.raises(ValueError):
        cache.incr("nothing")
    cache.add("joins", 0, 60)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)), pytest.raises(ValueError):
        cache.incr("joins")
