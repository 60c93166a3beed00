"""A workshop keeps one questionnaire from its first phone to its agreed answers, even when a new
version is released while it runs: a room split across two questionnaires could be neither
compared nor agreed on."""

from assessment.domain.questionnaire import CURRENT_VERSION, load_questionnaire
from assessment.models import Assessment
from assessment.workshops import services
from assessment.workshops.models import Workshop
from assessment.workshops.selectors import workshop_group
from tests.profiles import PROFILES_BY_VERSION
from tests.workshops.conftest import join

EARLIER = "2026-1"


def _begun_on_the_earlier_version(workshop, devices):
    """A workshop created before the release, and phones that joined it: their assessments are of
    the earlier version, with an answer (Viadeo) that the current version no longer offers."""
    Workshop.objects.filter(pk=workshop.pk).update(questionnaire_version=EARLIER)
    workshop.refresh_from_db()
    participants = []
    for device in devices:
        participant = join(workshop, device)
        Assessment.objects.filter(pk=participant.assessment.pk).update(
            questionnaire_version=EARLIER,
            answers={**PROFILES_BY_VERSION[EARLIER]["combative"](), "networks": ["viadeo"]},
        )
        participants.append(participant)
    return participants


def test_the_earlier_version_still_offers_the_answer_the_current_one_dropped():
    # What the tests below rest on: otherwise they would prove nothing about a switch.
    assert EARLIER != CURRENT_VERSION
    earlier = load_questionnaire(EARLIER).question("networks")
    current = load_questionnaire().question("networks")
    assert "viadeo" in {o.value for o in earlier.options}
    assert "viadeo" not in {o.value for o in current.options}


def test_a_phone_joining_after_a_release_answers_the_workshop_s_questionnaire(workshop):
    _begun_on_the_earlier_version(workshop, ["phone-1"])
    late = join(workshop, "phone-2")
    assert late.assessment.questionnaire_version == EARLIER


def test_a_new_workshop_is_on_the_current_questionnaire(workshop):
    assert workshop.questionnaire_version == CURRENT_VERSION
    assert join(workshop, "phone-1").assessment.questionnaire_version == CURRENT_VERSION


def test_the_group_is_read_through_the_workshop_s_questionnaire(workshop):
    _begun_on_the_earlier_version(workshop, ["phone-1", "phone-2", "phone-3"])
    workshop.refresh_from_db()
    group = workshop_group(workshop)
    assert group.questionnaire.version == EARLIER
    networks = next(spread for spread in group.spreads if spread.question.id == "networks")
    assert networks.counts["viadeo"] == 3


def test_the_facilitator_and_consensus_pages_of_a_workshop_begun_before_a_release_answer(
    client, alice, workshop
):
    _begun_on_the_earlier_version(workshop, ["phone-1", "phone-2", "phone-3"])
    client.force_login(alice)
    services.workshop_reveal(workshop=workshop)
    assert client.get(f"/consultant/workshops/{workshop.pk}/").status_code == 200
    services.workshop_close(workshop=workshop)
    page = client.get(f"/consultant/workshops/{workshop.pk}/consensus/")
    assert page.status_code == 200
    assert "Viadeo" in page.content.decode()


def test_the_agreed_answers_keep_the_workshop_s_questionnaire(workshop):
    _begun_on_the_earlier_version(workshop, ["phone-1", "phone-2", "phone-3"])
    workshop.refresh_from_db()
    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop,
        answers={**PROFILES_BY_VERSION[EARLIER]["combative"](), "networks": ["viadeo"]},
        dissent_notes={},
        language="fr",
    )
    assert agreed.questionnaire_version == EARLIER
    assert agreed.answers["networks"] == ["viadeo"]
