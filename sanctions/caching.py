"""Conditional GET and page caching for reader pages, keyed by corpus version.

Every write to speeches, citations, claims, clauses and the rest is recorded
by django-simple-history, so the highest history id of each historical table
is a version number that only grows, deletions included. One query reads
them all. With it:

- each page gets an ETag, so a browser or cache repeating a request with
  If-None-Match gets 304 Not Modified without the page being built;
- each page's HTML is cached under that version, so a new client asking for
  an unchanged page is served without building it either. A write changes the
  version, and with it every key: there is nothing to invalidate by hand.

Reader pages are the same for everyone (no per-user content, no cookies), so
one cached copy serves all.
"""

import functools
import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

from speeches.http import wants_fragment
from speeches.models import Speech

from .models import (
    Actor,
    Citation,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimQuantity,
    ClaimSentence,
    Clause,
    Resolution,
    SentenceReview,
    Source,
)

VERSIONED = [Speech, Resolution, Clause, Actor, Source, Citation, SentenceReview, Claim]
VERSIONED += [ClaimActor, ClaimQuantity, ClaimSentence, ClaimClause]


@functools.cache
def version_sql() -> str:
    """The version query, built once: reaching a history table through
    `Model.history` builds a manager class each time (milliseconds), which
    is too slow for a query that runs on every request."""
    quote = connection.ops.quote_name
    # Table names come from the models, never from a request.
    columns = ", ".join(
        f"(SELECT MAX(history_id) FROM {quote(model.history.model._meta.db_table)})" for model in VERSIONED
    )
    return f"SELECT {columns}"


def corpus_version() -> str:
    """The latest history id of every versioned table, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(version_sql())
        return "-".join(str(value or 0) for value in cursor.fetchone())


# Cached pages expire anyway after a day, so memory holds only what is read.
CACHE_SECONDS = 24 * 60 * 60


def page_key(request: HttpRequest) -> str:
    """This URL, at this corpus version, as a full page or a fragment; computed
    once per request (the ETag and the cache both use it)."""
    if not hasattr(request, "_page_key"):
        target = request.headers.get("HX-Target", "")
        shape = f"fragment:{target}" if wants_fragment(request, target) else "page"
        # The host too: pages print absolute permalinks.
        key = f"{corpus_version()}|{request.get_host()}|{request.get_full_path()}|{shape}"
        request._page_key = hashlib.sha256(key.encode()).hexdigest()[:32]
    return request._page_key


def page_etag(request: HttpRequest, *args: object, **kwargs: object) -> str:
    """The ETag for Django's condition() decorator."""
    return page_key(request)


def cache_by_corpus_version(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a page's HTML from the cache while the corpus is unchanged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = f"page:{page_key(request)}"
        cached = cache.get(key)
        if cached is not None:
            content_type, body = cached
            return HttpResponse(body, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response["Content-Type"], response.content), CACHE_SECONDS)
        return response

    return wrapper
