"""What an app server process does once, before its first request.

Django builds much lazily: the URL map on the first link it makes, each language's catalogue on its
first use, each template the first time it is rendered (then kept, the cached loader). In a
process that has just started, the first requests pay for all of it; in a workshop those are the
first seconds, when the whole room joins at once, and the three or so processes each pay it
again. Paid here instead, in the server's start-up, nobody waits for it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def project_templates() -> list[str]:
    """Every template of the project's own folders, by the name views ask for."""
    names = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        root = Path(folder)
        names += sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))
    return names


def warm_up() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            # Loads the language's catalogues and builds the URL map in that language.
            translation.gettext("Join the workshop")
            reverse("assessment:home")
    for name in project_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            # Left for the request that asks for it, which reports it as it always has.
            logger.warning("template %s could not be prepared", name)
