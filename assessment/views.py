import secrets

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, connection, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from benchmarks.figures import figures_by_study, studies_in_order
from benchmarks.peers import PEER_GROUP_MINIMUM

from . import exports, selectors, services, throttling
from .barometer_presenters import barometer_context, segment_among_respondents
from .barometer_selectors import barometer_page
from .cookies import set_private_cookie
from .domain.questionnaire import TEXT_MAX_LENGTH, load_questionnaire
from .domain.segments import MEANS_IN_STEP_THRESHOLD
from .downloads import table_download
from .forms import EmailLinkForm, StepForm
from .history import company_history, prefilled_answers
from .history_presenters import history_context
from .models import Assessment
from .presenters import dimension_weights, results_context, segment_shares
from .refusals import (
    AnswersFrozen,
    NotSelfServe,
    WorkshopClosed,
    WorkshopInDiscussion,
)
from .reports import queue
from .reports.delivery import ReportAddresses, report_response
from .reports.pdf import report_filename
from .throttling import client_address
from .workshops.selectors import workshops_with_brand

# What the private link looks like: anything else is not worth a database query.
TOKEN_PATTERN_MAX_LENGTH = 64


def _get_assessment(token: str, *, locked: bool = False) -> Assessment:
    if len(token) > TOKEN_PATTERN_MAX_LENGTH:
        raise Http404
    # What every page of the link asks next (frozen? a participant's? which workshop?) comes in
    # the same query.
    return get_object_or_404(selectors.assessments_with_context(locked=locked), token=token)


def remember(response: HttpResponseRedirect, assessment: Assessment) -> HttpResponseRedirect:
    return set_private_cookie(
        response, settings.RESUME_COOKIE_NAME, assessment.token, settings.RESUME_COOKIE_MAX_AGE
    )


def private_link(request, assessment: Assessment) -> str:
    return request.build_absolute_uri(
        reverse("assessment:resume", kwargs={"token": assessment.token})
    )


def _remembered(request) -> Assessment | None:
    token = request.get_signed_cookie(settings.RESUME_COOKIE_NAME, default=None)
    if not token:
        return None
    return Assessment.objects.filter(token=token).first()


# Public pages and the health check answer HEAD as well as GET: crawlers, link checkers and load
# balancers ask with HEAD, and a 405 reads as a broken page.
@require_safe
def home(request):
    questionnaire = load_questionnaire()
    return render(
        request,
        "assessment/home.html",
        {
            "question_count": len(questionnaire.questions),
            "step_count": len(questionnaire.sections),
            "remembered": _remembered(request),
            "segment_shares": segment_shares(selectors.segment_figures(), get_language()),
        },
    )


def _respondent_key(request) -> str:
    return request.get_signed_cookie(
        settings.RESPONDENT_COOKIE_NAME, default=""
    ) or secrets.token_urlsafe(24)


@require_POST
def start(request):
    if throttling.refused(request, throttling.STARTS_PER_ADDRESS):
        return render(request, "too_many_requests.html", status=429)
    respondent_key = _respondent_key(request)
    assessment = services.assessment_start(language=get_language(), respondent_key=respondent_key)
    response = remember(redirect("assessment:step", token=assessment.token, number=1), assessment)
    return set_private_cookie(
        response, settings.RESPONDENT_COOKIE_NAME, respondent_key, settings.RESUME_COOKIE_MAX_AGE
    )


@require_GET
def resume(request, token):
    assessment = _get_assessment(token)
    if selectors.is_frozen(assessment):
        return redirect("assessment:results", token=token)
    step = selectors.first_step_to_answer(assessment)
    if step is None and assessment.is_complete:
        if _is_participant(assessment):
            return redirect("assessment:done", token=token)
        return redirect("assessment:results", token=token)
    return remember(redirect("assessment:step", token=token, number=step or 1), assessment)


def _is_participant(assessment: Assessment) -> bool:
    """A workshop participant's answers: their last page waits for the group, not results."""
    return selectors.participant_workshop(assessment) is not None


@require_http_methods(["GET", "POST"])
def step(request, token, number):
    if request.method == "POST":
        # A save reads its row once, locked until its answers are written: what the checks below
        # read is what the save merges into, and two tabs saving at once both keep their answers.
        with transaction.atomic():
            return _answerable_step(request, _get_assessment(token, locked=True), number)
    return _answerable_step(request, _get_assessment(token), number)


