"""HTTP helpers shared by every page: the lowest layer, so any app may use them."""

from django.http import HttpRequest


def wants_fragment(request: HttpRequest, target: str) -> bool:
    """True for an htmx request that swaps exactly `target` (an element id).

    Boosted requests and history restores (the Back button) also carry
    HX-Request, but they need the full page.
    """
    htmx = getattr(request, "htmx", None)
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return False
    return htmx.target == target
