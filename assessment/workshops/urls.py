from django.urls import path, re_path

from . import views

app_name = "workshops"

urlpatterns = [
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/invitation/<slug:token>/", views.invitation_accept, name="invitation"),
    path("consultant/", views.dashboard, name="dashboard"),
    path("consultant/brand/", views.brand_settings, name="brand"),
    path("brand/logo-<slug:key>.png", views.brand_logo, name="logo"),
    re_path(r"^brand/accent-(?P<colour>[0-9a-f]{6})\.css$", views.accent_stylesheet, name="accent"),
    path("consultant/invitations/new/", views.invitation_new, name="invitation_new"),
    path("consultant/clients/new/", views.client_new, name="client_new"),
    path("consultant/clients/<int:pk>/", views.client_detail, name="client"),
    path("consultant/clients/<int:pk>/workshops/new/", views.workshop_new, name="workshop_new"),
    path("consultant/clients/<int:pk>/delete/", views.client_delete, name="client_delete"),
    path("consultant/clients/<int:pk>/progress/", views.client_progress, name="progress"),
    path("consultant/clients/<int:pk>/progress.pdf", views.progress_pdf, name="progress_pdf"),
    path("consultant/clients/<int:pk>/targets/", views.client_targets, name="client_targets"),
    path("consultant/clients/<int:pk>/attach/", views.client_attach, name="client_attach"),
    path(
        "consultant/clients/<int:pk>/attached/<int:attachment>/remove/",
        views.client_detach,
        name="client_detach",
    ),
    path(
        "consultant/clients/<int:pk>/assessments.csv",
        views.client_export,
        {"kind": "csv"},
        name="client_export_csv",
    ),
    path(
        "consultant/clients/<int:pk>/assessments.xlsx",
        views.client_export,
        {"kind": "xlsx"},
        name="client_export_xlsx",
    ),
    path("consultant/clients/<int:pk>/consent/", views.client_consent, name="client_consent"),
    path("consultant/workshops/<int:pk>/", views.facilitator, name="facilitator"),
    path("consultant/workshops/<int:pk>/live/", views.live, name="live"),
    path("consultant/workshops/<int:pk>/reveal/", views.reveal, name="reveal"),
    path("consultant/workshops/<int:pk>/close/", views.close, name="close"),
    path("consultant/workshops/<int:pk>/consensus/", views.consensus, name="consensus"),
    path("consultant/workshops/<int:pk>/qr.svg", views.qr_code, name="qr"),
    path(
        "consultant/workshops/<int:pk>/answers.csv",
        views.export,
        {"kind": "csv"},
        name="export_csv",
    ),
    path(
        "consultant/workshops/<int:pk>/answers.xlsx",
        views.export,
        {"kind": "xlsx"},
        name="export_xlsx",
    ),
    path("w/", views.join_code, name="join_code"),
    path("w/<slug:code>/", views.join, name="join"),
]
