from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override


def _in_language(path: str, code: str) -> str:
    """The same page in another language, or that language's home page when the path leads
    nowhere: a link built from whatever a visitor typed (`//other.host/` on a 404 page) must
    never point off the site."""
    if path.startswith("/") and not path.startswith("//"):
        try:
            resolve(path)
        except Resolver404:
            pass
        else:
            translated = translate_url(path, code)
            if translated.startswith("/") and not translated.startswith("//"):
                return translated
    with override(code):
        return reverse("assessment:home")


def languages(request):
    """Links to the current page in every language, for the switch on every page."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        # The query string (a login's next page) follows, after a path checked to be ours.
        url = _in_language(request.path, code) + (f"?{query}" if query else "")
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                # For the public pages' <link rel="alternate" hreflang>, which wants full URLs.
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return {"language_links": links}
