"""Random and malformed data posted to every form: never a 500, never someone else's data; and
submissions that are valid most of the time, so that the code behind each form is reached and
its outcome checked: a valid step is saved as sent, a refused one says why and keeps the rest."""

import html

import pytest
from django.utils import translation
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessment.domain.questionnaire import MULTI, SINGLE, TEXT, TEXT_MAX_LENGTH, load_questionnaire
from assessment.forms import ERROR_MESSAGES
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


# The Django test client and database are function-scoped fixtures shared by the examples of one
# test: each example creates its own rows, so nothing of one leaks into the next one's checks.
SHARED_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=40, deadline=None, suppress_health_check=SHARED_FIXTURES)
@given(data=FORMS)
def test_no_form_answers_random_data_with_a_500_or_touches_another_assessment(client, data):
    other = make_assessment(profile="pioneers", complete=True)
    before = dict(other.answers)
    mine = make_assessment()
    post_everywhere(client, other, mine, data)
    other.refresh_from_db()
    assert other.answers == before
    assert Assessment.objects.filter(pk=other.pk).exists()


@settings(max_examples=25, deadline=None, suppress_health_check=SHARED_FIXTURES)
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


# Valid submissions, most of the time

QUESTIONNAIRE = load_questionnaire()
NAME_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))


def valid_answer(question):
    if question.kind == SINGLE:
        return st.sampled_from(question.option_values())
    if question.kind == MULTI:
        exclusive = [o.value for o in question.options if o.exclusive]
        others = [o.value for o in question.options if not o.exclusive]
        combinations = st.lists(st.sampled_from(others), min_size=1, unique=True)
        if exclusive:
            return st.one_of(combinations, st.sampled_from(exclusive).map(lambda v: [v]))
        return combinations
    return st.text(NAME_CHARACTERS, min_size=1, max_size=TEXT_MAX_LENGTH)


def refused_answer(question):
    """An answer the question cannot take, with the reason the page must give."""
    missing = st.just(("", "required"))
    if question.kind == SINGLE:
        unknown = st.text(min_size=1, max_size=30).filter(
            lambda v: v not in question.option_values() and "\x00" not in v
        )
        return st.one_of(missing, unknown.map(lambda v: (v, "unknown_option")))
    if question.kind == MULTI:
        exclusive = [o.value for o in question.options if o.exclusive]
        others = [o.value for o in question.options if not o.exclusive]
        unknown = st.just((["not-an-option"], "unknown_option"))
        if exclusive:
            combined = st.just(([exclusive[0], others[0]], "exclusive_option"))
            return st.one_of(missing, unknown, combined)
        return st.one_of(missing, unknown)
    too_long = st.text(NAME_CHARACTERS, min_size=TEXT_MAX_LENGTH + 1, max_size=TEXT_MAX_LENGTH + 50)
    control = st.sampled_from(["Maison\tLefèvre", "Nul\x01", "a\x7fb"])
    return st.one_of(
        too_long.map(lambda v: (v, "too_long")), control.map(lambda v: (v, "invalid_type"))
    )


@st.composite
def step_submissions(draw):
    """A step's answers, each valid unless the submission is drawn broken (about half are):
    returns the step, what is posted, what must be stored, and the refusals expected."""
    number = draw(st.integers(min_value=1, max_value=len(QUESTIONNAIRE.sections)))
    questions = QUESTIONNAIRE.sections[number - 1].questions
    required = [q for q in questions if q.required]
    broken = set()
    if draw(st.booleans()):
        broken = set(draw(st.lists(st.sampled_from(required), min_size=1, unique=True)))
    posted, stored, refusals = {}, {}, {}
    for question in questions:
        if question in broken:
            posted[question.id], refusals[question.id] = draw(refused_answer(question))
        elif question.required or draw(st.booleans()):
            posted[question.id] = answer = draw(valid_answer(question))
            stored[question.id] = as_stored(question, answer)
    return number, posted, stored, refusals


def as_stored(question, answer):
    """Choices are kept in the questionnaire's order, texts without their outer spaces."""
    if question.kind == MULTI:
        return [value for value in question.option_values() if value in answer]
    return answer.strip() if question.kind == TEXT else answer


def french(code):
    with translation.override("fr"):
        return str(ERROR_MESSAGES[code]) % {"max": TEXT_MAX_LENGTH}


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED_FIXTURES)
@given(submission=step_submissions())
def test_a_valid_step_is_saved_as_sent_and_a_refused_one_says_why(client, submission):
    number, posted, stored, refusals = submission
    assessment = make_assessment()
    response = client.post(f"/a/{assessment.token}/step/{number}/", {**posted, "next": "1"})
    assessment.refresh_from_db()
    # Valid answers are stored as sent, refused ones not at all.
    saved = {key: assessment.answers[key] for key in posted if key in assessment.answers}
    assert saved == stored
    assert all(assessment.answers.get(key) is None for key in refusals)
    event("refused" if refusals else "saved")
    if refusals:
        assert response.status_code == 200
        page = html.unescape(response.content.decode())
        for code in set(refusals.values()):
            assert french(code) in page, code
    else:
        assert response.status_code == 302
        # The next step, or (after the last one) back to the first step still unanswered.
        following = number + 1 if number < len(QUESTIONNAIRE.sections) else 1
        assert response["Location"] == f"/a/{assessment.token}/step/{following}/"
