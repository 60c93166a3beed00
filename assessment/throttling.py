"""How much one visitor may do: the limits of the whole app, in one place.

Views ask one question (`refused`, or `over` for what is refused only after a failure) and
render a refusal; the counting is django-ratelimit's, in the shared cache (the database's when
there is no Redis), so every limit holds across all app processes. Logins are django-axes'
(settings.py). The README lists every limit ("Limits").
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django_ratelimit import ALL
from django_ratelimit.core import _get_window, _make_cache_key, _split_rate, get_usage


@dataclass(frozen=True)
class Limit:
    name: str
    rate: str  # django-ratelimit's "<count>/<period>", e.g. "100/10m"


# New self-serve assessments: a company starts one, perhaps a few; a script started 2,700 a minute.
STARTS_PER_ADDRESS = Limit("start", "100/10m")
# Finished self-serve assessments that enter the peer comparisons: past this many from one
# address in a day, the others still get their results but are not counted among peers, so
# that a script finishing fake questionnaires cannot tilt what every company is compared with.
PEER_COMPLETIONS_PER_ADDRESS = Limit("peer-completion", "5/1d")
# Join codes cannot be enumerated: past this many wrong codes from one phone, or from one
# address, the join pages answer "too many attempts" for every code, right or wrong, until the
# window has passed. A room on one Wi-Fi shares an address, hence the looser address limit.
WRONG_CODES_PER_DEVICE = Limit("join-wrong-device", "10/10m")
WRONG_CODES_PER_ADDRESS = Limit("join-wrong-address", "100/10m")
# Consultant accounts and password-reset mails.
SIGNUPS_PER_ADDRESS = Limit("signup", "10/1h")
PASSWORD_RESETS_PER_ADDRESS = Limit("password-reset", "10/1h")
# Failed logins from one address, whatever the account: django-axes stops guessing one account's
# password, this stops trying one password on many accounts.
LOGIN_FAILURES_PER_ADDRESS = Limit("login-failures", "50/15m")
# A chart drawn as a picture (a PNG, or the deck that holds one) is laid out by WeasyPrint in the
# request: a consultant preparing slides asks for a few dozen, a loop is stopped.
CHART_PICTURES_PER_ADDRESS = Limit("chart-pictures", "120/1h")


def client_address(request) -> str:
    """The visitor's address, as our own reverse proxy saw it.

    Behind proxies, CLIENT_IP_HEADER names the header they append the client's address to and
    CLIENT_IP_TRUSTED_PROXIES how many of ours append to it: the address wanted is that many
    entries from the right. Entries further left were written by the visitor and prove nothing;
    a header with fewer entries, or one that is not an address, did not come through our proxies,
    and the connection's own address is used.
    """
    connection = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - a key, not a bind
    header = settings.CLIENT_IP_HEADER
    if not header:
        return connection
    forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    entries = [entry.strip() for entry in forwarded.split(",")]
    proxies = max(settings.CLIENT_IP_TRUSTED_PROXIES, 1)
    if not forwarded or len(entries) < proxies:
        return connection
    try:
        return str(ipaddress.ip_address(entries[-proxies]))
    except ValueError:
        return connection


def refused(request, limit: Limit, *, key: str | None = None) -> bool:
    """Count this request against the limit (per address, or per `key`); True once past it."""
    usage = get_usage(
        request,
        group=limit.name,
        key=lambda _group, request: key if key is not None else client_address(request),
        rate=limit.rate,
        increment=True,
    )
    return usage is not None and usage["should_limit"]


def over(request, limit: Limit, *, key: str | None = None) -> bool:
    """Whether the limit is reached already, without counting this request: for what counts
    only its failures, as wrong codes and wrong passwords.

    A plain read of the count django-ratelimit keeps, under the key it keeps it under: its own
    check without counting first writes a zero for a key it has not seen, which on the database
    cache is five statements for every new phone on the join page, the page a whole room loads
    in the same minute."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    value = key if key is not None else client_address(request)
    allowed, period = _split_rate(limit.rate)
    cache_key = _make_cache_key(limit.name, _get_window(value, period), limit.rate, value, ALL)
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    return cache.get(cache_key, 0) >= allowed


# What the views ask


def join_blocked(request, device: str) -> bool:
    """Too many wrong codes from this phone or this address: no code is checked any more."""
    return over(request, WRONG_CODES_PER_ADDRESS) or (
        bool(device) and over(request, WRONG_CODES_PER_DEVICE, key=device)
    )


def wrong_join_code(request, device: str) -> None:
    refused(request, WRONG_CODES_PER_ADDRESS)
    if device:
        refused(request, WRONG_CODES_PER_DEVICE, key=device)


def joins_per_address() -> Limit:
    """Joins to workshops: a whole room may sit behind one address (its Wi-Fi), so the limit
    follows the largest room the deployment takes (settings.WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR).
    """
    return Limit("join", f"{settings.WORKSHOP_JOINS_PER_ADDRESS_PER_HOUR}/1h")


def join_refused(request) -> bool:
    return refused(request, joins_per_address())


def login_blocked(request) -> bool:
    return over(request, LOGIN_FAILURES_PER_ADDRESS)


def login_failed(request) -> None:
    refused(request, LOGIN_FAILURES_PER_ADDRESS)


# E-mails of a private link or a report: an address receives at most three of our e-mails an hour,
# whoever asks (enough to ask again after a typo or a lost message, too few to pester someone);
# one visitor may ask for a few more, to different addresses, before being stopped too.
EMAILS_PER_RECIPIENT = Limit("email-recipient", "3/1h")
EMAILS_PER_ADDRESS = Limit("email-address", "10/1h")


def _recipient_key(recipient: str) -> str:
    # The cache keeps a digest, never the address itself: the address serves to send, nothing else.
    return hashlib.sha256(recipient.strip().lower().encode()).hexdigest()


def email_blocked(request, recipient: str) -> bool:
    return over(request, EMAILS_PER_RECIPIENT, key=_recipient_key(recipient)) or over(
        request, EMAILS_PER_ADDRESS
    )


def email_sent(request, recipient: str) -> None:
    refused(request, EMAILS_PER_RECIPIENT, key=_recipient_key(recipient))
    refused(request, EMAILS_PER_ADDRESS)
