"""A company keeps its private link and comes back: the link by e-mail, a retake pre-filled with
its previous answers, and all its assessments deleted together."""

import smtplib

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .cookies import set_private_cookie
from .forms import EmailLinkForm
from .history import company_assessments
from .mail import send_private_link
from .models import Assessment
from .refusals import IncompleteAssessment, NotSelfServe
from .reports.pdf import assessment_report_pdf, report_filename
from .views import _get_assessment, _private_link
from .workshops import throttling


def _own(token) -> Assessment:
    """The assessment, if its company may act on it from the link; else a 404."""
    try:
        return selectors.respondent_assessment(_get_assessment(token))
    except NotSelfServe:
        raise Http404 from None


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
    assessment = _own(token)
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
    report = None
    if assessment.is_complete:
        pdf = assessment_report_pdf(selectors.assessment_report(assessment), language)
        report = (report_filename(assessment, language), pdf)
    services.assessment_keep_email(assessment=assessment, email=recipient)
    throttling.email_sent(request, recipient)
    try:
        send_private_link(
            assessment=assessment,
            recipient=recipient,
            link=_private_link(request, assessment),
            language=language,
            report=report,
        )
    except (OSError, smtplib.SMTPException):
        messages.error(
            request,
            _("The e-mail could not be sent just now. Copy the link on this page to keep it."),
        )
        return _back(request, assessment)
    messages.success(
        request,
        _("Sent to %(address)s. This address is used for nothing else.") % {"address": recipient},
    )
    return _back(request, assessment)


@require_POST
def forget_email(request, token):
    assessment = _own(token)
    services.assessment_forget_email(assessment=assessment)
    messages.success(request, _("Your e-mail address is forgotten."))
    return _back(request, assessment)


@require_POST
def retake(request, token):
    """Assess again: a new assessment of the same company, pre-filled with these answers."""
    assessment = _own(token)
    try:
        again = services.assessment_retake(assessment=assessment, language=get_language())
    except IncompleteAssessment:
        return redirect("assessment:resume", token=token)
    response = redirect("assessment:resume", token=again.token)
    return set_private_cookie(
        response, settings.RESUME_COOKIE_NAME, again.token, settings.RESUME_COOKIE_MAX_AGE
    )


@require_http_methods(["GET", "POST"])
def delete_all(request, token):
    """Every assessment of the company, deleted together: a confirmation page, then the deletion."""
    assessment = _own(token)
    if request.method == "POST":
        services.company_delete(assessment=assessment)
        messages.success(request, _("All your assessments and their answers are deleted."))
        response = redirect("assessment:home")
        response.delete_cookie(settings.RESUME_COOKIE_NAME)
        return response
    return render(
        request,
        "assessment/delete_all.html",
        {"assessment": assessment, "assessments": company_assessments(assessment)},
    )
