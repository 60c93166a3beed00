"""What a step costs the database: a room of phones sends hundreds of these a minute, so each
does the fewest queries its job needs. Counts are pinned; a new query has to be meant."""

from unittest import mock

import pytest
from django.db import connection, transaction
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext

from assessment import services
from assessment.models import Assessment
from assessment.workshops.models import Participant
from tests.factories import make_assessment, step_post_data
from tests.profiles import PROFILES
from tests.workshops.conftest import join

pytestmark = pytest.mark.django_db

# Reading the assessment with its participant, workshop and attachment.
READ = 1
# A save's transaction: a savepoint (the test's own transaction is around it), the row read with
# the same context and locked, the row written, the savepoint released. The row is read once.
READ_LOCKED_AND_WRITE = 4


def step_url(assessment, number):
    return f"/a/{assessment.token}/step/{number}/"


def test_a_participants_step_page_is_one_query(client, workshop):
    participant = join(workshop, "phone-1")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(step_url(participant.assessment, 2)).status_code == 200
    assert len(queries) == READ


def test_a_participants_step_save_reads_its_row_once_locked_and_writes_it_once(
    client, questionnaire, workshop, django_assert_num_queries
):
    participant = join(workshop, "phone-1")
    data = step_post_data(questionnaire, 1, PROFILES["combative"]())
    with django_assert_num_queries(READ_LOCKED_AND_WRITE):
        response = client.post(step_url(participant.assessment, 1), {**data, "next": "1"})
    assert response.status_code == 302


def test_a_participants_last_step_saves_and_completes_in_one_write(
    client, questionnaire, workshop, django_assert_num_queries
):
    participant = join(workshop, "phone-1")
    answers = PROFILES["combative"]()
    last = len(questionnaire.sections)
    for number in range(1, last):
        client.post(
            step_url(participant.assessment, number),
            {**step_post_data(questionnaire, number, answers), "next": "1"},
        )
    with django_assert_num_queries(READ_LOCKED_AND_WRITE):
        response = client.post(
            step_url(participant.assessment, last),
            {**step_post_data(questionnaire, last, answers), "next": "1"},
        )
    assert response["Location"] == f"/a/{participant.assessment.token}/done/"
    participant.assessment.refresh_from_db()
    assert participant.assessment.completed_at is not None
    assert participant.assessment.overall_score is not None


def test_a_self_serve_step_save_costs_the_same(client, questionnaire, django_assert_num_queries):
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    with django_assert_num_queries(READ_LOCKED_AND_WRITE):
        client.post(step_url(assessment, 1), {**data, "next": "1"})


def test_a_self_serve_last_step_also_enters_the_peer_benchmarks(
    client, questionnaire, django_assert_num_queries
):
    answers = PROFILES["casual"]()
    assessment = make_assessment(**answers)
    last = len(questionnaire.sections)
    # Besides the write: whether a consultant's client holds it (its agreed workshop; its
    # attachment is read with the row), the peer row written (read, then inserted, inside the two
    # savepoints of update_or_create) and the peer data version raised. Once per company.
    with django_assert_num_queries(READ_LOCKED_AND_WRITE + 1 + 6 + 1):
        client.post(
            step_url(assessment, last),
            {**step_post_data(questionnaire, last, answers), "next": "1"},
        )
    assessment.refresh_from_db()
    assert assessment.is_complete and hasattr(assessment, "peer_score")


def test_joining_takes_no_lock_on_the_workshop(workshop):
    # Hundreds of phones join in the same seconds: none waits for another's join to commit.
    with mock.patch.object(
        QuerySet, "select_for_update", autospec=True, side_effect=QuerySet.select_for_update
    ) as locking:
        join(workshop, "phone-1")
    locking.assert_not_called()


def test_two_taps_that_both_miss_the_first_join_still_make_one_participant(workshop):
    first = join(workshop, "phone-1")
    # The second tap looked before the first one's row existed: its insert meets the unique
    # constraint on the workshop and the phone, and it gets the first tap's participant.
    with mock.patch.object(QuerySet, "first", return_value=None):
        second = join(workshop, "phone-1")
    assert second == first
    assert Participant.objects.filter(workshop=workshop).count() == 1
    assert Assessment.objects.filter(participant__isnull=True).count() == 0


def test_the_live_view_never_reads_the_consultancys_logo(client, alice, workshop):
    # Polled every two seconds by every open facilitator view: the logo has an address of its own.
    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/consultant/workshops/{workshop.pk}/live/").status_code == 200
    assert not any('"workshops_consultancy"."logo"' in query["sql"] for query in queries)


def test_the_consultant_pages_never_read_the_consultancys_logo(client, alice, client_company):
    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        client.get("/consultant/")
        client.get(f"/consultant/clients/{client_company.pk}/")
    assert not any('"workshops_consultancy"."logo"' in query["sql"] for query in queries)


def test_the_waiting_page_reads_the_brand_without_the_logo(client, questionnaire, workshop):
    participant = join(workshop, "phone-1")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/a/{participant.assessment.token}/done/").status_code == 200
    assert len(queries) == READ + 1
    assert not any('"workshops_consultancy"."logo"' in query["sql"] for query in queries)


def test_saving_into_a_row_read_locked_needs_the_transaction_that_locked_it(questionnaire):
    # Outside a transaction the lock would be gone before the write: the merge could then drop
    # what another tab saved in between.
    assessment = make_assessment()
    data = step_post_data(questionnaire, 1, PROFILES["casual"]())
    in_autocommit = mock.patch.object(transaction, "get_autocommit", return_value=True)
    with pytest.raises(RuntimeError), in_autocommit:
        services.assessment_save_locked_answers(locked=assessment, answers=data)
