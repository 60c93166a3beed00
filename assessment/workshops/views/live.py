"""The live workshop, on the consultant's side: the facilitator view and its polled part, the
reveal, the close, the agreed answers, and the QR code participants scan."""

import io

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

from assessment.domain.questionnaire import load_questionnaire
from assessment.refusals import WorkshopStillOpen

from .. import selectors, services
from ..forms import ConsensusForm, WorkshopForm
from ..models import Workshop
from ..presenters import group_context
from .access import get_client_for_user, get_workshop_for_user

# The facilitator view asks for news this often; an answer shows within this delay.
LIVE_POLL_SECONDS = 2


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


def _facilitator_context(request, workshop: Workshop) -> dict:
    return {
        "workshop": workshop,
        "join_url": _join_url(request, workshop),
        "poll_seconds": LIVE_POLL_SECONDS,
        "group": group_context(
            selectors.workshop_group(workshop), get_language(), workshop.named_mode
        ),
    }


@login_required
@require_GET
def facilitator(request, pk):
    workshop = get_workshop_for_user(request, pk)
    return render(request, "workshops/facilitator.html", _facilitator_context(request, workshop))


@login_required
@require_GET
def live(request, pk):
    """The live part of the facilitator view, polled with a conditional request."""
    workshop = get_workshop_for_user(request, pk)
    etag = f'"{selectors.workshop_version(workshop)}-{get_language()}"'
    # Compressed on the way out, the tag comes back weak (W/"..."): the same version all the same.
    if request.headers.get("If-None-Match", "").removeprefix("W/") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = render(request, "workshops/_live.html", _facilitator_context(request, workshop))
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response


@login_required
@require_POST
def reveal(request, pk):
    services.workshop_reveal(workshop=get_workshop_for_user(request, pk))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def close(request, pk):
    services.workshop_close(workshop=get_workshop_for_user(request, pk))
    return redirect("workshops:consensus", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def consensus(request, pk):
    workshop = get_workshop_for_user(request, pk)
    questionnaire = load_questionnaire()
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
    rows = [
        {"question": form[q.id], "dissent": form[f"dissent_{q.id}"]}
        for q in questionnaire.questions
        if q.id in form.fields
    ]
    return render(
        request, "workshops/consensus.html", {"workshop": workshop, "form": form, "rows": rows}
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
