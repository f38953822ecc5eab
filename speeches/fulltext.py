"""Full-text search over current sentences, behind one function.

SQLite uses the FTS5 table the migrations keep in step; PostgreSQL uses
to_tsvector with its GIN index. Both stem English words, so "transfers"
finds "transferred", and rank by relevance (bm25 / ts_rank).

Ranking means scoring every match, which is slow for very common words in a
large corpus. So each search first asks the index for at most RANK_AT_MOST + 1
matches, unranked (cheap: it stops early). If there are more, the query is too
common to rank and the first `limit` matches come back in index order; a
reader can always add a word to narrow it.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection

from .models import Sentence

WORD = re.compile(r"\w+", re.UNICODE)
RANK_AT_MOST = 2000


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word, each quoted so no
    user input is read as FTS5 syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def sentence_ids_matching(query: str, *, limit: int) -> list[int]:
    """Ids of current sentences containing every word of `query`, best first."""
    words = WORD.findall(query)
    if not words:
        return []
    if connection.vendor == "sqlite":
        return _sqlite(words, limit)
    if connection.vendor == "postgresql":
        return _postgresql(" ".join(words), limit)
    return list(Sentence.objects.current().filter(text__icontains=query).values_list("pk", flat=True)[:limit])


def _sqlite(words: list[str], limit: int) -> list[int]:
    # The FTS5 index holds current sentences only (migration 0004), so
    # neither query goes back to the sentence table.
    match = fts5_query(words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM speeches_sentence_fts WHERE speeches_sentence_fts MATCH %s LIMIT %s",
            [match, RANK_AT_MOST + 1],
        )
        unranked = [row[0] for row in cursor.fetchall()]
        if len(unranked) <= limit or len(unranked) > RANK_AT_MOST:
            return unranked[:limit]
        cursor.execute(
            """
            SELECT rowid FROM speeches_sentence_fts WHERE speeches_sentence_fts MATCH %s
            ORDER BY bm25(speeches_sentence_fts), rowid
            LIMIT %s
            """,
            [match, limit],
        )
        return [row[0] for row in cursor.fetchall()]


def _postgresql(text: str, limit: int) -> list[int]:
    vector = SearchVector("text", config="english")
    search = SearchQuery(text, config="english", search_type="plain")
    matches = Sentence.objects.current().annotate(document=vector).filter(document=search)
    # order_by(): without it the model's ordering joins every match to its
    # speech and sorts them all, which is what the unranked path avoids.
    unranked = list(matches.order_by().values_list("pk", flat=True)[: RANK_AT_MOST + 1])
    if len(unranked) <= limit or len(unranked) > RANK_AT_MOST:
        return unranked[:limit]
    return list(
        matches.annotate(rank=SearchRank(vector, search)).order_by("-rank", "pk").values_list("pk", flat=True)[:limit]
    )
