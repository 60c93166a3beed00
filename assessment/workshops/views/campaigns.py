"""A consultancy's campaigns: the link companies start from, their choice to share their results
at the end, and the consultancy's view of what was shared with it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import exports, throttling
from assessment.cookies import set_private_cookie
from assessment.domain.scoring import maturity_level
from assessment.domain.segments import SEGMENT_NAMES
from assessment.presenters import maturity_names
from assessment.refusals import CampaignClosed, CannotAttach, IncompleteAssessment, NotShared
from assessment.reports import queue
from assessment.reports.delivery import ReportAddresses, report_response
from assessment.reports.pdf import report_filename
from assessment.views import _respondent_key, remember, respondents_own
from assessment.words import dimension_names

from .. import campaigns
from ..campaign_forms import CampaignForm, MakeClientForm, ShareForm
from .access import consultancy_of_user
from .accounts import too_many_requests

# The company's side


@require_http_methods(["GET", "POST"])
def campaign_start(request, token):
    """The page a campaign link opens: whose link it is and what stays private, then the start."""
    campaign = campaigns.campaign_by_token(token)
    if campaign is None:
        raise Http404
    context = {"brand_campaign": campaign, "consultancy": campaign.consultancy}
    if not campaign.is_open:
        return render(request, "workshops/campaign_closed.html", context, status=410)
    if request.method == "POST":
        if throttling.refused(request, throttling.STARTS_PER_ADDRESS):
            return too_many_requests(request)
        respondent_key = _respondent_key(request)
        try:
            assessment = campaigns.campaign_start(
                campaign=campaign, language=get_language(), respondent_key=respondent_key
            )
        except CampaignClosed:
            return render(request, "workshops/campaign_closed.html", context, status=410)
        response = remember(
            redirect("assessment:step", token=assessment.token, number=1), assessment
        )
        return set_private_cookie(
            response,
            settings.RESPONDENT_COOKIE_NAME,
            respondent_key,
            settings.RESUME_COOKIE_MAX_AGE,
        )
    return render(request, "workshops/campaign_start.html", context)


def _results(token: str, anchor: str = ""):
    return redirect(reverse("assessment:results", kwargs={"token": token}) + anchor)


@require_POST
def campaign_share(request, token):
    """The company's choice, from its results page: nothing is shared unless it ticks the box."""
    assessment = respondents_own(token)
    form = ShareForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return _results(token)
    if not form.cleaned_data["share"]:
        messages.info(request, _("Nothing is shared: tick the box to share your results."))
        return _results(token, "#campaign-share")
    try:
        entry = campaigns.entry_share(assessment=assessment, name=form.cleaned_data["name"])
    except NotShared:
        raise Http404 from None
    except IncompleteAssessment:
        return redirect("assessment:resume", token=token)
    messages.success(
        request,
        _("Your results are shared with %(name)s.") % {"name": entry.campaign.consultancy.name},
    )
    return _results(token, "#campaign-share")


@require_POST
def campaign_withdraw(request, token):
    assessment = respondents_own(token)
    try:
        campaigns.entry_withdraw(assessment=assessment)
    except NotShared:
        raise Http404 from None
    messages.success(request, _("Your results are no longer shared."))
    return _results(token, "#campaign-share")


# The consultancy's side


@login_required
@require_POST
def campaign_new(request):
    consultancy = consultancy_of_user(request)
    form = CampaignForm(request.POST)
    if form.is_valid():
        campaigns.campaign_create(
            consultancy=consultancy, name=form.cleaned_data["name"], created_by=request.user
        )
        messages.success(request, _("The campaign is created: share its link below."))
    else:
        messages.error(request, _("Give the campaign a name of at most 120 characters."))
    return redirect(reverse("workshops:dashboard") + "#campaigns")


@login_required
@require_POST
def campaign_open(request, pk, is_open):
    campaigns.campaign_set_open(
        consultancy=consultancy_of_user(request), campaign_id=pk, is_open=is_open
    )
    return redirect(reverse("workshops:dashboard") + "#campaigns")


def _shared(request, pk):
    consultancy = consultancy_of_user(request)
    try:
        return consultancy, campaigns.shared_entry(consultancy, pk)
    except NotShared:
        raise Http404 from None


def _shared_page(request, consultancy, entry, form=None, status=200):
    assessment, language = entry.assessment, get_language()
    scores = assessment.score_values()
    names = dimension_names()
    rows = exports.answer_rows([("", "", assessment, {})], language)
    return render(
        request,
        "workshops/campaign_shared.html",
        {
            "consultancy": consultancy,
            "entry": entry,
            "assessment": None,  # the company's pages wear the brand; this is the consultancy's
            "shared": assessment,
            "overall": scores["overall"],
            "maturity": maturity_names()[maturity_level(scores["overall"] or 0)],
            "segment": SEGMENT_NAMES[assessment.segment].in_language(language)
            if assessment.segment in SEGMENT_NAMES
            else "",
            "dimensions": [(names[key], scores[key]) for key in names],
            "answers": [(row[3], row[5]) for row in rows],
            "client": campaigns.attached_client(entry),
            "form": form
            or MakeClientForm(consultancy=consultancy, initial={"name": entry.shared_name}),
        },
        status=status,
    )


@login_required
@require_GET
def shared_result(request, pk):
    consultancy, entry = _shared(request, pk)
    return _shared_page(request, consultancy, entry)


@login_required
@require_POST
def shared_make_client(request, pk):
    consultancy, entry = _shared(request, pk)
    form = MakeClientForm(request.POST, consultancy=consultancy)
    if not form.is_valid():
        return _shared_page(request, consultancy, entry, form=form, status=400)
    try:
        client = campaigns.shared_entry_make_client(
            consultancy=consultancy,
            entry_id=entry.pk,
            client=form.cleaned_data["client"],
            name=form.cleaned_data["name"],
            attached_by=request.user,
        )
    except NotShared:
        raise Http404 from None
    except CannotAttach as refused:
        form.add_error(None, str(refused))
        return _shared_page(request, consultancy, entry, form=form, status=400)
    messages.success(request, _("The assessment is on the client's timeline."))
    return redirect("workshops:progress", pk=client.pk)


@login_required
@require_GET
def shared_report(request, pk):
    return _shared_report(request, pk, as_page=False)


@login_required
@require_GET
def shared_report_status(request, pk):
    return _shared_report(request, pk, as_page=True)


def _shared_report(request, pk, *, as_page):
    _consultancy, entry = _shared(request, pk)
    assessment, language = entry.assessment, get_language()
    address = throttling.client_address(request)

    def ask(retry):
        return queue.assessment_report_request(
            assessment=assessment, language=language, address=address, retry=retry
        )

    addresses = ReportAddresses(
        pdf=reverse("workshops:shared_report", kwargs={"pk": entry.pk}),
        page=reverse("workshops:shared_report_status", kwargs={"pk": entry.pk}),
        back=reverse("workshops:shared_result", kwargs={"pk": entry.pk}),
        back_label=_("Back to the shared results"),
    )
    filename = report_filename(assessment, language)
    return report_response(request, ask, addresses, filename, as_page=as_page)
