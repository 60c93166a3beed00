from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import get_language, get_language_info, override


def _is_ours(path: str) -> bool:
    return path.startswith("/") and not path.startswith("//")


def _in_languages(path: str) -> dict[str, str]:
    """The same page in every language, or each language's home page when the path leads
    nowhere: a link built from whatever a visitor typed (`//other.host/` on a 404 page) must
    never point off the site. The path is resolved once for all languages (every page asks)."""
    match = None
    if _is_ours(path):
        try:
            match = resolve(path)
        except Resolver404:
            match = None
    links = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            links[code] = _reversed(match, path) if match else reverse("assessment:home")
    return links


def _reversed(match, path: str) -> str:
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    try:
        translated = reverse(name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        translated = path
    return translated if _is_ours(translated) else reverse("assessment:home")


def languages(request):
    """Links to the current page in every language, for the switch on every page."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, page in _in_languages(request.path).items():
        # The query string (a login's next page) follows, after a path checked to be ours.
        url = page + (f"?{query}" if query else "")
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