def _answerable_step(request, assessment: Assessment, number: int):
    token = assessment.token
    try:
        services.assessment_check_answerable(assessment)
        return _step(request, assessment, number)
    except AnswersFrozen:
        messages.info(request, _("These answers are final: they no longer change."))
        return redirect("assessment:results", token=token)
    except WorkshopClosed as closed:
        # Nothing more is accepted; what was saved before the close stays.
        context = {"workshop": closed.workshop, "team": _team_of(closed.workshop)}
        return render(request, _closed_template(closed.workshop), context, status=409)
    except WorkshopInDiscussion as locked:
        # The results are on the screen: answering now would follow them.
        return render(
            request, "workshops/in_discussion.html", {"workshop": locked.workshop}, status=409
        )


def _step(request, assessment: Assessment, number: int):
    token = assessment.token
    questionnaire = assessment.questionnaire()
    if not 1 <= number <= len(questionnaire.sections):
        raise Http404
    section = questionnaire.sections[number - 1]
    language = get_language()

    prefilled = {}
    if request.method == "POST":
        form = StepForm(section, language, request.POST)
        going_back = "previous" in request.POST
        finishing = not going_back and number == len(questionnaire.sections) and form.is_valid()
        # The last step's answers and the completion are one write: the row is read and locked once.
        saved = services.assessment_save_locked_answers(
            locked=assessment,
            answers=form.valid_answers(),
            language=language,
            complete=finishing,
            within_peer_limit=lambda: (
                not throttling.refused(request, throttling.PEER_COMPLETIONS_PER_ADDRESS)
            ),
        )
        if going_back and not form.errors_other_than_missing():
            return redirect("assessment:step", token=token, number=max(number - 1, 1))
        if finishing:
            return _finished(request, saved)
        if not going_back and form.is_valid():
            return redirect("assessment:step", token=token, number=number + 1)
    else:
        prefilled = prefilled_answers(assessment, section)
        form = StepForm(section, language, initial={**prefilled, **assessment.answers})

    return render(
        request,
        "assessment/step.html",
        {
            "assessment": assessment,
            "form": form,
            "section": section,
            "number": number,
            "step_count": len(questionnaire.sections),
            "sections": questionnaire.sections,
            "progress": round(100 * (number - 1) / len(questionnaire.sections)),
            "text_max_length": TEXT_MAX_LENGTH,
            "prefilled_from": assessment.previous if prefilled else None,
            "private_link": private_link(request, assessment),
            "email_form": EmailLinkForm(initial={"email": assessment.email}),
        },
    )


def _finished(request, assessment):
    number = selectors.first_step_to_answer(assessment)
    if number is not None:
        messages.warning(request, _("A few questions are still unanswered. Here is the first."))
        return redirect("assessment:step", token=assessment.token, number=number)
    if _is_participant(assessment):
        return redirect("assessment:done", token=assessment.token)
    return redirect("assessment:results", token=assessment.token)


@require_GET
def done(request, token):
    """A workshop participant's last page: answers are in, the group's results are on screen."""
    assessment = _get_assessment(token)
    participant = selectors.participant_of(assessment)
    if participant is None:
        return redirect("assessment:resume", token=token)
    # The page wears the consultancy's name and colour: read with it, without the logo's bytes.
    participant.workshop = workshops_with_brand().get(pk=participant.workshop_id)
    context = {
        "assessment": assessment,
        "workshop": participant.workshop,
        "participant": participant,
    }
    if participant.workshop.client_id is None:
        # A company's own team: its page says whose team it is and what becomes of the answers.
        context["team"] = _team_of(participant.workshop)
        return render(request, "teams/member_done.html", context)
    return render(request, "workshops/participant_done.html", context)


def _team_of(workshop):
    """The company's own team a workshop without a client stands for."""
    return getattr(workshop, "team", None) if workshop and workshop.client_id is None else None


def _closed_template(workshop) -> str:
    if workshop is not None and workshop.client_id is None:
        return "teams/closed.html"
    return "workshops/closed.html"


def _finished_assessment(request, token, unfinished_message):
    """The assessment, or where to send whoever asks for its results too early.

    A workshop participant never gets results of their own: the group's are on screen.
    """
    assessment = _get_assessment(token)
    if _is_participant(assessment):
        return assessment, redirect("assessment:done", token=token)
    if not assessment.is_complete:
        messages.info(request, unfinished_message)
        return assessment, redirect("assessment:resume", token=token)
    return assessment, None


