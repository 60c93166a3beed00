import io
import secrets

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import exports
from assessment.cookies import set_private_cookie
from assessment.domain.questionnaire import load_questionnaire
from assessment.downloads import PDF, download, table_download
from assessment.refusals import CannotAttach, InvitationUsed, WorkshopClosed, WorkshopStillOpen
from assessment.reports.pdf import progress_report_filename, progress_report_pdf

from . import brand, selectors, services
from .forms import (
    AttachForm,
    BrandForm,
    ClientForm,
    ConsensusForm,
    JoinCodeForm,
    JoinForm,
    SignupForm,
    TargetsForm,
    WorkshopForm,
)
from .models import Client, Consultancy, Invitation, Workshop
from .presenters import client_respondents, group_context, progress_context, workshop_respondents

DEVICE_COOKIE_NAME = "smm_device"
DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 30
# Join codes cannot be enumerated: past this many wrong codes from one address in the window,
# the form refuses to check any more until the window has passed.
JOIN_ATTEMPTS_PER_DEVICE = 10
JOIN_ATTEMPTS_PER_ADDRESS = 100
JOIN_ATTEMPT_WINDOW_SECONDS = 10 * 60
# The facilitator view asks for news this often; an answer shows within this delay.
LIVE_POLL_SECONDS = 2


