"""Running the room: answers lock at the reveal (a late phone can be let in), closing is
confirmed and can be undone until the answers are agreed, each phone's progress, duplicates
removed, and the projector's slides."""

import pytest

from assessment.models import Assessment
from assessment.workshops import services
from tests.factories import step_post_data
from tests.profiles import PROFILES
from tests.workshops.conftest import a_poll_later, answer_everything, join

pytestmark = pytest.mark.django_db


def save_budget(client, questionnaire, participant, budget):
    data = step_post_data(questionnaire, 3, {**PROFILES["combative"](), "external_budget": budget})
    return client.post(f"/en/a/{participant.assessment.token}/step/3/", {**data, "next": "1"})


def test_answers_lock_at_the_reveal(client, questionnaire, workshop):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    services.workshop_reveal(workshop=workshop)
    response = save_budget(client, questionnaire, participant, "zero")
    assert response.status_code == 409
    assert "The workshop has moved to discussion" in response.content.decode()
    participant.assessment.refresh_from_db()
    assert participant.assessment.answers["external_budget"] == "2_10k"


def test_before_the_reveal_answers_still_change(client, questionnaire, workshop):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    assert save_budget(client, questionnaire, participant, "zero").status_code == 302
    participant.assessment.refresh_from_db()
    assert participant.assessment.answers["external_budget"] == "zero"


def test_the_done_page_no_longer_offers_to_change_answers_after_the_reveal(
    client, questionnaire, workshop
):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    done = f"/en/a/{participant.assessment.token}/done/"
    assert "Change my answers" in client.get(done).content.decode()
    services.workshop_reveal(workshop=workshop)
    page = client.get(done).content.decode()
    assert "Change my answers" not in page
    assert "Answers are locked since the group's results were shown." in page


def test_the_join_page_never_promises_blind_answers_after_the_reveal(client, workshop):
    before = client.get(f"/en/w/{workshop.code}/").content.decode()
    assert "nobody sees anyone's answers" in before
    services.workshop_reveal(workshop=workshop)
    after = client.get(f"/en/w/{workshop.code}/").content.decode()
    assert "nobody sees anyone's answers" not in after
    assert "The workshop has moved to discussion" in after


def test_a_late_phone_answers_once_the_facilitator_lets_it_in(
    client, alice, questionnaire, workshop
):
    services.workshop_reveal(workshop=workshop)
    late = join(workshop, "late", role="sales")
    step = f"/en/a/{late.assessment.token}/step/1/"
    assert client.get(step).status_code == 409
    client.force_login(alice)
    facilitator = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Locked out by the reveal" in facilitator
    etag = client.get(f"/consultant/workshops/{workshop.pk}/live/")["ETag"]
    # The facilitator lands back on their page, which the next poll starts from.
    client.post(f"/consultant/workshops/{workshop.pk}/participants/{late.pk}/let-in/", follow=True)
    live = client.get(f"/consultant/workshops/{workshop.pk}/live/", HTTP_IF_NONE_MATCH=etag)
    assert live.status_code == 200  # the facilitator's screen shows it at the next poll
    client.logout()
    assert client.get(step).status_code == 200
    answer_everything(client, questionnaire, late)
    late.assessment.refresh_from_db()
    assert late.assessment.is_complete


def test_only_the_consultancy_lets_a_phone_in(client, charlie, workshop):
    services.workshop_reveal(workshop=workshop)
    late = join(workshop, "late")
    client.force_login(charlie)
    response = client.post(f"/consultant/workshops/{workshop.pk}/participants/{late.pk}/let-in/")
    assert response.status_code == 404
    late.refresh_from_db()
    assert late.let_in_at is None


def test_a_participant_of_another_workshop_cannot_be_let_in_through_this_one(
    client, alice, client_company, workshop
):
    other = services.workshop_create(client=client_company, created_by=alice)
    services.workshop_reveal(workshop=other)
    stranger = join(other, "p9")
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/participants/{stranger.pk}/let-in/")
    stranger.refresh_from_db()
    assert stranger.let_in_at is None


def test_nobody_is_let_in_once_the_workshop_is_closed(client, alice, workshop):
    late = join(workshop, "late")
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    response = client.post(
        f"/en/consultant/workshops/{workshop.pk}/participants/{late.pk}/let-in/", follow=True
    )
    assert "nobody can be let in any more" in response.content.decode()
    late.refresh_from_db()
    assert late.let_in_at is None


def test_prework_answers_lock_when_the_meeting_starts(client, alice, questionnaire, client_company):
    workshop = services.workshop_create(client=client_company, created_by=alice, prework=True)
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/reveal/")
    client.logout()
    assert save_budget(client, questionnaire, participant, "zero").status_code == 409


