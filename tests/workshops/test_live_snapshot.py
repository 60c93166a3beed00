"""The live screens' snapshot: the group built at most once a second per workshop, from the
stored scores, shared by every poll, and never more than a poll interval and a second behind."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.utils import timezone

from assessment.models import Assessment
from assessment.workshops import selectors, snapshots
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db

COUNT = '<span class="count">{}</span><span>finished</span>'


@pytest.fixture
def builds():
    """How many times the group was built from the database."""
    with mock.patch.object(
        snapshots, "workshop_group", wraps=selectors.workshop_group
    ) as workshop_group:
        yield workshop_group


def poll(client, workshop, at, etag=None):
    with time_machine.travel(at, tick=False):
        headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
        return client.get(f"/en/consultant/workshops/{workshop.pk}/live/", **headers)


def test_the_group_is_built_once_however_many_answers_arrive_within_a_second(
    client, alice, questionnaire, workshop, builds
):
    client.force_login(alice)
    start = timezone.now()
    poll(client, workshop, start)
    for number in range(5):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"))
        poll(client, workshop, start + timedelta(milliseconds=150 * (number + 1)))
    assert builds.call_count == 1
    poll(client, workshop, start + timedelta(seconds=2))
    assert builds.call_count == 2


def test_a_new_answer_shows_on_every_screen_within_a_poll_interval_and_a_second(
    client, alice, questionnaire, workshop
):
    # A screen polls every 2 seconds. The worst case: the answer arrives just after another
    # screen built the group, and this screen polls just before the group is due again; its
    # next poll, 2 seconds later, must show the answer: 3 seconds after it arrived at most.
    client.force_login(alice)
    start = timezone.now()
    etag = poll(client, workshop, start)["ETag"]
    answer_everything(client, questionnaire, join(workshop, "p1"))
    assert poll(client, workshop, start + timedelta(milliseconds=999), etag).status_code == 304
    shown = poll(client, workshop, start + timedelta(seconds=1), etag)
    assert shown.status_code == 200
    assert COUNT.format(1) in shown.content.decode()


def test_a_poll_after_the_second_with_nothing_new_does_not_build_the_group_again(
    client, alice, workshop, builds
):
    join(workshop, "p1")
    client.force_login(alice)
    start = timezone.now()
    etag = poll(client, workshop, start)["ETag"]
    assert poll(client, workshop, start + timedelta(seconds=2), etag).status_code == 304
    assert builds.call_count == 1


def test_a_page_opened_shows_the_group_as_it_is_and_the_polls_follow_it(
    client, alice, questionnaire, workshop
):
    client.force_login(alice)
    start = timezone.now()
    etag = poll(client, workshop, start)["ETag"]
    answer_everything(client, questionnaire, join(workshop, "p1"))
    with time_machine.travel(start + timedelta(milliseconds=100), tick=False):
        page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert COUNT.format(1) in page
    assert poll(client, workshop, start + timedelta(milliseconds=200), etag).status_code == 200


def test_the_group_reads_the_scores_stored_when_each_participant_finished(
    client, alice, questionnaire, workshop
):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    # Scores written at completion are what the screens show; nothing scores the answers again.
    Assessment.objects.filter(pk=participant.assessment.pk).update(presence_score=7)
    group = selectors.workshop_group(workshop)
    [presence] = [d for d in group.dimensions if d.dimension == "presence"]
    assert (presence.low, presence.high, presence.median) == (7, 7, 7)


def test_the_group_is_read_in_one_query(questionnaire, workshop, client, django_assert_num_queries):
    for number in range(3):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"))
    # The participants with their answers and stored scores, as values; the questionnaire is
    # read from its file once per process.
    with django_assert_num_queries(1):
        group = selectors.workshop_group(workshop)
    assert group.finished == 3