def client_address(request) -> str:
    """The visitor's address, for the rate limits.

    Behind a reverse proxy every request comes from the proxy: name the header it writes the
    client's address into (e.g. X-Forwarded-For) in CLIENT_IP_HEADER, and the last address in it,
    the one the proxy itself added, is used.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")


def _count(key: str, window_seconds: int) -> None:
    """One more failure under `key`; the count starts when the first one falls."""
    if not cache.add(key, 1, timeout=window_seconds):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=window_seconds)


def _consultancy(request):
    membership = getattr(request.user, "membership", None)
    if membership is None:
        raise Http404
    return membership.consultancy


def _get_client_for_user(request, pk) -> Client:
    return get_object_or_404(Client, pk=pk, consultancy=_consultancy(request))


def _get_workshop_for_user(request, pk) -> Workshop:
    return get_object_or_404(
        selectors.workshops_with_brand(), pk=pk, client__consultancy=_consultancy(request)
    )


def _join_url(request, workshop: Workshop) -> str:
    # In the default language, whatever the consultant's: participants switch on their phone.
    with override(settings.LANGUAGE_CODE):
        path = reverse("workshops:join", kwargs={"code": workshop.code})
    return request.build_absolute_uri(path)


# Consultant accounts

# Password guessing: past this many failed logins for one account from one address, or from one
# address for all accounts, in the window, the login form stops checking passwords.
LOGIN_FAILURES_PER_ACCOUNT = 10
LOGIN_FAILURES_PER_ADDRESS = 50
LOGIN_WINDOW_SECONDS = 15 * 60


def _login_keys(request) -> list[tuple[str, int]]:
    address = client_address(request)
    account = request.POST.get("username", "")[:150].strip().lower()
    return [
        (f"login-failures:account:{account}:{address}", LOGIN_FAILURES_PER_ACCOUNT),
        (f"login-failures:address:{address}", LOGIN_FAILURES_PER_ADDRESS),
    ]


class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        if any(cache.get(key, 0) >= limit for key, limit in _login_keys(request)):
            return render(request, "workshops/too_many_logins.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        for key, _limit in _login_keys(self.request):
            _count(key, LOGIN_WINDOW_SECONDS)
        return super().form_invalid(form)


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.consultancy_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            consultancy_name=form.cleaned_data["consultancy_name"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("workshops:dashboard")
    return render(request, "workshops/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("consultancy"), token=token, accepted_at__isnull=True
    )
    form = SignupForm(request.POST or None, ask_consultancy=False)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except InvitationUsed:
            raise Http404 from None
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("workshops:dashboard")
    return render(request, "workshops/invitation.html", {"form": form, "invitation": invitation})


@login_required
@require_GET
def dashboard(request):
    consultancy = _consultancy(request)
    return render(
        request,
        "workshops/dashboard.html",
        {
            "consultancy": consultancy,
            "clients": consultancy.clients.all(),
            "colleagues": consultancy.members.select_related("user"),
        },
    )


@login_required
@require_POST
def invitation_new(request):
    invitation = services.invitation_create(
        consultancy=_consultancy(request), created_by=request.user
    )
    link = request.build_absolute_uri(
        reverse("workshops:invitation", kwargs={"token": invitation.token})
    )
    messages.success(
        request, _("Send this link to your colleague; it works once: %(link)s") % {"link": link}
    )
    return redirect("workshops:dashboard")


# The consultancy's brand


@login_required
@require_http_methods(["GET", "POST"])
def brand_settings(request):
    consultancy = _consultancy(request)
    if request.method == "POST":
        form = BrandForm(request.POST, request.FILES)
        if form.is_valid():
            services.consultancy_set_brand(
                consultancy=consultancy,
                name=form.cleaned_data["name"],
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data["remove_logo"],
                accent_colour=""
                if form.cleaned_data["reset_accent"]
                else form.cleaned_data["accent_colour"],
            )
            messages.success(request, _("Your brand is saved."))
            return redirect("workshops:brand")
        status = 400
    else:
        form = BrandForm(
            initial={
                "name": consultancy.name,
                "accent_colour": consultancy.accent_colour or brand.PRODUCT_ACCENT,
            }
        )
        status = 200
    return render(
        request, "workshops/brand.html", {"form": form, "consultancy": consultancy}, status=status
    )


# Public: participants' phones and the PDF renderer read these.


@require_GET
def brand_logo(request, key):
    logo = Consultancy.objects.filter(logo_key=key).values_list("logo", flat=True).first()
    if not logo:
        raise Http404
    response = HttpResponse(bytes(logo), content_type="image/png")
    # The address changes with the image: it can be kept for good.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Disposition"] = 'inline; filename="logo.png"'
    return response


@require_GET
def accent_stylesheet(request, colour):
    """The accent colour as CSS variables: pages keep a policy without inline styles."""
    accent = f"#{colour}"
    on_accent = brand.text_colour_on(accent)
    css = f":root {{ --brand-accent: {accent}; --brand-on-accent: {on_accent}; }}\n"
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


# Clients


@login_required
@require_http_methods(["GET", "POST"])
def client_new(request):
    consultancy = _consultancy(request)
    form = ClientForm(request.POST or None, language=get_language())
    if request.method == "POST" and form.is_valid():
        client = services.client_create(consultancy=consultancy, **form.cleaned_data)
        return redirect("workshops:client", pk=client.pk)
    return render(request, "workshops/client_new.html", {"form": form})


@login_required
@require_GET
def client_detail(request, pk):
    client = _get_client_for_user(request, pk)
    return render(
        request,
        "workshops/client.html",
        {
            "client": client,
            "workshops": client.workshops.select_related("agreed_assessment"),
            "attachments": client.attachments.select_related("assessment").order_by(
                "assessment__completed_at"
            ),
            "form": WorkshopForm(),
        },
    )


def _progress_page(request, client, targets_form=None, attach_form=None, status=200):
    context = progress_context(selectors.client_progress(client), get_language())
    return render(
        request,
        "workshops/progress.html",
        {
            "client": client,
            "targets_form": targets_form or TargetsForm(initial=client.targets),
            "attach_form": attach_form or AttachForm(),
            **context,
        },
        status=status,
    )


@login_required
@require_GET
def client_progress(request, pk):
    return _progress_page(request, _get_client_for_user(request, pk))


@login_required
@require_GET
def progress_pdf(request, pk):
    client = _get_client_for_user(request, pk)
    progress = selectors.client_progress(client)
    if not progress.timeline:
        messages.info(request, _("The progress report needs at least one finished assessment."))
        return redirect("workshops:progress", pk=client.pk)
    language = get_language()
    filename = progress_report_filename(client, progress.assessments[0].completed_at, language)
    return download(progress_report_pdf(progress, language), PDF, filename)


@login_required
@require_POST
def client_targets(request, pk):
    client = _get_client_for_user(request, pk)
    form = TargetsForm(request.POST)
    if not form.is_valid():
        return _progress_page(request, client, targets_form=form, status=400)
    services.client_set_targets(client=client, targets=form.targets())
    messages.success(request, _("The targets are saved."))
    return redirect("workshops:progress", pk=client.pk)


@login_required
@require_POST
def client_attach(request, pk):
    client = _get_client_for_user(request, pk)
    form = AttachForm(request.POST)
    if form.is_valid():
        try:
            services.client_attach_assessment(
                client=client, link=form.cleaned_data["link"], attached_by=request.user
            )
        except CannotAttach as refused:
            form.add_error("link", str(refused))
        else:
            messages.success(request, _("The assessment is on the client's timeline."))
            return redirect("workshops:progress", pk=client.pk)
    return _progress_page(request, client, attach_form=form, status=400)


@login_required
@require_POST
def client_detach(request, pk, attachment):
    client = _get_client_for_user(request, pk)
    services.client_detach_assessment(client=client, attachment_id=attachment)
    messages.success(request, _("The assessment is off the client's timeline."))
    return redirect("workshops:client", pk=client.pk)


@login_required
@require_GET
def client_export(request, pk, kind):
    """Every assessment of a client, each respondent's answers, one row per question."""
    client = _get_client_for_user(request, pk)
    respondents = client_respondents(selectors.client_export(client))
    name = f"{slugify(client.name)[:60] or 'client'}-{timezone.now():%Y-%m-%d}"
    return table_download(exports.answer_rows(respondents, get_language()), name, kind)


@login_required
@require_POST
def client_consent(request, pk):
    client = _get_client_for_user(request, pk)
    services.client_set_peer_consent(client=client, consent=request.POST.get("consent") == "yes")
    return redirect("workshops:client", pk=client.pk)


