"""How many failures a visitor may make before a form stops checking (the login's passwords and
the join page's codes), and how many e-mails one address may receive. Views ask one question
(`*_blocked`) and say when one more happened; the counting lives here alone, in the shared cache,
so the limits hold across processes."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

# Password guessing: past this many failed logins for one account from one address, or from one
# address for all accounts, in the window, the login form stops checking passwords.
LOGIN_FAILURES_PER_ACCOUNT = 10
LOGIN_FAILURES_PER_ADDRESS = 50
LOGIN_WINDOW_SECONDS = 15 * 60

# Join codes cannot be enumerated: past this many wrong codes from one phone, or from one address
# in the window, the form refuses to check any more until the window has passed.
JOIN_ATTEMPTS_PER_DEVICE = 10
JOIN_ATTEMPTS_PER_ADDRESS = 100
JOIN_ATTEMPT_WINDOW_SECONDS = 10 * 60


def client_address(request) -> str:
    """The visitor's address, for the rate limits.

    Behind a reverse proxy every request comes from the proxy: name the header it writes the
    client's address into (e.g. X-Forwarded-For) in CLIENT_IP_HEADER, and the last address in it,
    the one the proxy itself added, is used.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")


def _blocked(counters: list[tuple[str, int]]) -> bool:
    return any(cache.get(key, 0) >= limit for key, limit in counters)


def _count(counters: list[tuple[str, int]], window_seconds: int) -> None:
    """One more failure under each key; a count starts when its first failure falls."""
    for key, _limit in counters:
        if not cache.add(key, 1, timeout=window_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between the two calls
                cache.set(key, 1, timeout=window_seconds)


# Logins


def _login_counters(request) -> list[tuple[str, int]]:
    address = client_address(request)
    account = request.POST.get("username", "")[:150].strip().lower()
    return [
        (f"login-failures:account:{account}:{address}", LOGIN_FAILURES_PER_ACCOUNT),
        (f"login-failures:address:{address}", LOGIN_FAILURES_PER_ADDRESS),
    ]


def login_blocked(request) -> bool:
    return _blocked(_login_counters(request))


def login_failed(request) -> None:
    _count(_login_counters(request), LOGIN_WINDOW_SECONDS)


# Join codes


def _join_counters(request, device: str) -> list[tuple[str, int]]:
    """Wrong codes are counted per phone and, more loosely, per address: a room on one Wi-Fi
    shares an address, and an attacker who drops cookies still meets the address limit."""
    counters = [(f"join-attempts:address:{client_address(request)}", JOIN_ATTEMPTS_PER_ADDRESS)]
    if device:
        counters.append((f"join-attempts:device:{device}", JOIN_ATTEMPTS_PER_DEVICE))
    return counters


def join_blocked(request, device: str) -> bool:
    return _blocked(_join_counters(request, device))


def wrong_join_code(request, device: str) -> None:
    _count(_join_counters(request, device), JOIN_ATTEMPT_WINDOW_SECONDS)


# E-mails of a private link or a report

# An address receives at most this many of our e-mails in the window, whoever asks: enough to ask
# again after a typo or a lost message, too few for the form to serve for pestering someone. One
# visitor's address may ask for a few more, to different addresses, before it is stopped too.
EMAILS_PER_RECIPIENT = 3
EMAILS_PER_ADDRESS = 10
EMAIL_WINDOW_SECONDS = 60 * 60


def _email_counters(request, recipient: str) -> list[tuple[str, int]]:
    # The cache keeps a digest, never the address itself: the address serves to send, nothing else.
    digest = hashlib.sha256(recipient.strip().lower().encode()).hexdigest()
    return [
        (f"emails:recipient:{digest}", EMAILS_PER_RECIPIENT),
        (f"emails:address:{client_address(request)}", EMAILS_PER_ADDRESS),
    ]


def email_blocked(request, recipient: str) -> bool:
    return _blocked(_email_counters(request, recipient))


def email_sent(request, recipient: str) -> None:
    _count(_email_counters(request, recipient), EMAIL_WINDOW_SECONDS)
