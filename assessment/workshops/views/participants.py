"""Participants, on their phones: the join page by code, then joining a workshop."""

import secrets

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessment import selectors as assessment_selectors
from assessment import throttling
from assessment.cookies import set_private_cookie
from assessment.refusals import WorkshopClosed, WorkshopFull

from .. import selectors, services
from ..forms import JoinCodeForm, JoinForm
from ..models import Workshop
from ..revotes import CannotRevote, open_revote, revote_answer, second_answer

DEVICE_COOKIE_NAME = "smm_device"
DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 30


def _device(request) -> str:
    """The phone's own random id, from its cookie; empty before its first page."""
    return request.get_signed_cookie(DEVICE_COOKIE_NAME, default="")


def _with_device_cookie(response, device_key: str):
    return set_private_cookie(response, DEVICE_COOKIE_NAME, device_key, DEVICE_COOKIE_MAX_AGE)


@require_http_methods(["GET", "POST"])
def join_code(request):
    form = JoinCodeForm(request.POST or None)
    device_key = _device(request) or secrets.token_urlsafe(24)
    if request.method == "POST":
        if throttling.join_blocked(request, _device(request)):
            return render(request, "workshops/too_many.html", status=429)
        if form.is_valid():
            code = form.cleaned_data["code"]
            if selectors.workshop_by_join_code(code) is not None:
                return redirect("workshops:join", code=code)
            throttling.wrong_join_code(request, _device(request))
            form.add_error("code", _("No workshop has this code. Check it on the screen."))
    response = render(request, "workshops/join_code.html", {"form": form})
    # The phone gets its own id before anything else, so its attempts and joins are its own.
    return _with_device_cookie(response, device_key)


@require_http_methods(["GET", "POST"])
def join(request, code):
    # Asked before the code is looked up: once over the limit, every code, right or wrong, gets
    # the same answer, so the answers no longer tell which codes exist.
    if throttling.join_blocked(request, _device(request)):
        return render(request, "workshops/too_many.html", status=429)
    workshop = selectors.workshop_by_join_code(code)
    if workshop is None:
        throttling.wrong_join_code(request, _device(request))
        raise Http404
    try:
        return _join(request, workshop)
    except WorkshopClosed:
        return render(request, "workshops/closed.html", {"workshop": workshop})
    except WorkshopFull:
        context = {"workshop": workshop, "maximum": settings.WORKSHOP_MAX_PARTICIPANTS}
        return render(request, "workshops/full.html", context, status=409)


def _join(request, workshop: Workshop):
    services.workshop_check_open(workshop)
    known_device = _device(request)
    device_key = known_device or secrets.token_urlsafe(24)
    # A phone without its id yet (its first page) cannot have joined: nothing to look up.
    existing = known_device and workshop.participants.filter(device_key=device_key).first()
    if existing:
        return redirect("assessment:resume", token=existing.assessment.token)
    form = JoinForm(request.POST or None, roles=workshop.roles)
    if request.method == "POST" and form.is_valid():
        if throttling.join_refused(request):
            return render(request, "too_many_requests.html", status=429)
        participant = services.participant_join(
            workshop=workshop,
            device_key=device_key,
            role=form.cleaned_data["role"],
            first_name=form.cleaned_data["first_name"],
            language=get_language(),
        )
        response = redirect("assessment:step", token=participant.assessment.token, number=1)
        return _with_device_cookie(response, device_key)
    response = render(request, "workshops/join.html", {"workshop": workshop, "form": form})
    # Set before the form is sent: a double tap on "Start" then joins once, not twice.
    return _with_device_cookie(response, device_key)


@require_http_methods(["GET", "POST"])
def revote(request, token):
    """The one question the facilitator asks again, on the phone's last page (polled)."""
    # Polled by every phone of the room: the row, its participant and workshop in one query.
    assessment = get_object_or_404(
        assessment_selectors.assessments_with_context(), token=token[:64]
    )
    participant = assessment_selectors.participant_of(assessment)
    if participant is None:
        raise Http404
    current = open_revote(participant.workshop)
    error = ""
    if request.method == "POST":
        try:
            revote_id = int(request.POST.get("revote", ""))
            revote_answer(
                participant=participant, revote_id=revote_id, raw=request.POST.get("answer")
            )
        except (ValueError, CannotRevote):
            error = _("Choose one of the answers while the question is open.")
        if not request.headers.get("HX-Request"):
            return redirect("assessment:done", token=token)
    context = {"assessment": assessment, "revote": None, "error": error}
    if current is not None:
        question = assessment.questionnaire().question(current.question_id)
        language = get_language()
        context["revote"] = {
            "id": current.pk,
            "question": question.label.in_language(language),
            "options": [(o.value, o.label.in_language(language)) for o in question.options],
            "answered": second_answer(current, participant),
        }
    return render(request, "workshops/_revote.html", context)
