"""A team keeps the questionnaire of its link, as a workshop does: colleagues who answered before a
new version was released are read, and agreed on, through the questionnaire they answered."""

from assessment.models import Assessment
from assessment.teams import selectors, services
from assessment.workshops.models import Workshop
from tests.profiles import PROFILES_BY_VERSION
from tests.teams.conftest import colleague

EARLIER = "2026-1"


def _team_on_the_earlier_version(team, alice):
    Workshop.objects.filter(pk=team.workshop_id).update(questionnaire_version=EARLIER)
    Assessment.objects.filter(pk=alice.pk).update(
        questionnaire_version=EARLIER,
        answers={**PROFILES_BY_VERSION[EARLIER]["combative"](), "networks": ["viadeo"]},
    )
    team.refresh_from_db()
    team.workshop.refresh_from_db()
    for device in ("bob", "carol"):
        member = colleague(team, device)
        assert member.assessment.questionnaire_version == EARLIER
        Assessment.objects.filter(pk=member.assessment.pk).update(
            answers={**PROFILES_BY_VERSION[EARLIER]["combative"](), "networks": ["viadeo"]},
            completed_at=alice.completed_at,
        )
    team.owner.refresh_from_db()


def test_a_team_on_an_earlier_questionnaire_is_read_through_it(alice, team):
    _team_on_the_earlier_version(team, alice)
    spread = selectors.team_spread(team)
    assert spread.owner_counted
    assert spread.group.questionnaire.version == EARLIER
    networks = next(s for s in spread.group.spreads if s.question.id == "networks")
    assert networks.counts["viadeo"] == 3


def test_the_agreed_answers_keep_the_team_s_questionnaire(alice, team):
    _team_on_the_earlier_version(team, alice)
    services.team_close(team=team)
    agreed = services.team_record_agreed_answers(
        team=team,
        answers={**PROFILES_BY_VERSION[EARLIER]["combative"](), "networks": ["viadeo"]},
        language="fr",
    )
    assert agreed.questionnaire_version == EARLIER
    assert agreed.answers["networks"] == ["viadeo"]
