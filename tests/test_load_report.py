"""The load test's own arithmetic: an answer stored differently is lost, and the facilitator
view's lag is how long the database had already held more than the view showed."""

from tests.bench.load_report import DatabaseWatcher, lost_answers


def test_an_answer_stored_as_sent_is_not_lost_whatever_the_order_of_a_multiple_choice():
    sent = {"t1": {"networks": ["linkedin", "youtube"], "frequency": "weekly"}}
    stored = {"t1": {"networks": ["youtube", "linkedin"], "frequency": "weekly", "sector": "x"}}
    assert lost_answers(sent, stored) == 0


def test_an_answer_missing_or_changed_in_the_database_is_lost():
    sent = {"t1": {"frequency": "weekly", "budget": "none"}, "t2": {"frequency": "daily"}}
    stored = {"t1": {"frequency": "monthly"}}
    assert lost_answers(sent, stored) == 3


def test_an_empty_answer_sent_is_not_counted():
    assert lost_answers({"t1": {"website": ""}}, {"t1": {}}) == 0


def test_the_views_lag_counts_from_when_the_database_first_held_more():
    watcher = DatabaseWatcher("postgres://unused", "CODE")
    watcher.samples = [(10.0, 0), (11.0, 1), (12.0, 2), (13.0, 2)]
    # At 12.5 the view shows 1 finished: the database held 2 since 12.0.
    # At 13.5 it shows 2: up to date. At 10.5 it shows 0 as the database did.
    lags = watcher.lags([(10.5, 0), (12.5, 1), (13.5, 2)])
    assert lags == [(10.5, 0.0), (12.5, 0.5), (13.5, 0.0)]
