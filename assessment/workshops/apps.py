from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "assessment.workshops"
    label = "workshops"
    verbose_name = "Consultants and workshops"