def test_closing_is_confirmed_and_says_what_it_does(client, alice, workshop):
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/close/").content.decode()
    assert "No phone can join or answer any more" in page
    assert "you can reopen the workshop for late answers" in page
    workshop.refresh_from_db()
    assert workshop.is_open  # asking is not closing


def test_a_closed_workshop_reopens_for_late_answers_until_the_agreed_answers(
    client, alice, questionnaire, workshop
):
    late = join(workshop, "late")
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/reopen/")
    workshop.refresh_from_db()
    assert workshop.is_open and workshop.is_revealed
    # Reopened after the reveal: the late phone still waits to be let in.
    client.post(f"/consultant/workshops/{workshop.pk}/participants/{late.pk}/let-in/")
    client.logout()
    answer_everything(client, questionnaire, late)
    late.assessment.refresh_from_db()
    assert late.assessment.is_complete


def test_a_workshop_with_agreed_answers_stays_closed(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="en"
    )
    client.force_login(alice)
    response = client.post(f"/en/consultant/workshops/{workshop.pk}/reopen/", follow=True)
    assert "the workshop stays closed" in response.content.decode()
    workshop.refresh_from_db()
    assert not workshop.is_open


def test_the_facilitator_sees_where_each_phone_stands(client, alice, questionnaire, workshop):
    halfway = join(workshop, "p1")
    data = step_post_data(questionnaire, 1, PROFILES["combative"]())
    client.post(f"/a/{halfway.assessment.token}/step/1/", {**data, "next": "1"})
    answer_everything(client, questionnaire, join(workshop, "p2", role="sales"))
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    steps = len(questionnaire.sections)
    assert f"step 2 of {steps}" in page
    assert "✓" in page


def test_a_duplicate_phone_is_removed_with_its_answers(client, alice, questionnaire, workshop):
    kept = join(workshop, "p1")
    duplicate = join(workshop, "p2")
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/participants/{duplicate.pk}/remove/")
    assert list(workshop.participants.all()) == [kept]
    assert not Assessment.objects.filter(pk=duplicate.assessment.pk).exists()


def test_only_the_consultancy_removes_a_phone(client, charlie, workshop):
    participant = join(workshop, "p1")
    client.force_login(charlie)
    response = client.post(
        f"/consultant/workshops/{workshop.pk}/participants/{participant.pk}/remove/"
    )
    assert response.status_code == 404
    assert workshop.participants.count() == 1


def test_the_group_no_longer_changes_once_the_answers_are_agreed(
    client, alice, questionnaire, workshop
):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="en"
    )
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/participants/{participant.pk}/remove/")
    assert workshop.participants.count() == 1


def test_the_projected_slides_answer_not_modified_until_the_group_changes(client, alice, workshop):
    client.force_login(alice)
    url = f"/consultant/workshops/{workshop.pk}/present/slides/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    join(workshop, "p1")
    with a_poll_later():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_projector_shows_one_slide_per_agenda_item_after_the_reveal(
    client, alice, questionnaire, workshop
):
    for number, tempo in enumerate(("late", "ahead")):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"), tempo=tempo)
    client.force_login(alice)
    before = client.get(f"/en/consultant/workshops/{workshop.pk}/present/").content.decode()
    assert workshop.code in before and 'data-slide="join"' in before
    services.workshop_reveal(workshop=workshop)
    after = client.get(f"/en/consultant/workshops/{workshop.pk}/present/").content.decode()
    assert 'data-slide="join"' not in after
    assert 'data-slide="scores"' in after and 'data-slide="item-tempo"' in after
    assert "site-header" not in after


def test_named_mode_shows_who_gave_each_answer_after_the_reveal(
    client, alice, client_company, questionnaire
):
    workshop = services.workshop_create(client=client_company, created_by=alice, named_mode=True)
    for device, name, tempo in (
        ("p1", "Léa", "late"),
        ("p2", "Hugo", "ahead"),
        ("p3", "", "ahead"),
    ):
        answer_everything(
            client, questionnaire, join(workshop, device, first_name=name), tempo=tempo
        )
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    agenda = page[page.index('class="agenda"') :]
    assert "Behind the times <span" in agenda and "— Léa</span>" in agenda
    assert "— Hugo</span>" in agenda  # the third "ahead" gave no name and stays unnamed
    slides = client.get(f"/en/consultant/workshops/{workshop.pk}/present/").content.decode()
    assert '<span class="slide-names">Hugo</span>' in slides


def test_without_named_mode_no_first_name_is_shown_beside_an_answer(
    client, alice, questionnaire, workshop
):
    for device, name, tempo in (("p1", "Léa", "late"), ("p2", "Hugo", "ahead")):
        answer_everything(
            client, questionnaire, join(workshop, device, first_name=name), tempo=tempo
        )
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Léa" not in page and "Hugo" not in page
