from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("a/<slug:token>/team/", views.team, name="team"),
    path("a/<slug:token>/team/new/", views.team_new, name="team_new"),
    path("a/<slug:token>/team/close/", views.team_close, name="close"),
    path("a/<slug:token>/team/reopen/", views.team_reopen, name="reopen"),
    path("a/<slug:token>/team/agree/", views.team_agree, name="agree"),
    path("t/<slug:token>/", views.join, name="join"),
]
