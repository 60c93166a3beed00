"""Every kind of page of the app, as a visitor, a respondent, a participant and a consultant meet
it: for the checks that hold on every page (unique ids, what search engines may index)."""

from __future__ import annotations

from dataclasses import dataclass

from assessment import services as assessment_services
from assessment.domain.questionnaire import load_questionnaire
from assessment.workshops import services
from tests.factories import make_assessment
from tests.profiles import PROFILES
from tests.teams.pages import team_pages

PASSWORD = "correct horse battery"

# Public pages: search engines may index them, in both languages.
PUBLIC = [
    "/",
    "/en/",
    "/sources/",
    "/en/sources/",
    "/barometer/",
    "/en/barometer/",
    "/privacy/",
    "/en/privacy/",
]


@dataclass(frozen=True)
class Page:
    path: str
    method: str = "get"
    data: dict | None = None
    consultant: bool = False


def private_pages(alice) -> list[Page]:
    """Pages reached by a private link, a workshop code or an account, with their data made."""
    questionnaire = load_questionnaire()
    fresh = make_assessment()
    done = make_assessment(profile="combative", complete=True)
    consultancy = alice.membership.consultancy
    company = services.client_create(consultancy=consultancy, name="Client")
    workshop = services.workshop_create(client=company, created_by=alice)
    participant = services.participant_join(
        workshop=workshop, device_key="phone-1", role="marketing", first_name="", language="fr"
    )
    finished = services.participant_join(
        workshop=workshop, device_key="phone-2", role="sales", first_name="", language="fr"
    )
    make_finished(finished.assessment)
    closed = services.workshop_create(client=company, created_by=alice)
    services.workshop_close(workshop=closed)
    services.client_attach_assessment(client=company, link=done.token, attached_by=alice)
    invitation = services.invitation_create(consultancy=consultancy, created_by=alice)
    # A company that assessed itself twice and has a third assessment under way.
    first = make_assessment(profile="casual", complete=True)
    second = assessment_services.assessment_retake(assessment=first, language="fr")
    assessment_services.assessment_save_answers(assessment=second, answers=PROFILES["combative"]())
    assessment_services.assessment_complete(assessment=second)
    second.refresh_from_db()
    third = assessment_services.assessment_retake(assessment=second, language="fr")
    steps = range(1, len(questionnaire.sections) + 1)
    return [
        *(Page(f"/a/{fresh.token}/step/{n}/") for n in steps),
        Page(f"/en/a/{fresh.token}/step/1/"),
        # Each step failed: nothing answered, Next pressed.
        *(Page(f"/a/{fresh.token}/step/{n}/", "post", {"next": "1"}) for n in steps),
        Page(f"/en/a/{fresh.token}/step/1/", "post", {"next": "1"}),
        Page(f"/a/{done.token}/results/"),
        Page(f"/en/a/{done.token}/results/"),
        Page(f"/a/{done.token}/delete/"),
        Page(f"/a/{second.token}/results/"),
        Page(f"/en/a/{second.token}/results/"),
        Page(f"/a/{second.token}/delete-all/"),
        Page(f"/a/{third.token}/step/2/"),
        Page(f"/a/{third.token}/delete/"),
        Page(f"/a/{participant.assessment.token}/step/1/"),
        Page(f"/a/{finished.assessment.token}/done/"),
        *team_pages(Page),
        Page("/w/"),
        Page("/w/", "post", {"code": "NOPE"}),
        Page(f"/w/{workshop.code}/"),
        Page(f"/w/{workshop.code}/", "post", {}),
        Page("/accounts/login/"),
        Page("/accounts/signup/"),
        Page("/accounts/password_reset/"),
        Page(f"/accounts/invitation/{invitation.token}/"),
        *(
            Page(path, consultant=True)
            for path in (
                "/consultant/",
                "/en/consultant/",
                "/consultant/brand/",
                "/consultant/clients/new/",
                f"/consultant/clients/{company.pk}/",
                f"/consultant/clients/{company.pk}/progress/",
                f"/consultant/clients/{company.pk}/delete/",
                f"/consultant/workshops/{workshop.pk}/",
                f"/consultant/workshops/{closed.pk}/consensus/",
            )
        ),
    ]


def make_finished(assessment) -> None:
    from assessment import services as assessment_services

    assessment_services.assessment_save_answers(assessment=assessment, answers=PROFILES["casual"]())
    assessment_services.assessment_complete(assessment=assessment)


def fetch(client, alice, page: Page):
    """The page's response, logged in as alice for a consultant's page, logged out otherwise."""
    if page.consultant:
        client.force_login(alice)
    else:
        client.logout()
    return getattr(client, page.method)(page.path, page.data or {})
