"""Requests no page can answer sensibly are refused before any view sees them."""

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.views.defaults import bad_request


class RefuseNulBytesMiddleware:
    """A NUL byte in the path or the query string gets a 400 page.

    PostgreSQL text cannot hold NUL, so such a value reaching a query would be a 500 wherever a
    view looks something up by it (a bureau reference, a check-in search). Form fields already
    refuse NUL with a form error (Django's ProhibitNullCharactersValidator), so POST bodies are
    left to the forms, which keep what was typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            if request.path.startswith("/api/"):  # the open-data API answers its clients in JSON
                return JsonResponse({"detail": "NUL byte in the request."}, status=400)
            return bad_request(request, BadRequest("NUL byte in the request"))
        return self.get_response(request)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value
