"""A company keeps its private link and comes back: the link by e-mail, a retake pre-filled with
its previous answers, and all its assessments deleted together."""

import smtplib

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services, throttling
from .downloads import download
from .forms import EmailLinkForm
from .history import company_assessments
from .mail import send_private_link
from .models import Assessment
from .refusals import IncompleteAssessment
from .reports import queue
from .reports.tasks import email_link_with_report
from .toolkits import toolkit_file
from .views import _finished_assessment, deleted, private_link, remember, respondents_own


def _back(request, assessment: Assessment):
    """Where the form was sent from: the results page or one step; otherwise where the link
    itself leads."""
    back = request.POST.get("back", "")
    if back == "results" and assessment.is_complete:
        return redirect("assessment:results", token=assessment.token)
    if back.isdigit() and 1 <= int(back) <= len(assessment.questionnaire().sections):
        return redirect("assessment:step", token=assessment.token, number=int(back))
    return redirect("assessment:resume", token=assessment.token)


@require_POST
def email_link(request, token):
    assessment = respondents_own(token)
    form = EmailLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address to receive your link."))
        return _back(request, assessment)
    recipient = form.cleaned_data["email"]
    if throttling.email_blocked(request, recipient):
        messages.warning(
            request,
            _("This address has received several e-mails from us this hour: try again later."),
        )
        return _back(request, assessment)
    language = get_language()
    if assessment.is_complete:
        return _email_link_with_report(request, assessment, recipient, language)
    return _email_link_now(request, assessment, recipient, language)


def _email_link_now(request, assessment, recipient, language, *, report_missing=False):
    """The link alone, sent at once: nothing to render."""
    throttling.email_sent(request, recipient)
    try:
        send_private_link(
            assessment=assessment,
            recipient=recipient,
            link=private_link(request, assessment),
            language=language,
            report_missing=report_missing,
        )
    except (OSError, smtplib.SMTPException):
        messages.error(
            request,
            _("The e-mail could not be sent just now. Copy the link on this page to keep it."),
        )
        return _back(request, assessment)
    services.assessment_keep_email(assessment=assessment, email=recipient)
    messages.success(
        request,
        _("Sent to %(address)s. This address is used for nothing else.") % {"address": recipient},
    )
    if report_missing:
        messages.warning(
            request,
            _(
                "Your report could not be attached: too many reports have been requested from "
                "this link or this network in the past hour. Download it from this page later."
            ),
        )
    return _back(request, assessment)


def _email_link_with_report(request, assessment, recipient, language):
    """A finished company's link goes with its report: the report worker renders it, counted
    with every other render of this link and this address, and sends the e-mail. The queue
    holds ids only: the address is the one kept on the assessment, the link is built there."""
    try:
        prepared = queue.assessment_report_request(
            assessment=assessment, language=language, address=throttling.client_address(request)
        )
    except queue.RenderLimitReached:
        return _email_link_now(request, assessment, recipient, language, report_missing=True)
    throttling.email_sent(request, recipient)
    services.assessment_keep_email(assessment=assessment, email=recipient)
    email_link_with_report.enqueue(
        prepared.pk, assessment.pk, request.build_absolute_uri("/").rstrip("/"), language
    )
    messages.success(
        request,
        _(
            "Your link and your PDF report are on their way to %(address)s: they should arrive "
            "within a few minutes. This address is used for nothing else."
        )
        % {"address": recipient},
    )
    return _back(request, assessment)


@require_POST
def forget_email(request, token):
    assessment = respondents_own(token)
    services.assessment_forget_email(assessment=assessment)
    messages.success(request, _("Your e-mail address is forgotten."))
    return _back(request, assessment)


@require_POST
def retake(request, token):
    """Assess again: a new assessment of the same company, pre-filled with these answers."""
    assessment = respondents_own(token)
    try:
        again = services.assessment_retake(assessment=assessment, language=get_language())
    except IncompleteAssessment:
        return redirect("assessment:resume", token=token)
    return remember(redirect("assessment:resume", token=again.token), again)


@require_http_methods(["GET", "POST"])
def delete_all(request, token):
    """Every assessment of the company, deleted together: a confirmation page, then the deletion."""
    assessment = respondents_own(token)
    if request.method == "POST":
        services.company_delete(assessment=assessment)
        return deleted(request, _("All your assessments and their answers are deleted."))
    return render(
        request,
        "assessment/delete_all.html",
        {"assessment": assessment, "assessments": company_assessments(assessment)},
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def toolkit(request, token, kind):
    """A ready-to-use template for one of the first actions, filled with the answers given."""
    assessment, elsewhere = _finished_assessment(
        request, token, _("Finish the questionnaire first: the templates are filled with it.")
    )
    if elsewhere is not None:
        return elsewhere
    content = toolkit_file(
        kind, assessment.questionnaire(), assessment.answers, get_language(), timezone.localdate()
    )
    if content is None:
        raise Http404
    return download(content, XLSX, f"{kind}-{timezone.localdate():%Y-%m-%d}.xlsx")
