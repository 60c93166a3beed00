from django.db import InterfaceError, OperationalError
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render


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
