from django.db import InterfaceError, OperationalError
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