@require_GET
def results(request, token):
    assessment, elsewhere = _finished_assessment(
        request, token, _("Finish the questionnaire to see your results.")
    )
    if elsewhere:
        return elsewhere
    language = get_language()
    context = results_context(selectors.assessment_results(assessment), language)
    context["among_respondents"] = segment_among_respondents(context["segment"]["key"], language)
    context["private_link"] = private_link(request, assessment)
    context["email_form"] = EmailLinkForm(initial={"email": assessment.email})
    if assessment.is_self_serve:
        context.update(history_context(company_history(assessment), language))
    return render(request, "assessment/results.html", context)


@require_GET
def report(request, token):
    """The PDF when it is ready; otherwise the page that says it is being prepared."""
    return _report(request, token, as_page=False)


@require_GET
def report_status(request, token):
    return _report(request, token, as_page=True)


def _report(request, token, *, as_page):
    assessment, elsewhere = _finished_assessment(
        request, token, _("Finish the questionnaire to download your report.")
    )
    if elsewhere:
        return elsewhere
    language = get_language()
    address = client_address(request)

    def ask(retry):
        return queue.assessment_report_request(
            assessment=assessment, language=language, address=address, retry=retry
        )

    addresses = ReportAddresses(
        pdf=reverse("assessment:report", kwargs={"token": token}),
        page=reverse("assessment:report_status", kwargs={"token": token}),
        back=reverse("assessment:results", kwargs={"token": token}),
        back_label=_("Back to your results"),
    )
    filename = report_filename(assessment, language)
    return report_response(request, ask, addresses, filename, as_page=as_page)


def respondents_own(token) -> Assessment:
    """The assessment, if its respondent may download or delete it from the link; else a 404."""
    try:
        return selectors.respondent_assessment(_get_assessment(token))
    except NotSelfServe:
        raise Http404 from None


@require_GET
def export(request, token):
    """A self-serve respondent's own answers, as CSV."""
    assessment = respondents_own(token)
    rows = exports.answer_rows([("1", "", assessment, {})], get_language())
    return table_download(rows, "answers", "csv")


@require_POST
def peer_consent(request, token):
    """The respondent's answer, from the results page, to whether their answers may count."""
    assessment = respondents_own(token)
    consent = request.POST.get("consent")
    if consent in ("yes", "no"):
        try:
            services.assessment_set_peer_consent(assessment=assessment, consent=consent == "yes")
        except AnswersFrozen:
            pass  # a client's assessment follows the client's consent; the page says so
    return redirect(reverse("assessment:results", kwargs={"token": token}) + "#peer-consent")


@require_http_methods(["GET", "POST"])
def delete(request, token):
    """The respondent deletes their assessment: a confirmation page, then the deletion."""
    assessment = respondents_own(token)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        return deleted(request, _("Your assessment and its answers are deleted."))
    return render(request, "assessment/delete.html", {"assessment": assessment})


def deleted(request, message: str):
    """After a deletion: the home page, saying so, and no cookie pointing at what is gone."""
    messages.success(request, message)
    response = redirect("assessment:home")
    response.delete_cookie(settings.RESUME_COOKIE_NAME)
    return response


@require_safe
def privacy(request):
    return render(
        request,
        "assessment/privacy.html",
        {
            "retention_days": settings.ASSESSMENT_RETENTION_DAYS,
            "peer_minimum": PEER_GROUP_MINIMUM,
        },
    )


@require_safe
def sources(request):
    return render(
        request,
        "assessment/sources.html",
        {
            "studies": studies_in_order(),
            "figures_by_study": figures_by_study(),
            "weights": dimension_weights(),
            "in_step_threshold": MEANS_IN_STEP_THRESHOLD,
        },
    )


@require_safe
def barometer(request):
    """The study's segment table again, with the companies that took the assessment."""
    context = barometer_context(barometer_page(), get_language())
    return render(request, "assessment/barometer.html", context)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


ROBOTS_TXT = """\
# Every page may be fetched: the private ones (a private link, a workshop, an account) answer
# with "noindex", which a crawler can only read if it is allowed to fetch them.
User-agent: *
Disallow:
"""


@require_safe
def robots_txt(request):
    return HttpResponse(ROBOTS_TXT, content_type="text/plain; charset=utf-8")


@require_safe
def health(request):
    """For the load balancer: up only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})
