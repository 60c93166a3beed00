"""The live workshop, on the consultant's side: the facilitator view and its polled part, the
reveal, the close, the agreed answers, and the QR code participants scan."""

import io
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment.refusals import AnswersFrozen, WorkshopClosed, WorkshopStillOpen

from .. import selectors, services
from ..forms import ConsensusForm, NoteForm, WorkshopForm
from ..group_presenters import consensus_rows, group_context, notes_context, revotes_context
from ..models import Workshop
from ..revotes import CannotRevote, revote_close, revote_open, revotes_of
from ..snapshots import LIVE_POLL_SECONDS, Snapshot, current_snapshot, live_snapshot
from .access import get_client_for_user, get_workshop_for_user
from .notes import note_questions


def _join_url(request, workshop: Workshop) -> str:
    # In the default language, whatever the consultant's: participants switch on their phone.
    with override(settings.LANGUAGE_CODE):
        path = reverse("workshops:join", kwargs={"code": workshop.code})
    return request.build_absolute_uri(path)


@login_required
@require_POST
def workshop_new(request, pk):
    client = get_client_for_user(request, pk)
    form = WorkshopForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _(
                "The workshop could not be created: check the title, tick at least one role, "
                "and give a date to come for the pre-work."
            ),
        )
        return redirect("workshops:client", pk=client.pk)
    workshop = services.workshop_create(client=client, created_by=request.user, **form.cleaned_data)
    return redirect("workshops:facilitator", pk=workshop.pk)


def _facilitator_context(request, workshop: Workshop, snapshot: Snapshot) -> dict:
    revotes = revotes_context(workshop, revotes_of(workshop), get_language())
    return {
        "revotes": revotes,
        "open_revote": next((r for r in revotes if r["open"]), None),
        "workshop": workshop,
        "join_url": (join_url := _join_url(request, workshop)),
        # Projected on two lines at most: the site, then the workshop's own path, never split.
        "join_path": (join_path := urlsplit(join_url).path),
        "join_site": join_url.removesuffix(join_path),
        "poll_seconds": LIVE_POLL_SECONDS,
        "group": group_context(snapshot.group, get_language(), workshop.named_mode),
    }


@login_required
@require_GET
def facilitator(request, pk):
    workshop = get_workshop_for_user(request, pk)
    context = _facilitator_context(request, workshop, current_snapshot(workshop))
    context["note_form"] = NoteForm(
        note_questions(workshop.questionnaire, [item["id"] for item in context["group"]["agenda"]])
    )
    context["notes"] = notes_context(workshop, get_language())
    return render(request, "workshops/facilitator.html", context)


@login_required
@require_GET
def live(request, pk):
    """The live part of the facilitator view, polled with a conditional request."""
    return _polled(request, get_workshop_for_user(request, pk), "workshops/_live.html", "live")


def _polled(request, workshop: Workshop, template: str, part: str):
    """A part of a workshop's screens that the browser polls: 304 until the group changes.

    Both come from the workshop's live snapshot, shared by every process and taken at most once
    a second (snapshots.py). The tag names the part, so the facilitator view's and the
    projector's never answer for each other. Compressed on the way out, the tag comes back weak
    (W/"..."): the same version all the same.
    """
    snapshot = live_snapshot(workshop)
    etag = f'"{part}-{snapshot.version}-{get_language()}"'
    if request.headers.get("If-None-Match", "").removeprefix("W/") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = render(request, template, _facilitator_context(request, workshop, snapshot))
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response


# The countdowns the facilitator can start on an agenda item, in minutes.
TIMER_CHOICES = (5, 10, 15)


@login_required
@require_GET
def present(request, pk):
    """The projector's screen: one thing at a time, legible from the back of the room."""
    workshop = get_workshop_for_user(request, pk)
    context = {
        **_facilitator_context(request, workshop, current_snapshot(workshop)),
        "timer_choices": TIMER_CHOICES,
    }
    return render(request, "workshops/present.html", context)


@login_required
@require_GET
def present_slides(request, pk):
    """The slides, polled like the facilitator view and answered 304 until something changes."""
    workshop = get_workshop_for_user(request, pk)
    return _polled(request, workshop, "workshops/_slides.html", "slides")


@login_required
@require_POST
def open_revote(request, pk):
    workshop = get_workshop_for_user(request, pk)
    try:
        revote_open(workshop=workshop, question_id=request.POST.get("question", "")[:40])
    except WorkshopClosed:
        messages.info(request, _("The workshop is closed: reopen it to vote again."))
    except CannotRevote:
        messages.error(
            request, _("Only a question with one answer can be voted again, after the reveal.")
        )
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def close_revote(request, pk):
    revote_close(workshop=get_workshop_for_user(request, pk))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def let_in(request, pk, participant):
    try:
        services.participant_let_in(
            workshop=get_workshop_for_user(request, pk), participant_id=participant
        )
    except WorkshopClosed:
        messages.info(request, _("The workshop is closed: nobody can be let in any more."))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def remove_participant(request, pk, participant):
    try:
        services.participant_remove(
            workshop=get_workshop_for_user(request, pk), participant_id=participant
        )
    except AnswersFrozen:
        messages.info(request, _("The agreed answers are recorded: the group no longer changes."))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def reveal(request, pk):
    services.workshop_reveal(workshop=get_workshop_for_user(request, pk))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def close(request, pk):
    """Closing is asked for twice: it ends the answering for every phone in the room."""
    workshop = get_workshop_for_user(request, pk)
    if request.method == "GET":
        if not workshop.is_open:
            return redirect("workshops:consensus", pk=pk)
        return render(request, "workshops/close_confirm.html", {"workshop": workshop})
    services.workshop_close(workshop=workshop)
    return redirect("workshops:consensus", pk=pk)


@login_required
@require_POST
def reopen(request, pk):
    try:
        services.workshop_reopen(workshop=get_workshop_for_user(request, pk))
    except AnswersFrozen:
        messages.info(request, _("The agreed answers are recorded: the workshop stays closed."))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def consensus(request, pk):
    workshop = get_workshop_for_user(request, pk)
    questionnaire = workshop.questionnaire
    language = get_language()
    try:
        if request.method == "POST":
            form = ConsensusForm(questionnaire, language, request.POST)
            if form.is_valid():
                agreed = services.workshop_record_consensus(
                    workshop=workshop,
                    answers=form.answers(),
                    dissent_notes=form.dissent_notes(),
                    language=language,
                )
                messages.success(request, _("The agreed answers are recorded."))
                return redirect("assessment:results", token=agreed.token)
        else:
            initial = selectors.workshop_consensus_start(workshop)
            form = ConsensusForm(questionnaire, language, initial=initial)
    except WorkshopStillOpen:
        messages.info(request, _("Close the workshop first, then agree on the answers."))
        return redirect("workshops:facilitator", pk=pk)
    notes = notes_context(workshop, language)
    rows = consensus_rows(form, selectors.workshop_group(workshop), language, notes)
    return render(
        request,
        "workshops/consensus.html",
        {
            "workshop": workshop,
            "form": form,
            "rows": rows,
            "notes": [note for note in notes if not note["question_id"]],
        },
    )


@login_required
@require_GET
def qr_code(request, pk):
    workshop = get_workshop_for_user(request, pk)
    buffer = io.BytesIO()
    segno.make(_join_url(request, workshop), error="m").save(
        buffer, kind="svg", scale=8, dark="#1d2733", border=2, xmldecl=False
    )
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
