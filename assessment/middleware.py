from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import override


class RequestBodyLimitMiddleware:
    """Refuse a body larger than REQUEST_BODY_MAX_BYTES from its announced length, before a byte
    of it is read: no anonymous visitor makes a worker read and spool 50 MB.

    Django reads no more than Content-Length says, and nothing of a body without one, so the
    announced length is the whole of what the app could be made to read. The logo upload is the
    exception, for a signed-in consultant only: its form says what a logo may weigh.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._logo_paths = None

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length", status=400, content_type="text/plain")
        if length > settings.REQUEST_BODY_MAX_BYTES and not self._logo_upload(request):
            return HttpResponse("Request body too large", status=413, content_type="text/plain")
        return self.get_response(request)

    def _logo_upload(self, request) -> bool:
        if self._logo_paths is None:
            self._logo_paths = set()
            for code, _name in settings.LANGUAGES:
                with override(code):
                    self._logo_paths.add(reverse("workshops:brand"))
        return request.path_info in self._logo_paths and request.user.is_authenticated


class NoStoreForTokensMiddleware:
    """Pages and files reached by a private token or a join code are kept by no cache, shared
    or the browser's own: whoever holds the link is the only one who should see them."""

    SECRET_ARGUMENTS = frozenset({"token", "code"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and self.SECRET_ARGUMENTS & match.kwargs.keys():
            add_never_cache_headers(response)
        return response


class DatabaseUnavailableMiddleware:
    """While the database is unreachable, say "try again" with a 503, not a stack trace.

    The next request reconnects by itself (connection health checks are on), so nothing needs
    restarting once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "10"
            return response
        return None


class TextCompressionMiddleware(GZipMiddleware):
    """Pages, fragments and tables compressed on the way out (a results page: 43 kB, about 7 kB
    gzipped); PDFs, spreadsheets and images are compressed already and go as they are.

    BREACH needs a secret and an attacker's chosen text in the same compressed response, and a
    way to make the victim's browser ask for it many times. The pages' secrets are the CSRF token
    (masked afresh in every response), and the private link, which reflects input only on a
    POST the CSRF check refuses from another site, and which an attacker cannot address without
    knowing it. Django's gzip also pads each response with random bytes (Heal the BREACH).
    """

    COMPRESSED_TYPES = ("text/", "application/json", "image/svg+xml")

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(self.COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
