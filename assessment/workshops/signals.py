"""Signals the workshops app listens to, connected when the app is ready (apps.py)."""

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from assessment import throttling


@receiver(user_login_failed)
def count_login_failure(sender, credentials, request=None, **kwargs):
    """Every failed password check with a request, on the site's login or the admin's: one
    address trying many accounts is stopped on both (`throttling.login_blocked`)."""
    if request is not None:
        throttling.login_failed(request)
