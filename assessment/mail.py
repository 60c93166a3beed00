"""E-mails a company asks for: its private link, and with its results the PDF report.

Plain text only, through Django's mail settings: no image, no HTML, no link but the private one,
so nothing in the message reports back when or where it is opened.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import Assessment


def send_private_link(
    *,
    assessment: Assessment,
    recipient: str,
    link: str,
    language: str,
    report: tuple[str, bytes] | None = None,
    report_missing: bool = False,
) -> None:
    """Send the private link to the address given, in the page's language; with `report`
    (file name, PDF), the report goes along as an attachment; `report_missing` says that a
    report asked for could not be made, and where to find it."""
    with override(language):
        subject = _("Your private link to the social-media self-assessment")
        body = render_to_string(
            "assessment/email/private_link.txt",
            {
                "link": link,
                "company_name": assessment.answers.get("company_name", ""),
                "complete": assessment.is_complete,
                "with_report": report is not None,
                "report_missing": report_missing,
            },
        )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
    if report is not None:
        message.attach(report[0], report[1], "application/pdf")
    message.send()
