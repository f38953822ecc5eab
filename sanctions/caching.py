"""Conditional GET for reader pages: an ETag that changes whenever the corpus does.

Every write to speeches, citations, claims, clauses and the rest is recorded
by django-simple-history, so the highest history id of each historical table
is a version number that only grows, deletions included. One query reads
them all; a browser or cache repeating a request with If-None-Match then gets
304 Not Modified without the page being built.
"""

import hashlib

from django.db import connection
from django.http import HttpRequest

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


def corpus_version() -> str:
    """The latest history id of every versioned table, in one query."""
    quote = connection.ops.quote_name
    # Table names come from the models, never from a request.
    columns = ", ".join(
        f"(SELECT MAX(history_id) FROM {quote(model.history.model._meta.db_table)})" for model in VERSIONED
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return "-".join(str(value or 0) for value in cursor.fetchone())


def page_etag(request: HttpRequest, *args: object, **kwargs: object) -> str:
    """An ETag for this URL, this corpus version, and full page or fragment."""
    target = request.headers.get("HX-Target", "")
    shape = f"fragment:{target}" if wants_fragment(request, target) else "page"
    key = f"{corpus_version()}|{request.get_full_path()}|{shape}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]
