"""A consultant's clients: each client's page, its progress over time, and the exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import exports, throttling
from assessment.downloads import download, table_download
from assessment.refusals import CannotAttach
from assessment.reports import queue
from assessment.reports.chart_png import svg_to_png
from assessment.reports.delivery import ReportAddresses, report_response
from assessment.reports.pdf import progress_report_filename
from assessment.throttling import client_address

from .. import selectors, services
from ..deck import workshop_chart, workshop_deck
from ..forms import AttachForm, ClientForm, TargetsForm, WorkshopForm
from ..group_presenters import workshop_report_context
from ..models import WorkshopNote
from ..presenters import client_respondents, progress_context, workshop_respondents
from .access import consultancy_of_user, get_client_for_user, get_workshop_for_user


@login_required
@require_http_methods(["GET", "POST"])
def client_new(request):
    consultancy = consultancy_of_user(request)
    form = ClientForm(request.POST or None, language=get_language())
    if request.method == "POST" and form.is_valid():
        client = services.client_create(consultancy=consultancy, **form.cleaned_data)
        return redirect("workshops:client", pk=client.pk)
    return render(request, "workshops/client_new.html", {"form": form})


@login_required
@require_GET
def client_detail(request, pk):
    client = get_client_for_user(request, pk)
    return render(
        request,
        "workshops/client.html",
        {
            "client": client,
            # The actions decided in each workshop: the client's to-do list over time.
            "workshops": client.workshops.select_related("agreed_assessment").prefetch_related(
                Prefetch(
                    "notes", queryset=WorkshopNote.objects.exclude(owner=""), to_attr="actions"
                )
            ),
            "attachments": client.attachments.select_related(
                "assessment", "assessment__campaign_entry"
            ).order_by("assessment__completed_at"),
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
    return _progress_page(request, get_client_for_user(request, pk))


@login_required
@require_GET
def progress_pdf(request, pk):
    return _progress_report(request, pk, as_page=False)


@login_required
@require_GET
def progress_report_status(request, pk):
    return _progress_report(request, pk, as_page=True)


def _progress_report(request, pk, *, as_page):
    client = get_client_for_user(request, pk)
    progress = selectors.client_progress(client)
    if not progress.timeline:
        messages.info(request, _("The progress report needs at least one finished assessment."))
        return redirect("workshops:progress", pk=client.pk)
    language = get_language()
    address = client_address(request)

    def ask(retry):
        return queue.progress_report_request(
            progress=progress, language=language, address=address, retry=retry
        )

    addresses = ReportAddresses(
        pdf=reverse("workshops:progress_pdf", kwargs={"pk": client.pk}),
        page=reverse("workshops:progress_report", kwargs={"pk": client.pk}),
        back=reverse("workshops:progress", kwargs={"pk": client.pk}),
        back_label=_("Back to the progress page"),
    )
    filename = progress_report_filename(client, progress.assessments[0].completed_at, language)
    return report_response(request, ask, addresses, filename, as_page=as_page)


@login_required
@require_POST
def client_targets(request, pk):
    client = get_client_for_user(request, pk)
    form = TargetsForm(request.POST)
    if not form.is_valid():
        return _progress_page(request, client, targets_form=form, status=400)
    services.client_set_targets(client=client, targets=form.targets())
    messages.success(request, _("The targets are saved."))
    return redirect("workshops:progress", pk=client.pk)


@login_required
@require_POST
def client_attach(request, pk):
    client = get_client_for_user(request, pk)
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
    client = get_client_for_user(request, pk)
    services.client_detach_assessment(client=client, attachment_id=attachment)
    messages.success(request, _("The assessment is off the client's timeline."))
    return redirect("workshops:client", pk=client.pk)


@login_required
@require_POST
def client_consent(request, pk):
    client = get_client_for_user(request, pk)
    services.client_set_peer_consent(client=client, consent=request.POST.get("consent") == "yes")
    return redirect("workshops:client", pk=client.pk)


@login_required
@require_http_methods(["GET", "POST"])
def client_delete(request, pk):
    client = get_client_for_user(request, pk)
    if request.method == "POST":
        name = client.name
        services.client_delete(client=client)
        messages.success(request, _("%(name)s and everything of it are deleted.") % {"name": name})
        return redirect("workshops:dashboard")
    return render(request, "workshops/client_delete.html", {"client": client})


# Exports


@login_required
@require_GET
def client_export(request, pk, kind):
    """Every assessment of a client, each respondent's answers, one row per question."""
    client = get_client_for_user(request, pk)
    respondents = client_respondents(selectors.client_export(client))
    name = f"{slugify(client.name)[:60] or 'client'}-{timezone.localdate():%Y-%m-%d}"
    return table_download(exports.answer_rows(respondents, get_language()), name, kind)


@login_required
@require_GET
def export(request, pk, kind):
    """A workshop's raw answers, one row per participant and question, as CSV or XLSX."""
    workshop = get_workshop_for_user(request, pk)
    respondents = workshop_respondents(workshop, selectors.workshop_participants(workshop))
    name = f"workshop-{timezone.localtime(workshop.created_at):%Y-%m-%d}-{workshop.code}"
    return table_download(exports.answer_rows(respondents, get_language()), name, kind)


PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@login_required
@require_GET
def deck(request, pk):
    """The workshop's charts as a PowerPoint deck, in the consultancy's colours."""
    workshop = get_workshop_for_user(request, pk)
    if throttling.refused(request, throttling.CHART_PICTURES_PER_ADDRESS):
        return render(request, "too_many_requests.html", status=429)
    language = get_language()
    words = workshop_report_context(workshop, selectors.workshop_group(workshop), language)
    report = words["workshop_report"]
    when = timezone.localtime(workshop.created_at)
    content = workshop_deck(workshop, report, report["notes"], when.date())
    return download(content, PPTX, f"workshop-{when:%Y-%m-%d}-{workshop.code}.pptx")


@login_required
@require_GET
def chart(request, pk, name, kind):
    """One of the workshop's charts for the consultant's own slides, as SVG or as a PNG image:
    the scores, the segment, an agenda item (`agenda-<n>`, 1-based) or a re-vote
    (`revote-<id>`)."""
    workshop = get_workshop_for_user(request, pk)
    words = workshop_report_context(workshop, selectors.workshop_group(workshop), get_language())[
        "workshop_report"
    ]
    accent = workshop.client.consultancy.accent_colour or None
    svg = workshop_chart(words, name, accent)
    if svg is None:
        raise Http404
    filename = f"workshop-{workshop.code}-{name}.{kind}"
    if kind == "png":
        if throttling.refused(request, throttling.CHART_PICTURES_PER_ADDRESS):
            return render(request, "too_many_requests.html", status=429)
        return download(svg_to_png(svg), "image/png", filename)
    return download(svg.encode(), "image/svg+xml", filename)
