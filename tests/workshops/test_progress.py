"""A client over time: its timeline, progress, targets, the progress report and its exports."""

import io

import pandas as pd
import pytest
from django.utils import timezone
from pypdf import PdfReader

from assessment.domain.scoring import score
from assessment.reports.models import PreparedReport
from assessment.workshops import services
from tests.factories import make_assessment
from tests.profiles import PROFILES
from tests.report_worker import download_report, run_report_worker
from tests.workshops.conftest import agreed_workshop, join, progress_page, self_serve

pytestmark = pytest.mark.django_db


def test_the_progress_page_shows_what_moved_and_what_was_acted_on(client, alice, client_company):
    agreed_workshop(client_company, alice, days_ago=200)
    agreed_workshop(client_company, alice, who_runs="employee_part_time", budget="10_50k")
    client.force_login(alice)
    page = progress_page(client, client_company)
    assert "chart-progress" in page
    assert "Faire des réseaux sociaux la mission d'une personne — <strong>mise en œuvre" in page
    assert "Écrire une stratégie d'une page — pas encore" in page


def test_progress_waits_for_a_second_assessment(client, alice, client_company):
    agreed_workshop(client_company, alice)
    client.force_login(alice)
    assert "à partir du deuxième diagnostic" in progress_page(client, client_company)


def test_progress_checks_owner(client, bob, charlie, client_company):
    url = f"/consultant/clients/{client_company.pk}/progress/"
    client.force_login(bob)
    assert client.get(url).status_code == 200
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url)["Location"].startswith("/accounts/login/")


# Targets


def test_targets_are_shown_against_the_latest_scores(client, alice, client_company):
    agreed = agreed_workshop(client_company, alice)
    client.force_login(alice)
    response = client.post(
        f"/consultant/clients/{client_company.pk}/targets/",
        {"team": "60", "roi": str(agreed.roi_score), "budget": ""},
    )
    assert response.status_code == 302
    client_company.refresh_from_db()
    assert client_company.targets == {"team": 60, "roi": agreed.roi_score}
    page = progress_page(client, client_company)
    assert f'<td class="text-end">{agreed.team_score}</td><td class="text-end">60</td>' in page
    assert f"{60 - agreed.team_score} points à gagner" in page
    assert "atteint" in page
    assert "stroke-dasharray" in page  # the chart draws the way to each target


@pytest.mark.parametrize("value", ["101", "-1", "soixante", "1e9"])
def test_a_target_outside_0_to_100_is_refused_and_nothing_changes(
    client, alice, client_company, value
):
    services.client_set_targets(client=client_company, targets={"team": 40})
    client.force_login(alice)
    response = client.post(f"/consultant/clients/{client_company.pk}/targets/", {"team": value})
    assert response.status_code == 400
    client_company.refresh_from_db()
    assert client_company.targets == {"team": 40}


# The progress report


def test_the_progress_report_reads_progress_since_the_first_date(client, alice, client_company):
    first = agreed_workshop(client_company, alice, days_ago=240)
    agreed_workshop(client_company, alice, who_runs="employee_part_time", budget="10_50k")
    services.client_set_targets(client=client_company, targets={"team": 70})
    client.force_login(alice)
    response = download_report(client, f"/en/consultant/clients/{client_company.pk}/progress.pdf")
    assert response["Content-Type"] == "application/pdf"
    first_day = f"{timezone.localtime(first.completed_at):%Y-%m-%d}"
    assert f"progress-since-{first_day}" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Progress since" in text and "Maison Lefèvre" in text
    assert "What moved since" in text and "Acted on" in text
    assert "Targets for the next assessment" in text
    assert 2 <= len(reader.pages) <= 4


def test_the_french_progress_report_is_in_french(client, alice, client_company):
    agreed_workshop(client_company, alice, days_ago=90)
    agreed_workshop(client_company, alice, who_runs="employee_part_time")
    client.force_login(alice)
    response = download_report(client, f"/consultant/clients/{client_company.pk}/progress.pdf")
    assert "progression-depuis-" in response["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Progression depuis" in text


def test_without_an_assessment_there_is_no_progress_report(client, alice, client_company):
    client.force_login(alice)
    response = client.get(f"/consultant/clients/{client_company.pk}/progress.pdf")
    assert response.status_code == 302


# The client's export


def test_a_clients_export_holds_every_respondent_of_every_assessment(
    client, alice, client_company, workshop, questionnaire
):
    from tests.workshops.conftest import answer_everything

    answer_everything(client, questionnaire, join(workshop, "p1", role="sales"))
    answer_everything(client, questionnaire, join(workshop, "p2", role="management"))
    services.workshop_close(workshop=workshop)
    services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["combative"](), dissent_notes={}, language="fr"
    )
    attached = self_serve(days_ago=30)
    services.client_attach_assessment(client=client_company, link=attached.token, attached_by=alice)
    make_assessment(profile="pioneers", complete=True)  # someone else's: never exported
    client.force_login(alice)
    for kind, read in (("csv", pd.read_csv), ("xlsx", pd.read_excel)):
        response = client.get(f"/en/consultant/clients/{client_company.pk}/assessments.{kind}")
        assert response.status_code == 200
        table = read(io.BytesIO(response.content), dtype=str)
        respondents = set(table["respondent"])
        assert respondents == {
            f"{workshop.code}-1",
            f"{workshop.code}-2",
            f"{workshop.code}-agreed",
            f"self-serve {timezone.localtime(attached.completed_at):%Y-%m-%d} #1",
        }
        # One of each role: neither is exported under its own name.
        assert set(table["role"].dropna()) == {"Other roles"}
        for respondent in respondents:
            rows = table[table["respondent"] == respondent]
            assert rows["question_id"].is_unique
        assert set(table["questionnaire_version"]) == {"2027-1"}


