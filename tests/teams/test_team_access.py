"""Who sees what in a company's own team: the owner alone sees the spread, never one person's
answers; a colleague never sees another's, nor the owner's; a wrong or closed link says so."""

from django.test import Client

from assessment.teams import services
from assessment.teams.models import Team
from tests.factories import make_assessment
from tests.teams.conftest import answer_everything, colleague

WRONG = "x" * 43


def test_only_the_owners_private_link_opens_the_team(client, questionnaire, team):
    bob = colleague(team, "bob")
    answer_everything(Client(), questionnaire, bob)
    for page in ("", "agree/"):
        assert client.get(f"/a/{bob.assessment.token}/team/{page}").status_code == 404
    assert client.post(f"/a/{bob.assessment.token}/team/close/").status_code == 404
    assert client.post(f"/a/{bob.assessment.token}/team/new/", {}).status_code == 404
    team.workshop.refresh_from_db()
    assert team.workshop.is_open
    # A stranger's own link shows their own (empty) team, never this one.
    stranger = make_assessment(profile="casual", complete=True)
    page = client.get(f"/a/{stranger.token}/team/").content.decode()
    assert team.token not in page


def test_a_team_link_is_no_key_to_the_owners_answers(client, team):
    page = client.get(f"/t/{team.token}/").content.decode()
    assert team.owner.token not in page
    assert f"/a/{team.owner.token}/" not in page


def test_a_colleague_never_sees_anothers_answers_nor_the_owners(client, questionnaire, team):
    bob, carol = colleague(team, "bob"), colleague(team, "carol", role="marketing")
    answer_everything(Client(), questionnaire, carol, self_activity="very_active")
    bob_client = Client()
    answer_everything(bob_client, questionnaire, bob, self_activity="inactive")
    # Bob's pages: his done page, his steps and his results' address, which leads to done.
    pages = [
        bob_client.get(f"/a/{bob.assessment.token}/done/"),
        bob_client.get(f"/a/{bob.assessment.token}/step/2/"),
        bob_client.get(f"/a/{bob.assessment.token}/results/", follow=True),
        bob_client.get(f"/t/{team.token}/", follow=True),
    ]
    for response in pages:
        text = response.content.decode()
        assert carol.assessment.token not in text and team.owner.token not in text
        assert "Là où votre équipe diverge" not in text
    # His answer is his own: the step page shows what he chose, never what Carol chose.
    step = bob_client.get(f"/a/{bob.assessment.token}/step/2/")
    assert step.context["form"].initial["self_activity"] == "inactive"
    # No downloads of the team's answers from a colleague's link.
    assert bob_client.get(f"/a/{bob.assessment.token}/answers.csv").status_code == 404


def test_below_three_answers_the_owner_sees_what_will_come_not_the_answers(
    client, questionnaire, team
):
    bob = colleague(team, "bob")
    answer_everything(Client(), questionnaire, bob, self_activity="inactive")
    page = client.get(f"/a/{team.owner.token}/team/")
    assert page.context["group"] is None
    text = page.content.decode()
    assert "À partir de 3 réponses, la vôtre comprise" in text
    # Bob's answer is nowhere on the page.
    assert "Inactive" not in text and "Peu ou pas actif" not in text
    # Nor in the agreed answers' form, which waits for three.
    client.post(f"/a/{team.owner.token}/team/close/")
    assert client.get(f"/a/{team.owner.token}/team/agree/").status_code == 302


def test_a_wrong_team_link_gets_a_clear_page_and_counts_as_a_wrong_code(client, team):
    response = client.get(f"/t/{WRONG}/")
    assert response.status_code == 404
    assert "Ce lien d'équipe ne mène nulle part" in response.content.decode()
    assert client.get("/t/" + "y" * 300 + "/").status_code == 404


def test_team_links_cannot_be_enumerated(client, team):
    for _ in range(10):
        assert client.get(f"/t/{WRONG}/").status_code == 404
    # Past the limit, the right link gets the same answer as a wrong one.
    assert client.get(f"/t/{team.token}/").status_code == 429
    assert client.get(f"/t/{WRONG}/").status_code == 429


def test_a_closed_team_link_says_so_and_takes_no_more_answers(client, questionnaire, team):
    bob = colleague(team, "bob")
    services.team_close(team=team)
    response = client.get(f"/t/{team.token}/")
    assert response.status_code == 410
    assert "Ce lien d'équipe est fermé" in response.content.decode()
    assert client.post(f"/t/{team.token}/", {"role": "sales"}).status_code == 410
    step = Client().get(f"/a/{bob.assessment.token}/step/1/")
    assert step.status_code == 409
    assert "Ce lien d'équipe est fermé" in step.content.decode()
    # Reopened, it takes answers again.
    services.team_reopen(team=team)
    assert Client().get(f"/a/{bob.assessment.token}/step/1/").status_code == 200


def test_only_the_owner_closes_the_link(client, team):
    client.post(f"/a/{team.owner.token}/team/close/")
    assert not Team.objects.get(pk=team.pk).is_open


def test_a_team_link_never_opens_a_workshop_by_its_code(client, team):
    assert client.get(f"/w/{team.workshop.code}/").status_code == 404


def test_bad_input_to_the_team_pages_never_fails(client, team):
    owner = team.owner.token
    assert client.post(f"/t/{team.token}/", {"role": "ceo"}).status_code == 200
    assert client.post(f"/a/{owner}/team/agree/", {"self_activity": "nonsense"}).status_code in (
        200,
        302,
    )
    assert client.get(f"/a/{'z' * 80}/team/").status_code == 404
    assert client.get(f"/a/{owner}/team/close/").status_code == 405


def test_a_team_link_is_kept_by_no_cache(client, team):
    response = client.get(f"/t/{team.token}/")
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in client.get(f"/a/{team.owner.token}/team/")["Cache-Control"]
