"""A company's own team: its owner starts it, follows it and records the agreed answers from
the private link; colleagues join from the team link and answer alone."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessment import throttling
from assessment.refusals import AnswersFrozen, IncompleteAssessment, WorkshopClosed, WorkshopFull
from assessment.views import respondents_own
from assessment.workshops.forms import ConsensusForm
from assessment.workshops.group_presenters import consensus_rows
from assessment.workshops.views.participants import _device, _with_device_cookie

from . import selectors, services
from .forms import TeamForm, TeamJoinForm
from .presenters import team_context


def _team_link(request, team) -> str:
    return request.build_absolute_uri(reverse("teams:join", kwargs={"token": team.token}))


def _owners_team(token):
    """The owner's assessment and its team (None before it is started); a 404 for any link but
    a company's own (a colleague's or an agreed one)."""
    owner = respondents_own(token)
    return owner, selectors.team_of(owner)


def team_form_for(owner) -> TeamForm:
    return TeamForm(
        initial={"company_name": owner.answers.get("company_name", ""), "owner_role": "management"}
    )


@require_POST
def team_new(request, token):
    owner, team = _owners_team(token)
    if team is None:
        form = TeamForm(request.POST)
        if not form.is_valid():
            return render(
                request, "teams/team.html", {"assessment": owner, "team_form": form}, status=400
            )
        services.team_create(
            owner=owner,
            owner_role=form.cleaned_data["owner_role"],
            company_name=form.cleaned_data["company_name"],
        )
    return redirect("teams:team", token=token)


@require_http_methods(["GET", "HEAD"])
def team(request, token):
    owner, team = _owners_team(token)
    if team is None:
        return render(
            request, "teams/team.html", {"assessment": owner, "team_form": team_form_for(owner)}
        )
    spread = selectors.team_spread(team)
    context = {
        "assessment": owner,
        "team": team,
        "team_link": _team_link(request, team),
        **team_context(spread, get_language()),
    }
    return render(request, "teams/team.html", context)


@require_POST
def team_close(request, token):
    _owner, team = _owners_team(token)
    if team is not None:
        services.team_close(team=team)
    return redirect("teams:team", token=token)


@require_POST
def team_reopen(request, token):
    _owner, team = _owners_team(token)
    if team is not None:
        try:
            services.team_reopen(team=team)
        except AnswersFrozen:
            messages.info(request, _("The agreed answers are recorded: the team stays closed."))
    return redirect("teams:team", token=token)


@require_http_methods(["GET", "POST"])
def team_agree(request, token):
    owner, team = _owners_team(token)
    if team is None:
        return redirect("teams:team", token=token)
    if team.agreed_assessment_id is not None:
        return redirect("assessment:results", token=team.agreed_assessment.token)
    if team.is_open:
        messages.info(request, _("Close the team link first, then agree on the answers."))
        return redirect("teams:team", token=token)
    spread = selectors.team_spread(team)
    if spread.group is None:
        # Agreed answers are built on the team's: with fewer, they would be one or two people's.
        messages.info(request, _("The team's answers are shown from three answers: wait for more."))
        return redirect("teams:team", token=token)
    questionnaire = team.workshop.questionnaire
    language = get_language()
    if request.method == "POST":
        form = ConsensusForm(questionnaire, language, request.POST)
        if form.is_valid():
            try:
                agreed = services.team_record_agreed_answers(
                    team=team, answers=form.answers(), language=language
                )
            except (IncompleteAssessment, AnswersFrozen):
                messages.warning(request, _("Answer every question the team agreed on."))
            else:
                messages.success(
                    request, _("The agreed answers are recorded: here is your team's assessment.")
                )
                return redirect("assessment:results", token=agreed.token)
    else:
        form = ConsensusForm(questionnaire, language, initial=selectors.team_agreed_start(spread))
    rows = consensus_rows(form, spread.group, language)
    context = {"assessment": owner, "team": team, "form": form, "rows": rows}
    return render(request, "teams/agree.html", context)


@require_http_methods(["GET", "POST"])
def join(request, token):
    """A colleague opens the team link: whose team it is, what happens with their answers."""
    device = _device(request)
    # Asked before the link is looked up: once over the limit, every link, right or wrong, gets
    # the same answer, as for a workshop's codes.
    if throttling.join_blocked(request, device):
        return render(request, "workshops/too_many.html", {"team_link": True}, status=429)
    device_key = device or secrets.token_urlsafe(24)
    team = selectors.team_by_token(token)
    if team is None:
        throttling.wrong_join_code(request, device_key)
        # The device gets its id here too, so that its next wrong links count as its own.
        response = render(request, "teams/unknown.html", status=404)
        return _with_device_cookie(response, device_key)
    if not team.is_open:
        return render(request, "teams/closed.html", {"team": team}, status=410)
    existing = team.workshop.participants.filter(device_key=device_key).first()
    if existing is not None:
        return redirect("assessment:resume", token=existing.assessment.token)
    form = TeamJoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttling.join_refused(request):
            return render(request, "too_many_requests.html", status=429)
        try:
            member = services.team_member_join(
                team=team,
                device_key=device_key,
                role=form.cleaned_data["role"],
                language=get_language(),
            )
        except WorkshopClosed:
            return render(request, "teams/closed.html", {"team": team}, status=410)
        except WorkshopFull:
            context = {"team": team, "maximum": settings.WORKSHOP_MAX_PARTICIPANTS}
            return render(request, "teams/full.html", context, status=409)
        response = redirect("assessment:step", token=member.assessment.token, number=1)
        return _with_device_cookie(response, device_key)
    response = render(request, "teams/join.html", {"team": team, "form": form})
    # Set before the form is sent: a double tap on "Start" then joins once, not twice.
    return _with_device_cookie(response, device_key)
