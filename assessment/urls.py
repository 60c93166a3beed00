from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import company_views, views
from .workshops.views.accounts import (
    RateLimitedLoginView,
    RateLimitedPasswordResetView,
    admin_login,
)

assessment_patterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("sources/", views.sources, name="sources"),
    path("barometer/", views.barometer, name="barometer"),
    path("privacy/", views.privacy, name="privacy"),
    path("a/<slug:token>/", views.resume, name="resume"),
    path("a/<slug:token>/step/<int:number>/", views.step, name="step"),
    path("a/<slug:token>/results/", views.results, name="results"),
    path("a/<slug:token>/report.pdf", views.report, name="report"),
    path("a/<slug:token>/report/", views.report_status, name="report_status"),
    path("a/<slug:token>/done/", views.done, name="done"),
    path("a/<slug:token>/delete/", views.delete, name="delete"),
    path("a/<slug:token>/consent/", views.peer_consent, name="peer_consent"),
    path("a/<slug:token>/answers.csv", views.export, name="export"),
    path("a/<slug:token>/email/", company_views.email_link, name="email_link"),
    path("a/<slug:token>/email/forget/", company_views.forget_email, name="forget_email"),
    path("a/<slug:token>/again/", company_views.retake, name="retake"),
    path("a/<slug:token>/templates/<slug:kind>.xlsx", company_views.toolkit, name="toolkit"),
    path("a/<slug:token>/delete-all/", company_views.delete_all, name="delete_all"),
]

# French is served without a prefix (/), English under /en/: every page has a stable address in
# each language, and the language switch is a plain link.
urlpatterns = [
    # Before the admin's own: its login counts failures with the site's (views/accounts.py).
    path(f"{settings.ADMIN_URL}login/", admin_login, name="admin_login"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots"),
    *i18n_patterns(
        path("", include((assessment_patterns, "assessment"))),
        path("", include("assessment.workshops.urls")),
        path("", include("assessment.teams.urls")),
        path("accounts/login/", RateLimitedLoginView.as_view(), name="login"),
        path(
            "accounts/password_reset/",
            RateLimitedPasswordResetView.as_view(),
            name="password_reset",
        ),
        path("accounts/", include("django.contrib.auth.urls")),
        prefix_default_language=False,
    ),
]
