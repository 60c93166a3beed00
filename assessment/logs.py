"""No private link in any log line: the request log (a 404 names the path it did not find), the
access log (the request line and the Referer of every file a private page loads) and the app
server's own error log ("Error handling request <path>"). Mails written to the console are not a
log line: the console mail backend is for development, and the deployment check refuses it
(`assessment/checks.py`).

Whoever reads the logs must not be able to open a company's answers, accept an invitation or
reset a password from them.
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger as GunicornBaseLogger

# The secret part of each kind of private address: an assessment's /a/<token>/, an invitation's
# /accounts/invitation/<token>/, a password reset's /accounts/reset/<uid>/<token>/, a workshop's
# /w/<code>/, a team's /t/<token>/, a campaign's /c/<token>/ (and the same in any language prefix
# or full URL).
SECRET_IN_PATH = re.compile(
    r"(?P<prefix>/(?:a|invitation|w|t|c)/)[^/\s?#\"']+"
    r"|(?P<reset>/reset/)[^/\s?#\"']+/[^/\s?#\"']+"
)
HIDDEN = "…"


def scrub(text: str) -> str:
    def hide(match: re.Match) -> str:
        if match.group("reset"):
            return f"/reset/{HIDDEN}/{HIDDEN}"
        return match.group("prefix") + HIDDEN

    return SECRET_IN_PATH.sub(hide, text)


class ScrubSecrets(logging.Filter):
    """Rewrites each record's message with its secrets hidden, before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


class GunicornLogger(GunicornBaseLogger):
    """Gunicorn's access log with every field that can carry a path scrubbed, and its error log
    passed through the same filter as the app's (gunicorn.conf.py)."""

    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(f, ScrubSecrets) for f in self.error_log.filters):
            self.error_log.addFilter(ScrubSecrets())

    def atoms(self, resp, req, environ, request_time):
        return {
            name: scrub(value) if isinstance(value, str) else value
            for name, value in super().atoms(resp, req, environ, request_time).items()
        }