@login_required
@require_http_methods(["GET", "POST"])
def client_delete(request, pk):
    client = _get_client_for_user(request, pk)
    if request.method == "POST":
        name = client.name
        services.client_delete(client=client)
        messages.success(request, _("%(name)s and everything of it are deleted.") % {"name": name})
        return redirect("workshops:dashboard")
    return render(request, "workshops/client_delete.html", {"client": client})


# Workshops, on the consultant's side


@login_required
@require_POST
def workshop_new(request, pk):
    client = _get_client_for_user(request, pk)
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
    workshop = _get_workshop_for_user(request, pk)
    return render(request, "workshops/facilitator.html", _facilitator_context(request, workshop))


@login_required
@require_GET
def live(request, pk):
    """The live part of the facilitator view, polled with a conditional request."""
    workshop = _get_workshop_for_user(request, pk)
    etag = f'"{selectors.workshop_version(workshop)}-{get_language()}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = render(request, "workshops/_live.html", _facilitator_context(request, workshop))
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response


@login_required
@require_POST
def reveal(request, pk):
    services.workshop_reveal(workshop=_get_workshop_for_user(request, pk))
    return redirect("workshops:facilitator", pk=pk)


@login_required
@require_POST
def close(request, pk):
    services.workshop_close(workshop=_get_workshop_for_user(request, pk))
    return redirect("workshops:consensus", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def consensus(request, pk):
    workshop = _get_workshop_for_user(request, pk)
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
def export(request, pk, kind):
    """A workshop's raw answers, one row per participant and question, as CSV or XLSX."""
    workshop = _get_workshop_for_user(request, pk)
    respondents = workshop_respondents(workshop, selectors.workshop_participants(workshop))
    name = f"workshop-{workshop.created_at:%Y-%m-%d}-{workshop.code}"
    return table_download(exports.answer_rows(respondents, get_language()), name, kind)


@login_required
@require_GET
def qr_code(request, pk):
    workshop = _get_workshop_for_user(request, pk)
    buffer = io.BytesIO()
    segno.make(_join_url(request, workshop), error="m").save(
        buffer, kind="svg", scale=8, dark="#1d2733", border=2, xmldecl=False
    )
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


# Participants, on their phones


def _attempt_keys(request) -> list[tuple[str, int]]:
    """Wrong codes are counted per phone and, more loosely, per address: a room on one Wi-Fi
    shares an address, and an attacker who drops cookies still meets the address limit."""
    address = client_address(request)
    device = request.get_signed_cookie(DEVICE_COOKIE_NAME, default="")
    keys = [(f"join-attempts:address:{address}", JOIN_ATTEMPTS_PER_ADDRESS)]
    if device:
        keys.append((f"join-attempts:device:{device}", JOIN_ATTEMPTS_PER_DEVICE))
    return keys


def _too_many_attempts(request) -> bool:
    return any(cache.get(key, 0) >= limit for key, limit in _attempt_keys(request))


def _count_wrong_attempt(request) -> None:
    for key, _limit in _attempt_keys(request):
        _count(key, JOIN_ATTEMPT_WINDOW_SECONDS)


def _with_device_cookie(response, device_key: str):
    return set_private_cookie(response, DEVICE_COOKIE_NAME, device_key, DEVICE_COOKIE_MAX_AGE)


@require_http_methods(["GET", "POST"])
def join_code(request):
    form = JoinCodeForm(request.POST or None)
    device_key = request.get_signed_cookie(DEVICE_COOKIE_NAME, default="") or secrets.token_urlsafe(
        24
    )
    if request.method == "POST":
        if _too_many_attempts(request):
            return render(request, "workshops/too_many.html", status=429)
        if form.is_valid():
            code = form.cleaned_data["code"]
            if Workshop.objects.filter(code=code).exists():
                return redirect("workshops:join", code=code)
            _count_wrong_attempt(request)
            form.add_error("code", _("No workshop has this code. Check it on the screen."))
    response = render(request, "workshops/join_code.html", {"form": form})
    # The phone gets its own id before anything else, so its attempts and joins are its own.
    return _with_device_cookie(response, device_key)


@require_http_methods(["GET", "POST"])
def join(request, code):
    workshop = selectors.workshops_with_brand().filter(code=code.upper()[:12]).first()
    if workshop is None:
        if _too_many_attempts(request):
            return render(request, "workshops/too_many.html", status=429)
        _count_wrong_attempt(request)
        raise Http404
    try:
        return _join(request, workshop)
    except WorkshopClosed:
        return render(request, "workshops/closed.html", {"workshop": workshop})


def _join(request, workshop: Workshop):
    services.workshop_check_open(workshop)
    device_key = request.get_signed_cookie(DEVICE_COOKIE_NAME, default="") or secrets.token_urlsafe(
        24
    )
    existing = workshop.participants.filter(device_key=device_key).first()
    if existing is not None:
        return redirect("assessment:resume", token=existing.assessment.token)
    form = JoinForm(request.POST or None, roles=workshop.roles)
    if request.method == "POST" and form.is_valid():
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
