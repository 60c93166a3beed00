import html
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from assessment.models import PeerScore
from assessment.workshops import services
from assessment.workshops.models import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, Participant, Workshop
from tests.factories import step_post_data
from tests.profiles import PROFILES
from tests.workshops.conftest import join

pytestmark = pytest.mark.django_db


def answer_everything(client, questionnaire, participant, profile="combative", **changes):
    answers = {**PROFILES[profile](), **changes}
    token = participant.assessment.token
    for number in range(1, len(questionnaire.sections) + 1):
        response = client.post(
            f"/a/{token}/step/{number}/",
            {**step_post_data(questionnaire, number, answers), "next": "1"},
        )
    return response


def test_join_codes_avoid_characters_that_read_alike(workshop):
    assert len(workshop.code) == JOIN_CODE_LENGTH
    assert set(workshop.code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL5S2Z") & set(JOIN_CODE_ALPHABET)


def test_a_participant_joins_by_code_without_an_account(client, workshop):
    response = client.post("/w/", {"code": workshop.code.lower()})
    assert response["Location"] == f"/w/{workshop.code}/"
    response = client.post(f"/w/{workshop.code}/", {"role": "sales", "first_name": "Léa"})
    participant = Participant.objects.get()
    assert response["Location"] == f"/a/{participant.assessment.token}/step/1/"
    assert participant.role == "sales" and participant.first_name == "Léa"


def test_joining_twice_from_the_same_phone_resumes(client, workshop):
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    response = client.get(f"/w/{workshop.code}/")
    assert Participant.objects.count() == 1
    assert response["Location"] == f"/a/{Participant.objects.get().assessment.token}/"


def test_a_wrong_code_says_so_without_revealing_anything(client, workshop):
    response = client.post("/w/", {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Aucun atelier ne porte ce code" in response.content.decode()


def test_join_codes_cannot_be_enumerated(client, workshop):
    from assessment.workshops.views import JOIN_ATTEMPTS_PER_DEVICE

    client.get("/w/")  # the phone gets its id
    for _ in range(JOIN_ATTEMPTS_PER_DEVICE):
        assert client.post("/w/", {"code": "ZZZZZZ"}).status_code == 200
    assert client.post("/w/", {"code": "ZZZZZZ"}).status_code == 429
    # Even the right code is not checked for this phone until the window has passed.
    assert client.post("/w/", {"code": workshop.code}).status_code == 429


def test_one_phone_guessing_does_not_lock_the_room_out(client, workshop):
    from django.test import Client

    from assessment.workshops.views import JOIN_ATTEMPTS_PER_DEVICE

    client.get("/w/")
    for _ in range(JOIN_ATTEMPTS_PER_DEVICE + 1):
        client.post("/w/", {"code": "ZZZZZZ"})
    neighbour = Client()  # same Wi-Fi, same address
    neighbour.get("/w/")
    assert neighbour.post("/w/", {"code": workshop.code})["Location"] == f"/w/{workshop.code}/"


def test_many_wrong_codes_from_one_address_are_stopped_even_without_cookies(client, workshop):
    from django.test import Client

    from assessment.workshops.views import JOIN_ATTEMPTS_PER_ADDRESS

    for _ in range(JOIN_ATTEMPTS_PER_ADDRESS):
        Client().post("/w/", {"code": "ZZZZZZ"})
    assert Client().post("/w/", {"code": "ZZZZZZ"}).status_code == 429


def test_a_double_tap_on_start_joins_once(client, workshop):
    client.get(f"/w/{workshop.code}/")
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    client.post(f"/w/{workshop.code}/", {"role": "sales"})
    assert Participant.objects.count() == 1


def test_a_participant_finishes_on_a_waiting_page_not_on_results(client, questionnaire, workshop):
    participant = join(workshop, "phone-1")
    response = answer_everything(client, questionnaire, participant)
    token = participant.assessment.token
    assert response["Location"] == f"/a/{token}/done/"
    assert client.get(f"/a/{token}/results/")["Location"] == f"/a/{token}/done/"


def test_participants_never_count_in_peer_benchmarks(client, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "phone-1"))
    assert not PeerScore.objects.exists()


def test_a_closed_workshop_accepts_no_new_answers_and_says_so(client, questionnaire, workshop):
    participant = join(workshop, "phone-1")
    before = dict(participant.assessment.answers)
    services.workshop_close(workshop=workshop)
    token = participant.assessment.token
    data = step_post_data(questionnaire, 1, PROFILES["combative"]())
    response = client.post(f"/a/{token}/step/1/", {**data, "next": "1"})
    assert response.status_code == 409
    assert "Cet atelier est clos" in response.content.decode()
    participant.assessment.refresh_from_db()
    assert participant.assessment.answers == before
    assert client.get(f"/w/{workshop.code}/").status_code == 200  # the closed page
    with pytest.raises(services.WorkshopClosed):
        join(workshop, "phone-2")


def test_the_facilitator_sees_only_who_joined_until_the_reveal(
    client, alice, questionnaire, workshop
):
    for device, activity in (("p1", "active"), ("p2", "inactive")):
        answer_everything(client, questionnaire, join(workshop, device), self_activity=activity)
    client.force_login(alice)
    page = client.get(f"/consultant/workshops/{workshop.pk}/").content.decode()
    assert "restent cachées" in page
    assert "Là où vous divergez le plus" not in page
    services.workshop_reveal(workshop=workshop)
    page = client.get(f"/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Là où vous divergez le plus" in page
    assert "activité de votre entreprise sur les réseaux sociaux" in page


def test_named_mode_alone_shows_first_names(client, alice, client_company, questionnaire):
    anonymous = services.workshop_create(client=client_company, created_by=alice)
    named = services.workshop_create(client=client_company, created_by=alice, named_mode=True)
    join(anonymous, "p1", first_name="Léa")
    join(named, "p1", first_name="Hugo")
    client.force_login(alice)
    assert "Léa" not in client.get(f"/consultant/workshops/{anonymous.pk}/").content.decode()
    assert "Hugo" in client.get(f"/consultant/workshops/{named.pk}/").content.decode()


def test_the_live_view_answers_not_modified_until_something_changes(client, alice, workshop):
    client.force_login(alice)
    first = client.get(f"/consultant/workshops/{workshop.pk}/live/")
    etag = first["ETag"]
    assert (
        client.get(
            f"/consultant/workshops/{workshop.pk}/live/", HTTP_IF_NONE_MATCH=etag
        ).status_code
        == 304
    )
    join(workshop, "phone-1")
    changed = client.get(f"/consultant/workshops/{workshop.pk}/live/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_qr_code_is_an_svg_of_the_join_url(client, alice, workshop):
    client.force_login(alice)
    response = client.get(f"/consultant/workshops/{workshop.pk}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_the_consensus_becomes_the_clients_assessment(client, alice, questionnaire, workshop):
    for device in ("p1", "p2", "p3"):
        answer_everything(client, questionnaire, join(workshop, device))
    client.force_login(alice)
    client.post(f"/consultant/workshops/{workshop.pk}/close/")
    form = client.get(f"/consultant/workshops/{workshop.pk}/consensus/")
    assert form.status_code == 200
    answers = {k: v for k, v in PROFILES["combative"]().items() if k != "company_name"}
    data = {}
    for key, value in answers.items():
        data[key] = value
    data["dissent_budget"] = "Les ventes pensent que le budget est plus élevé."
    response = client.post(f"/consultant/workshops/{workshop.pk}/consensus/", data)
    workshop.refresh_from_db()
    agreed = workshop.agreed_assessment
    assert response["Location"] == f"/a/{agreed.token}/results/"
    assert agreed.is_complete and agreed.origin == "consensus"
    assert agreed.segment == "combative"
    assert agreed.answers["company_name"] == "Maison Lefèvre"
    assert workshop.dissent_notes == {"budget": "Les ventes pensent que le budget est plus élevé."}
    assert not PeerScore.objects.exists()


def test_the_consensus_form_proposes_the_groups_most_common_answer(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"), budget="10_50k")
    answer_everything(client, questionnaire, join(workshop, "p2"), budget="10_50k")
    answer_everything(client, questionnaire, join(workshop, "p3"), budget="zero")
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    assert (
        'value="10_50k" checked' in page
        or 'value="10_50k"  checked' in page
        or ('value="10_50k"' in page and "checked" in page.split('value="10_50k"')[1][:40])
    )


def test_signup_creates_a_consultancy_and_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {"consultancy_name": "Cabinet X", "email": "Zoe@X.fr", "password": "a-long-passphrase-1"},
    )
    assert response["Location"] == "/consultant/"
    assert "Cabinet X" in client.get("/consultant/").content.decode()


def test_an_invitation_works_once(client, alice):
    invitation = services.invitation_create(
        consultancy=alice.membership.consultancy, created_by=alice
    )
    data = {"email": "new@conseil.fr", "password": "a-long-passphrase-1"}
    assert client.post(f"/accounts/invitation/{invitation.token}/", data).status_code == 302
    client.logout()
    assert client.get(f"/accounts/invitation/{invitation.token}/").status_code == 404


def test_login_and_password_reset_pages_work(client, alice, mailoutbox):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "alice@conseil.fr", "password": "correct horse battery"}
    )
    assert response["Location"] == "/consultant/"
    client.post("/accounts/password_reset/", {"email": "alice@conseil.fr"})
    assert len(mailoutbox) == 1


def test_the_workshop_report_tells_how_the_group_got_there(client, alice, questionnaire, workshop):
    import io

    from pypdf import PdfReader

    from assessment.reports.pdf import assessment_report_pdf
    from assessment.selectors import assessment_report

    answer_everything(client, questionnaire, join(workshop, "p1", "management"))
    answer_everything(client, questionnaire, join(workshop, "p2", "management"))
    for device in ("p3", "p4"):
        answer_everything(
            client, questionnaire, join(workshop, device, "sales"), self_activity="inactive"
        )
    services.workshop_close(workshop=workshop)
    workshop.refresh_from_db()
    agreed = services.workshop_record_consensus(
        workshop=workshop,
        answers=PROFILES["combative"](),
        dissent_notes={"self_activity": "Les ventes ne voient pas cette activité."},
        language="fr",
    )
    pdf = assessment_report_pdf(assessment_report(agreed), "fr")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "L'atelier" in text
    assert "Là où les avis ont le plus divergé" in text
    assert "Les ventes ne voient pas cette activité." in text
    assert "Direction : Active" in text and "Commercial : Inactive" in text


def test_after_the_reveal_every_questions_distribution_is_shown(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Les réponses à chaque question" in page
    assert "Que publiez-vous ?" in page  # a question nobody disagrees on still shows


def test_participants_choose_among_the_roles_the_consultant_set(client, alice, client_company):
    client.force_login(alice)
    client.post(
        f"/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["management", "sales"]},
    )
    workshop = client_company.workshops.get()
    assert workshop.roles == ["management", "sales"]
    client.logout()
    page = client.get(f"/w/{workshop.code}/").content.decode()
    assert 'value="sales"' in page and 'value="marketing"' not in page
    response = client.post(f"/w/{workshop.code}/", {"role": "marketing"})
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_what_the_consultant_knows_of_the_client_is_filled_in(workshop):
    participant = join(workshop, "phone-1")
    assert participant.assessment.answers == {
        "company_name": "Maison Lefèvre",
        "headcount": "50_249",
        "sector": "retail",
    }


def test_the_agreed_answers_wait_for_the_workshop_to_close(client, alice, workshop):
    client.force_login(alice)
    response = client.get(f"/consultant/workshops/{workshop.pk}/consensus/")
    assert response["Location"] == f"/consultant/workshops/{workshop.pk}/"


def test_nobody_can_rewrite_the_agreed_answers_through_the_questionnaire(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    client.logout()
    data = step_post_data(questionnaire, 3, {**PROFILES["combative"](), "budget": "zero"})
    response = client.post(f"/a/{agreed.token}/step/3/", {**data, "next": "1"})
    assert response["Location"] == f"/a/{agreed.token}/results/"
    agreed.refresh_from_db()
    assert agreed.answers["budget"] == "lt10k"
    assert "Modifier mes réponses" not in client.get(f"/a/{agreed.token}/results/").content.decode()


def test_recording_the_agreed_answers_reveals_the_group(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    workshop.refresh_from_db()
    assert workshop.is_revealed


def test_a_participant_gets_no_report_of_their_own(client, questionnaire, workshop):
    participant = join(workshop, "p1")
    answer_everything(client, questionnaire, participant)
    token = participant.assessment.token
    assert client.get(f"/a/{token}/report.pdf")["Location"] == f"/a/{token}/done/"


def test_a_used_invitation_is_a_404_not_a_500(client, alice):
    invitation = services.invitation_create(
        consultancy=alice.membership.consultancy, created_by=alice
    )
    services.invitation_accept(invitation=invitation, email="x@y.fr", password="long-pass-word-1")
    with pytest.raises(services.InvitationUsed):
        services.invitation_accept(
            invitation=invitation, email="z@y.fr", password="long-pass-word-1"
        )


def test_a_client_name_with_a_control_character_is_refused(client, alice):
    client.force_login(alice)
    response = client.post("/consultant/clients/new/", {"name": "Maison\tLefèvre"})
    assert response.status_code == 200
    assert "caractères de contrôle" in response.content.decode()


def test_an_email_too_long_for_a_login_is_refused_with_a_message(client):
    email = "a" * 140 + "@conseil.fr"
    response = client.post(
        "/accounts/signup/",
        {"consultancy_name": "X", "email": email, "password": "a-long-passphrase-1"},
    )
    assert response.status_code == 200


def test_a_nul_byte_in_a_code_or_token_is_a_404(client):
    for url in ("/w/AB%00CD/", "/a/ab%00cd/", "/accounts/invitation/ab%00cd/"):
        assert client.get(url).status_code == 404, url


def test_the_join_link_is_in_the_default_language(client, alice, workshop):
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert f"/w/{workshop.code}/" in page and f"/en/w/{workshop.code}/" not in page


def test_password_guessing_is_stopped(client, alice):
    from assessment.workshops.views import LOGIN_FAILURES_PER_ACCOUNT

    for _ in range(LOGIN_FAILURES_PER_ACCOUNT):
        response = client.post(
            "/accounts/login/", {"username": "alice@conseil.fr", "password": "no"}
        )
        assert response.status_code == 200
    right = {"username": "alice@conseil.fr", "password": "correct horse battery"}
    assert client.post("/accounts/login/", right).status_code == 429


def test_another_account_can_still_log_in_from_the_same_address(client, alice, bob):
    from assessment.workshops.views import LOGIN_FAILURES_PER_ACCOUNT

    for _ in range(LOGIN_FAILURES_PER_ACCOUNT + 1):
        client.post("/accounts/login/", {"username": "alice@conseil.fr", "password": "no"})
    response = client.post(
        "/accounts/login/", {"username": "bob@conseil.fr", "password": "correct horse battery"}
    )
    assert response["Location"] == "/consultant/"


def test_behind_a_proxy_the_rate_limit_counts_visitors_not_the_proxy(client, settings):
    from django.test import RequestFactory

    from assessment.workshops.views import client_address

    request = RequestFactory().get("/w/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.1"
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert client_address(request) == "1.2.3.4"
    spoofed = RequestFactory().get(
        "/w/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4"
    )
    assert client_address(spoofed) == "1.2.3.4"  # the proxy's own entry, not the visitor's claim


def test_a_clients_agreed_answers_count_in_peers_only_with_its_consent(
    client, alice, questionnaire, client_company, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    agreed = services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    assert not PeerScore.objects.exists()
    client.force_login(alice)
    client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "yes"})
    assert list(PeerScore.objects.values_list("assessment", flat=True)) == [agreed.pk]
    client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "no"})
    assert not PeerScore.objects.exists()


def test_consent_is_recorded_only_by_the_clients_consultancy(client, charlie, client_company):
    client.force_login(charlie)
    response = client.post(f"/consultant/clients/{client_company.pk}/consent/", {"consent": "yes"})
    assert response.status_code == 404
    client_company.refresh_from_db()
    assert not client_company.peer_benchmarks_consent


# Pre-work


def test_a_prework_workshop_tells_participants_to_answer_by_its_date(client, alice, client_company):
    client.force_login(alice)
    due = timezone.localdate() + timedelta(days=5)
    response = client.post(
        f"/en/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["marketing", "sales"], "prework": "on", "prework_until": due.isoformat()},
    )
    workshop = Workshop.objects.get(client=client_company)
    assert response.status_code == 302 and workshop.prework and workshop.prework_until == due
    client.logout()
    page = html.unescape(client.get(f"/en/w/{workshop.code}/").content.decode())
    assert "Answer before the meeting, on your own" in page
    assert f"Please answer by {date_format(due, 'DATE_FORMAT')}." in page


def test_a_prework_date_in_the_past_is_refused(client, alice, client_company):
    client.force_login(alice)
    client.post(
        f"/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["marketing"], "prework": "on", "prework_until": "2020-01-01"},
    )
    assert not Workshop.objects.filter(client=client_company).exists()


def test_a_due_date_without_prework_is_ignored(client, alice, client_company):
    client.force_login(alice)
    client.post(
        f"/consultant/clients/{client_company.pk}/workshops/new/",
        {"roles": ["marketing"], "prework_until": "2099-01-01"},
    )
    workshop = Workshop.objects.get(client=client_company)
    assert not workshop.prework and workshop.prework_until is None


def test_the_prework_meeting_opens_on_disagreements_and_knowledge_gaps(
    client, alice, questionnaire, client_company
):
    workshop = services.workshop_create(client=client_company, created_by=alice, prework=True)
    answer_everything(client, questionnaire, join(workshop, "p1"), budget="dont_know")
    answer_everything(
        client,
        questionnaire,
        join(workshop, "p2", role="sales"),
        budget="dont_know",
        strategy="written",
    )
    client.force_login(alice)
    before = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Start the meeting" in before and "Start here" not in before
    client.post(f"/consultant/workshops/{workshop.pk}/reveal/")
    page = html.unescape(client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode())
    # The agenda comes before the group's scores, with what nobody knows at its head.
    assert page.index("Start here: where your answers differ") < page.index("The group's scores")
    start = page.index("Start here")
    assert start < page.index("Nobody in the room seems to know") < page.index('class="agenda"')
    agenda = page[page.index('class="agenda"') :]
    assert agenda.index("strategy") < agenda.index("</ol>")  # the question they split on


def test_a_live_workshop_keeps_the_scores_first(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = html.unescape(client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode())
    assert page.index("The group's scores") < page.index("Where you disagree most")
    assert "Start here" not in page
