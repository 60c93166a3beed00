"""A company's own team: the owner starts it, colleagues answer blind, the owner agrees."""

from django.test import Client

from assessment.history import company_history
from assessment.models import Assessment, Origin
from assessment.teams.models import Team
from tests.teams.conftest import answer_everything, colleague


def test_the_owner_starts_a_team_link_from_their_results(client, alice):
    results = client.get(f"/a/{alice.token}/results/")
    assert f"/a/{alice.token}/team/" in results.content.decode()
    response = client.post(
        f"/a/{alice.token}/team/new/", {"company_name": "Maison Lefèvre", "owner_role": "sales"}
    )
    assert response.status_code == 302
    team = Team.objects.get(owner=alice)
    page = client.get(f"/a/{alice.token}/team/").content.decode()
    assert f"/t/{team.token}/" in page
    assert team.owner_role == "sales"
    # The link is as long as a private link: 256 random bits.
    assert len(team.token) >= 43


def test_a_team_can_be_started_before_answering_from_the_first_step(client, db):
    client.post("/start/")
    owner = Assessment.objects.get()
    step = client.get(f"/a/{owner.token}/step/1/").content.decode()
    assert f"/a/{owner.token}/team/" in step
    assert client.get(f"/a/{owner.token}/step/2/").content.decode().count("/team/") == 0


def test_a_bad_team_form_is_said_not_raised(client, alice):
    response = client.post(f"/a/{alice.token}/team/new/", {"company_name": " ", "owner_role": "x"})
    assert response.status_code == 400
    assert not Team.objects.exists()


def test_a_colleague_joins_from_the_link_and_answers_with_the_company_filled_in(client, team):
    page = client.get(f"/t/{team.token}/").content.decode()
    assert "Maison Lefèvre" in page
    assert "pas même" in page  # nobody sees their answers on their own, not even the owner
    response = client.post(f"/t/{team.token}/", {"role": "sales"})
    member = team.workshop.participants.get()
    assert response.url == f"/a/{member.assessment.token}/step/1/"
    assert member.assessment.origin == Origin.PARTICIPANT
    assert member.assessment.answers["company_name"] == "Maison Lefèvre"
    # The same device opening the link again comes back to its answers.
    again = client.get(f"/t/{team.token}/")
    assert again.url == f"/a/{member.assessment.token}/"


def test_a_colleague_who_finished_is_told_what_becomes_of_the_answers(client, questionnaire, team):
    member = colleague(team, "bob")
    response = answer_everything(client, questionnaire, member)
    assert response.url == f"/a/{member.assessment.token}/done/"
    page = client.get(response.url).content.decode()
    assert "Maison Lefèvre" in page
    assert "Personne ne les voit isolément" in page
    # No results of their own, where the team's could be read.
    assert client.get(f"/a/{member.assessment.token}/results/").url.endswith("/done/")


def test_the_spread_shows_from_three_answers_owner_included(client, questionnaire, team):
    alice = team.owner
    colleague_one = colleague(team, "bob")
    answer_everything(Client(), questionnaire, colleague_one, self_activity="inactive")
    page = client.get(f"/a/{alice.token}/team/").content.decode()
    # Two answers: what the owner will see, not the answers.
    assert "2 réponses pour l’instant" in page or "2 réponses pour l'instant" in page
    assert "Là où votre équipe diverge le plus" not in page
    colleague_two = colleague(team, "carol")
    answer_everything(Client(), questionnaire, colleague_two, self_activity="active")
    page = client.get(f"/a/{alice.token}/team/").content.decode()
    assert "Là où votre équipe diverge le plus" in page


def test_agreed_answers_become_the_companys_next_assessment(client, questionnaire, team):
    alice = team.owner
    for device, role in (("bob", "sales"), ("carol", "sales"), ("dave", "marketing")):
        answer_everything(Client(), questionnaire, colleague(team, device, role))
    assert client.get(f"/a/{alice.token}/team/agree/").url == f"/a/{alice.token}/team/"
    client.post(f"/a/{alice.token}/team/close/")
    form = client.get(f"/a/{alice.token}/team/agree/")
    assert form.status_code == 200
    initial = form.context["form"].initial
    answers = {key: value for key, value in initial.items() if not key.startswith("dissent_")}
    data = {}
    for key, value in answers.items():
        data[key] = value
    response = client.post(f"/a/{alice.token}/team/agree/", data)
    team.refresh_from_db()
    agreed = team.agreed_assessment
    assert response.url == f"/a/{agreed.token}/results/"
    assert agreed.is_complete and agreed.origin == Origin.SELF_SERVE
    assert agreed.answers["company_name"] == "Maison Lefèvre"
    # Its results say whose answers they are, and lead back to the team's.
    results = client.get(response.url).content.decode()
    assert "Voici les réponses dont l'équipe de Maison Lefèvre a convenu" in results
    assert f"/a/{alice.token}/team/" in results
    # One company: the owner's link finds the agreed assessment in its history, and back.
    alice.refresh_from_db()
    history = company_history(agreed)
    assert [a.pk for a in history.completed] == [alice.pk, agreed.pk]
    assert history.change is not None
    # Recorded once: the team stays closed.
    client.post(f"/a/{alice.token}/team/reopen/")
    team.workshop.refresh_from_db()
    assert not team.workshop.is_open


def test_deleting_the_owners_assessment_deletes_the_colleagues_answers(client, questionnaire, team):
    member = colleague(team, "bob")
    answer_everything(Client(), questionnaire, member)
    client.post(f"/a/{team.owner.token}/delete/")
    assert not Assessment.objects.filter(pk=member.assessment.pk).exists()
    assert not Team.objects.exists()
    assert not type(team.workshop).objects.filter(pk=team.workshop_id).exists()
