"""Search over sentences, clauses and claims, with highlighted matches.

Sentences are found by full-text search (speeches/fulltext.py: stemmed, ranked);
clauses and claims, a few hundred curated rows, by every query word appearing.
Highlights are computed as (text, is_match) segments so templates escape all
text and never build HTML by hand.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q

from speeches.fulltext import sentence_ids_matching
from speeches.models import Sentence

from .models import Claim, Clause

MAX_WORDS = 8
RESULTS_PER_KIND = 20


def query_words(query: str) -> list[str]:
    """The distinct words of a query, longest first so highlights prefer them."""
    words = {word.casefold() for word in re.findall(r"\w[\w'’-]*", query)}
    return sorted(words, key=len, reverse=True)[:MAX_WORDS]


def highlight(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """Split text into (segment, matched) pairs for the query words."""
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    segments: list[tuple[str, bool]] = []
    cursor = 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            segments.append((text[cursor : match.start()], False))
        segments.append((match.group(), True))
        cursor = match.end()
    if cursor < len(text):
        segments.append((text[cursor:], False))
    return segments


def all_words(fields: list[str], words: list[str]) -> Q:
    condition = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


@dataclass
class Hit:
    obj: object
    segments: list[tuple[str, bool]]


@dataclass
class SearchResults:
    query: str
    words: list[str] = field(default_factory=list)
    sentences: list[Hit] = field(default_factory=list)
    clauses: list[Hit] = field(default_factory=list)
    claims: list[Hit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.sentences) + len(self.clauses) + len(self.claims)


def search(query: str) -> SearchResults:
    """Find up to RESULTS_PER_KIND sentences, clauses and claims matching every word."""
    words = query_words(query)
    results = SearchResults(query=query, words=words)
    if not words:
        return results
    ids = sentence_ids_matching(query, limit=RESULTS_PER_KIND)
    # Results show a sentence with its speech's title and date: never load speech texts.
    found = Sentence.objects.select_related("speech").defer("speech__raw_text", "speech__summary").in_bulk(ids)
    sentences = [found[pk] for pk in ids]
    clauses = (
        Clause.objects.filter(all_words(["summary", "label", "official_text", "resolution__symbol"], words))
        .select_related("resolution")
        .only("eid", "label", "summary", "resolution__number", "resolution__symbol")
        .order_by("resolution__adopted_on", "position")[:RESULTS_PER_KIND]
    )
    claims = Claim.objects.filter(all_words(["title", "statement"], words)).order_by("title")[:RESULTS_PER_KIND]
    results.sentences = [Hit(s, highlight(s.text, words)) for s in sentences]
    results.clauses = [Hit(c, highlight(c.summary, words)) for c in clauses]
    results.claims = [Hit(c, highlight(c.statement, words)) for c in claims]
    return results
