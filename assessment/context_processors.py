from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def languages(request):
    """Links to the current page in every language, for the switch on every page."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                # For the public pages' <link rel="alternate" hreflang>, which wants full URLs.
                "absolute_url": request.build_absolute_uri(translate_url(path, code)),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    }