def test_the_clients_export_checks_owner(client, bob, charlie, client_company):
    for user, status in ((bob, 200), (charlie, 404)):
        client.force_login(user)
        for kind in ("csv", "xlsx"):
            url = f"/consultant/clients/{client_company.pk}/assessments.{kind}"
            assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "progress.pdf"),
        ("post", "targets/"),
        ("post", "attach/"),
        ("get", "assessments.csv"),
        ("get", "assessments.xlsx"),
        ("post", "attached/1/remove/"),
    ],
)
def test_every_client_page_checks_owner(client, alice, bob, charlie, client_company, method, path):
    agreed_workshop(client_company, alice)
    url = f"/consultant/clients/{client_company.pk}/{path}"
    client.logout()
    assert getattr(client, method)(url)["Location"].startswith("/accounts/login/")
    client.force_login(charlie)
    assert getattr(client, method)(url).status_code == 404
    for user in (alice, bob):
        client.force_login(user)
        assert getattr(client, method)(url).status_code in (200, 302, 400)


def test_assessments_of_two_versions_are_compared_on_their_shared_questions(
    client, alice, client_company, questionnaire, monkeypatch
):
    from assessment.models import Assessment
    from tests.domain.test_progress import next_version

    later = next_version(questionnaire, drop="reporting", add_to="measures_results")
    first = agreed_workshop(client_company, alice, days_ago=300, reporting="monthly")
    second = agreed_workshop(client_company, alice, reporting="monthly")
    # Scored by its own version, the second assessment loses the points of the new question it
    # left unanswered: its stored scores fall although no shared answer changed.
    own = score(later, second.answers)
    type(second).objects.filter(pk=second.pk).update(
        questionnaire_version=later.version,
        roi_score=own.dimensions["roi"],
        overall_score=own.overall,
    )
    assert own.dimensions["roi"] < second.roi_score
    monkeypatch.setattr(
        Assessment,
        "questionnaire",
        lambda a: later if a.questionnaire_version == later.version else questionnaire,
    )
    client.force_login(alice)
    page = progress_page(client, client_company)
    # The same answers on the questions both ask: no change, whatever the new version adds.
    deltas = page[page.index("Depuis le diagnostic précédent") : page.index("Les recommandations")]
    assert deltas.count("<strong>=</strong>") == 6
    assert "posées dans une seule version" in deltas
    assert questionnaire.question("reporting").label.fr in deltas
    assert first.completed_at < second.completed_at


def test_two_self_serve_assessments_of_one_day_stay_two_respondents(client, alice, client_company):
    for profile in ("casual", "combative"):
        services.client_attach_assessment(
            client=client_company, link=self_serve(profile=profile).token, attached_by=alice
        )
    client.force_login(alice)
    response = client.get(f"/en/consultant/clients/{client_company.pk}/assessments.csv")
    table = pd.read_csv(io.BytesIO(response.content), dtype=str)
    assert table["respondent"].nunique() == 2
    for _label, rows in table.groupby("respondent"):
        assert rows["question_id"].is_unique


def test_the_clients_export_does_not_grow_its_queries_with_its_workshops(
    client, alice, client_company, django_assert_max_num_queries
):
    for _ in range(6):
        workshop = services.workshop_create(client=client_company, created_by=alice)
        join(workshop, f"phone-{workshop.pk}")
        services.workshop_close(workshop=workshop)
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        client.get(f"/consultant/clients/{client_company.pk}/assessments.csv")


def test_dates_are_the_clients_local_ones(client, alice, client_company):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    agreed = agreed_workshop(client_company, alice)
    # 23:30 in London on 9 March is already 10 March in Paris.
    late = datetime(2026, 3, 9, 23, 30, tzinfo=ZoneInfo("UTC"))
    type(agreed).objects.filter(pk=agreed.pk).update(completed_at=late)
    client.force_login(alice)
    response = download_report(client, f"/en/consultant/clients/{client_company.pk}/progress.pdf")
    assert "progress-since-2026-03-10.pdf" in response["Content-Disposition"]


def test_colleagues_asking_for_the_same_progress_report_share_one_render(
    client, alice, bob, client_company
):
    agreed_workshop(client_company, alice)
    page = f"/en/consultant/clients/{client_company.pk}/progress/report/"
    for consultant in (alice, bob):
        client.force_login(consultant)
        waiting = client.get(page)
        assert waiting.status_code == 202
        assert "Back to the progress page" in waiting.content.decode()
    assert PreparedReport.objects.count() == 1
    run_report_worker()
    response = client.get(f"/en/consultant/clients/{client_company.pk}/progress.pdf")
    assert response.content.startswith(b"%PDF")
