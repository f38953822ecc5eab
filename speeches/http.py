"""HTTP helpers shared by every page: the lowest layer, so any app may use them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


def wants_fragment(request: HttpRequest, target: str) -> bool:
    """True for an htmx request that swaps exactly `target` (an element id).

    Boosted requests and history restores (the Back button) also carry
    HX-Request, but they need the full page.
    """
    htmx = getattr(request, "htmx", None)
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return False
    return htmx.target == target


class RejectNullBytesMiddleware:
    """Answer 400 to a request whose path or query string holds a NUL byte.

    No page has a use for one, and PostgreSQL refuses NUL in text, so letting
    it reach a query would turn bad input into a server error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return HttpResponseBadRequest("Null characters are not allowed in addresses.")
        return self.get_response(request)
