"""Consultant accounts: sign-up, login, invitations of colleagues, the dashboard."""

from django.contrib import admin, messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordResetView
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import throttling
from assessment.refusals import CannotRemoveColleague, InvitationUsed

from .. import selectors, services
from ..campaign_forms import CampaignForm
from ..campaigns import campaign_overview
from ..forms import SignupForm
from ..models import INVITATION_LIFETIME, Invitation
from .access import consultancy_of_user


def too_many_requests(request):
    return render(request, "too_many_requests.html", status=429)


class RateLimitedLoginView(LoginView):
    """One account's password guessed from one address is django-axes' to stop (settings.py);
    one address trying many accounts is stopped here. Failures are counted on Django's
    `user_login_failed` signal (`signals.py`), so the admin's count with the site's."""

    def post(self, request, *args, **kwargs):
        if throttling.login_blocked(request):
            return render(request, "workshops/too_many_logins.html", status=429)
        return super().post(request, *args, **kwargs)


@sensitive_post_parameters()
def admin_login(request, extra_context=None):
    """The admin's login, stopped for an address past the same limit as the site's."""
    if request.method == "POST" and throttling.login_blocked(request):
        return render(request, "workshops/too_many_logins.html", status=429)
    return admin.site.login(request, extra_context)


class RateLimitedPasswordResetView(PasswordResetView):
    """Each request may send a mail: one address cannot make the app mail anyone, endlessly."""

    def post(self, request, *args, **kwargs):
        if throttling.refused(request, throttling.PASSWORD_RESETS_PER_ADDRESS):
            return too_many_requests(request)
        return super().post(request, *args, **kwargs)


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and throttling.refused(request, throttling.SIGNUPS_PER_ADDRESS):
        return too_many_requests(request)
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
    invitation = get_object_or_404(Invitation.objects.select_related("consultancy"), token=token)
    if not services.invitation_is_usable(invitation):
        raise Http404
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
    consultancy = consultancy_of_user(request)
    return render(
        request,
        "workshops/dashboard.html",
        {
            "consultancy": consultancy,
            "clients": consultancy.clients.all(),
            "colleagues": consultancy.members.select_related("user").order_by("user__email"),
            "invitations": selectors.pending_invitations(consultancy),
            "campaigns": campaign_overview(consultancy),
            "campaign_form": CampaignForm(),
        },
    )


@login_required
@require_POST
def invitation_new(request):
    invitation = services.invitation_create(
        consultancy=consultancy_of_user(request), created_by=request.user
    )
    link = request.build_absolute_uri(
        reverse("workshops:invitation", kwargs={"token": invitation.token})
    )
    messages.success(
        request,
        _("Send this link to your colleague; it works once, for %(days)s days: %(link)s")
        % {"link": link, "days": INVITATION_LIFETIME.days},
    )
    return redirect("workshops:dashboard")


@login_required
@require_POST
def invitation_revoke(request, pk):
    services.invitation_revoke(consultancy=consultancy_of_user(request), invitation_id=pk)
    messages.success(request, _("The invitation is withdrawn: its link no longer works."))
    return redirect("workshops:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def colleague_remove(request, pk):
    """A confirmation page, then the removal: the account goes for good."""
    consultancy = consultancy_of_user(request)
    membership = get_object_or_404(consultancy.members.select_related("user"), user_id=pk)
    if request.method == "GET":
        return render(request, "workshops/colleague_remove.html", {"colleague": membership.user})
    try:
        services.colleague_remove(consultancy=consultancy, user_id=pk, removed_by=request.user)
    except CannotRemoveColleague:
        messages.error(request, _("You cannot remove your own account."))
    else:
        messages.success(request, _("Your colleague's account is removed."))
    return redirect("workshops:dashboard")
