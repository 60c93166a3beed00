from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "assessment.teams"
    label = "teams"
    verbose_name = "Companies' own teams"
