from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "assessment.workshops"
    label = "workshops"
    verbose_name = "Consultants and workshops"

    def ready(self):
        from . import signals  # noqa: F401 - connects the login failures' count
