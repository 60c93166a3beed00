"""A company's own team's pages, as its owner and a colleague meet them: for the checks that hold
on every page (tests/pages.py)."""

from assessment import services as assessment_services
from assessment.teams import services
from tests.factories import make_assessment
from tests.profiles import PROFILES


def _team_of_three(name: str):
    """An owner who finished, and two colleagues who did: the spread can be shown."""
    owner = make_assessment(profile="combative", complete=True, company_name=name)
    team = services.team_create(owner=owner, owner_role="sales", company_name=name)
    members = [
        services.team_member_join(team=team, device_key=device, role=role, language="fr")
        for device, role in (("phone-1", "sales"), ("phone-2", "marketing"))
    ]
    for member in members:
        assessment_services.assessment_save_answers(
            assessment=member.assessment, answers=PROFILES["casual"](), complete=True
        )
    return team, members


def team_pages(page) -> list:
    lone = make_assessment(profile="casual", complete=True)
    team, members = _team_of_three("Maison Lefèvre")
    closed, _ = _team_of_three("Fermée")
    services.team_close(team=closed)
    return [
        page(f"/a/{lone.token}/team/"),
        page(f"/en/a/{lone.token}/team/"),
        page(f"/a/{team.owner.token}/team/"),
        page(f"/en/a/{team.owner.token}/team/"),
        page(f"/t/{team.token}/"),
        page(f"/en/t/{team.token}/"),
        page(f"/t/{team.token}/", "post", {}),
        page(f"/a/{members[0].assessment.token}/done/"),
        page(f"/a/{members[0].assessment.token}/step/2/"),
        page(f"/a/{closed.owner.token}/team/"),
        page(f"/a/{closed.owner.token}/team/agree/"),
        page(f"/en/a/{closed.owner.token}/team/agree/"),
    ]
