"""The live workshop: creating it, the facilitator view, the reveal, the close, the agreed
answers and the workshop's report."""

import html
import re

import pytest
import zxingcpp
from PIL import Image

from assessment.models import PeerScore
from assessment.workshops import services
from assessment.workshops.models import Workshop
from tests.factories import step_post_data
from tests.profiles import PROFILES
from tests.workshops.conftest import a_poll_later, answer_everything, join

pytestmark = pytest.mark.django_db


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
    assert "Sur les réseaux sociaux, votre entreprise est" in page


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
    with a_poll_later():
        changed = client.get(f"/consultant/workshops/{workshop.pk}/live/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def qr_image(svg: str, scale: int = 4) -> Image.Image:
    """The picture segno's SVG draws: each path stroke is a run of dark modules on one row
    ("M x y.5" starts a row, "h n" draws n modules, "m dx dy" moves on)."""
    [path] = re.findall(r' d="([^"]+)"', svg)
    x = y = 0.0
    dark = set()
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            dark.update((int(x) + i, int(y)) for i in range(int(first)))
            x += float(first)
    size = max(max(column, row) for column, row in dark) + 3  # the quiet zone on the far side
    image = Image.new("L", (size * scale, size * scale), 255)
    for column, row in dark:
        image.paste(0, (column * scale, row * scale, (column + 1) * scale, (row + 1) * scale))
    return image


def test_the_qr_code_is_an_svg_of_the_join_url(client, alice, workshop):
    client.force_login(alice)
    response = client.get(f"/consultant/workshops/{workshop.pk}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    [code] = zxingcpp.read_barcodes(qr_image(response.content.decode()))
    assert code.text == f"http://testserver/w/{workshop.code}/"


def test_after_the_reveal_every_questions_distribution_is_shown(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/consultant/workshops/{workshop.pk}/").content.decode()
    assert "Les réponses à chaque question" in page
    assert (
        "De quoi parlent vos publications ?" in page
    )  # a question nobody disagrees on still shows


def test_the_join_link_is_in_the_default_language(client, alice, workshop):
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert f"/w/{workshop.code}/" in page and f"/en/w/{workshop.code}/" not in page


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
    data["dissent_external_budget"] = "Les ventes pensent que le budget est plus élevé."
    response = client.post(f"/consultant/workshops/{workshop.pk}/consensus/", data)
    workshop.refresh_from_db()
    agreed = workshop.agreed_assessment
    assert response["Location"] == f"/a/{agreed.token}/results/"
    assert agreed.is_complete and agreed.origin == "consensus"
    assert agreed.segment == "combative"
    assert agreed.answers["company_name"] == "Maison Lefèvre"
    assert workshop.dissent_notes == {
        "external_budget": "Les ventes pensent que le budget est plus élevé."
    }
    assert not PeerScore.objects.exists()


def test_the_consensus_form_proposes_the_groups_most_common_answer(
    client, alice, questionnaire, workshop
):
    answer_everything(client, questionnaire, join(workshop, "p1"), external_budget="10_50k")
    answer_everything(client, questionnaire, join(workshop, "p2"), external_budget="10_50k")
    answer_everything(client, questionnaire, join(workshop, "p3"), external_budget="zero")
    services.workshop_close(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/consultant/workshops/{workshop.pk}/consensus/").content.decode()
    assert (
        'value="10_50k" checked' in page
        or 'value="10_50k"  checked' in page
        or ('value="10_50k"' in page and "checked" in page.split('value="10_50k"')[1][:40])
    )


def test_the_workshop_report_tells_how_the_group_got_there(client, alice, questionnaire, workshop):
    import io

    from pypdf import PdfReader

    from assessment.reports.pdf import assessment_report_pdf
    from assessment.selectors import assessment_report

    for device in ("p1", "p2", "p3"):
        answer_everything(client, questionnaire, join(workshop, device, "management"))
    for device in ("p4", "p5", "p6"):
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
    assert "Direction (3) : surtout « Active »" in text
    assert "Commercial (3) : surtout « Inactive »" in text
    assert "Les rôles divergent" in text


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
    data = step_post_data(questionnaire, 3, {**PROFILES["combative"](), "external_budget": "zero"})
    response = client.post(f"/a/{agreed.token}/step/3/", {**data, "next": "1"})
    assert response["Location"] == f"/a/{agreed.token}/results/"
    agreed.refresh_from_db()
    assert agreed.answers["external_budget"] == "2_10k"
    assert "Modifier mes réponses" not in client.get(f"/a/{agreed.token}/results/").content.decode()


def test_recording_the_agreed_answers_reveals_the_group(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    workshop.refresh_from_db()
    assert workshop.is_revealed


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
    answer_everything(client, questionnaire, join(workshop, "p1"), external_budget="dont_know")
    answer_everything(
        client,
        questionnaire,
        join(workshop, "p2", role="sales"),
        external_budget="dont_know",
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
    assert start < page.index("What the room does not know") < page.index('class="agenda"')
    assert "None of the 2 people who answered knows." in page
    agenda = page[page.index('class="agenda"') :]
    assert agenda.index("strategy") < agenda.index("</ol>")  # the question they split on


def test_a_live_workshop_keeps_the_scores_first(client, alice, questionnaire, workshop):
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = html.unescape(client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode())
    assert page.index("The group's scores") < page.index("Where you disagree most")
    assert "Start here" not in page
