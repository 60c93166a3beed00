"""What `manage.py check --deploy` refuses in production (DEBUG off): settings that work on a
developer's machine and leak or expose in production."""

from django.conf import settings
from django.core import checks

CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"
DEFAULT_ADMIN_URL = "admin/"


@checks.register(checks.Tags.security, deploy=True)
def production_settings(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    if settings.EMAIL_BACKEND == CONSOLE_MAIL:
        errors.append(
            checks.Error(
                "Mails are written to the console: password-reset links end up in the logs.",
                hint="Set EMAIL_BACKEND to an SMTP backend (and EMAIL_HOST...), see README.",
                id="assessment.E001",
            )
        )
    if settings.ADMIN_URL == DEFAULT_ADMIN_URL:
        errors.append(
            checks.Error(
                "The admin is at /admin/, the first address every scanner tries.",
                hint="Set ADMIN_URL to a path of your own, see README.",
                id="assessment.E002",
            )
        )
    return errors
