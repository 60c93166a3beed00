"""Which pages search engines may index.

The public pages are named here; every other answer (a private link's pages and downloads, a
workshop's participant pages, a consultant's pages, the account pages, an error) says noindex,
both in an `X-Robots-Tag` header and in the page's meta robots. A page added later is private
until it is listed.
"""

INDEXABLE_PAGES = frozenset(
    {"assessment:home", "assessment:sources", "assessment:barometer", "assessment:privacy"}
)
NOINDEX = "noindex, nofollow"


def is_indexable(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in INDEXABLE_PAGES


class NoIndexMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not (is_indexable(request) and response.status_code == 200):
            response.headers.setdefault("X-Robots-Tag", NOINDEX)
        return response


def indexing(request):
    """For the page's head: a description and language alternates, or a noindex."""
    return {"indexable": is_indexable(request)}
