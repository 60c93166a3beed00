"""Random and malformed data posted to every form: never a 500, never someone else's data."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.models import Assessment
from tests.factories import make_assessment

pytestmark = pytest.mark.django_db

# Field names the forms know, and others; values of every shape a client can send.
NAMES = st.sampled_from(
    [
        "company_name",
        "headcount",
        "networks",
        "budget",
        "tempo",
        "barriers",
        "next",
        "previous",
        "code",
        "role",
        "first_name",
        "name",
        "email",
        "password",
        "consultancy_name",
        "roles",
        "title",
        "named_mode",
        "dissent_budget",
        "csrfmiddlewaretoken",
        "x",
        "",
    ]
)
VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "none",
            "dont_know",
            "linkedin",
            "20_49",
            "\x00",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "x" * 5000,
            "../../etc/passwd",
        ]
    ),
)
FORMS = st.dictionaries(NAMES, st.one_of(VALUES, st.lists(VALUES, max_size=4)), max_size=12)


def post_everywhere(client, other, mine, data):
    urls = [
        "/start/",
        "/w/",
        f"/a/{mine.token}/step/1/",
        f"/a/{mine.token}/step/2/",
        f"/a/{mine.token}/step/6/",
        f"/a/{mine.token}/delete/",
        "/accounts/signup/",
        "/accounts/login/",
        f"/en/a/{mine.token}/step/3/",
        "/w/ABCDEF/",
        f"/a/{other.token}x/step/1/",
        "/accounts/invitation/nope/",
    ]
    for url in urls:
        response = client.post(url, data)
        assert response.status_code < 500, (url, data)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=FORMS)
def test_no_form_answers_random_data_with_a_500_or_touches_another_assessment(client, data):
    other = make_assessment(profile="pioneers", complete=True)
    before = dict(other.answers)
    mine = make_assessment()
    post_everywhere(client, other, mine, data)
    other.refresh_from_db()
    assert other.answers == before
    assert Assessment.objects.filter(pk=other.pk).exists()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=FORMS)
def test_no_consultant_form_answers_random_data_with_a_500(client, data):
    from assessment.workshops import services

    user = services.consultancy_signup(
        email=f"fuzz{Assessment.objects.count()}@x.fr",
        password="a-long-pass-1",
        consultancy_name="F",
    )
    company = services.client_create(consultancy=user.membership.consultancy, name="C")
    open_workshop = services.workshop_create(client=company, created_by=user)
    closed = services.workshop_create(client=company, created_by=user)
    services.workshop_close(workshop=closed)
    client.force_login(user)
    for url in (
        "/consultant/clients/new/",
        f"/consultant/clients/{company.pk}/workshops/new/",
        f"/consultant/workshops/{closed.pk}/consensus/",
        f"/consultant/workshops/{open_workshop.pk}/consensus/",
        f"/consultant/workshops/{open_workshop.pk}/reveal/",
        f"/w/{open_workshop.code}/",
        f"/consultant/clients/{company.pk}/targets/",
        f"/consultant/clients/{company.pk}/attach/",
        "/consultant/brand/",
    ):
        assert client.post(url, data).status_code < 500, (url, data)
    Assessment.objects.create()  # a new email for the next example
