from django.urls import path, re_path

from .views import accounts, branding, campaigns, clients, live, notes, participants

app_name = "workshops"

urlpatterns = [
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/invitation/<slug:token>/", accounts.invitation_accept, name="invitation"),
    path("consultant/", accounts.dashboard, name="dashboard"),
    path("consultant/brand/", branding.brand_settings, name="brand"),
    path("brand/logo-<slug:key>.png", branding.brand_logo, name="logo"),
    re_path(
        r"^brand/accent-(?P<colour>[0-9a-f]{6})\.css$", branding.accent_stylesheet, name="accent"
    ),
    path("consultant/invitations/new/", accounts.invitation_new, name="invitation_new"),
    path(
        "consultant/invitations/<int:pk>/revoke/",
        accounts.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "consultant/colleagues/<int:pk>/remove/", accounts.colleague_remove, name="colleague_remove"
    ),
    path("consultant/clients/new/", clients.client_new, name="client_new"),
    path("consultant/clients/<int:pk>/", clients.client_detail, name="client"),
    path(
        "consultant/workshops/<int:pk>/participants/<int:participant>/let-in/",
        live.let_in,
        name="let_in",
    ),
    path(
        "consultant/workshops/<int:pk>/participants/<int:participant>/remove/",
        live.remove_participant,
        name="remove_participant",
    ),
    path("consultant/clients/<int:pk>/workshops/new/", live.workshop_new, name="workshop_new"),
    path("consultant/clients/<int:pk>/delete/", clients.client_delete, name="client_delete"),
    path("consultant/clients/<int:pk>/progress/", clients.client_progress, name="progress"),
    path("consultant/clients/<int:pk>/progress.pdf", clients.progress_pdf, name="progress_pdf"),
    path(
        "consultant/clients/<int:pk>/progress/report/",
        clients.progress_report_status,
        name="progress_report",
    ),
    path("consultant/clients/<int:pk>/targets/", clients.client_targets, name="client_targets"),
    path("consultant/clients/<int:pk>/attach/", clients.client_attach, name="client_attach"),
    path(
        "consultant/clients/<int:pk>/attached/<int:attachment>/remove/",
        clients.client_detach,
        name="client_detach",
    ),
    path(
        "consultant/clients/<int:pk>/assessments.csv",
        clients.client_export,
        {"kind": "csv"},
        name="client_export_csv",
    ),
    path(
        "consultant/clients/<int:pk>/assessments.xlsx",
        clients.client_export,
        {"kind": "xlsx"},
        name="client_export_xlsx",
    ),
    path("consultant/clients/<int:pk>/consent/", clients.client_consent, name="client_consent"),
    path("consultant/workshops/<int:pk>/", live.facilitator, name="facilitator"),
    path("consultant/workshops/<int:pk>/live/", live.live, name="live"),
    path("consultant/workshops/<int:pk>/reveal/", live.reveal, name="reveal"),
    path("consultant/workshops/<int:pk>/close/", live.close, name="close"),
    path("consultant/workshops/<int:pk>/reopen/", live.reopen, name="reopen"),
    path("consultant/workshops/<int:pk>/revote/", live.open_revote, name="open_revote"),
    path("consultant/workshops/<int:pk>/revote/close/", live.close_revote, name="close_revote"),
    path("a/<slug:token>/revote/", participants.revote, name="revote"),
    path("consultant/workshops/<int:pk>/deck.pptx", clients.deck, name="deck"),
    re_path(
        r"^consultant/workshops/(?P<pk>[0-9]+)/charts/(?P<name>[a-z]+(-[0-9]{1,9})?)\.(?P<kind>svg|png)$",
        clients.chart,
        name="chart",
    ),
    path("consultant/workshops/<int:pk>/notes/", notes.add_note, name="add_note"),
    path(
        "consultant/workshops/<int:pk>/notes/<int:note>/delete/",
        notes.delete_note,
        name="delete_note",
    ),
    path("consultant/workshops/<int:pk>/present/", live.present, name="present"),
    path(
        "consultant/workshops/<int:pk>/present/slides/", live.present_slides, name="present_slides"
    ),
    path("consultant/workshops/<int:pk>/consensus/", live.consensus, name="consensus"),
    path("consultant/workshops/<int:pk>/qr.svg", live.qr_code, name="qr"),
    path(
        "consultant/workshops/<int:pk>/answers.csv",
        clients.export,
        {"kind": "csv"},
        name="export_csv",
    ),
    path(
        "consultant/workshops/<int:pk>/answers.xlsx",
        clients.export,
        {"kind": "xlsx"},
        name="export_xlsx",
    ),
    path("w/", participants.join_code, name="join_code"),
    path("w/<slug:code>/", participants.join, name="join"),
    # A consultancy's campaigns
    path("c/<slug:token>/", campaigns.campaign_start, name="campaign_start"),
    path("a/<slug:token>/campaign/share/", campaigns.campaign_share, name="campaign_share"),
    path(
        "a/<slug:token>/campaign/withdraw/", campaigns.campaign_withdraw, name="campaign_withdraw"
    ),
    path("consultant/campaigns/new/", campaigns.campaign_new, name="campaign_new"),
    path(
        "consultant/campaigns/<int:pk>/open/",
        campaigns.campaign_open,
        {"is_open": True},
        name="campaign_open",
    ),
    path(
        "consultant/campaigns/<int:pk>/close/",
        campaigns.campaign_open,
        {"is_open": False},
        name="campaign_close",
    ),
    path("consultant/shared/<int:pk>/", campaigns.shared_result, name="shared_result"),
    path("consultant/shared/<int:pk>/client/", campaigns.shared_make_client, name="shared_client"),
    path("consultant/shared/<int:pk>/report.pdf", campaigns.shared_report, name="shared_report"),
    path(
        "consultant/shared/<int:pk>/report/",
        campaigns.shared_report_status,
        name="shared_report_status",
    ),
]
