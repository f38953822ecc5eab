"""Sentence anchors: the short, stable permalinks of a speech's sentences.

A sentence is addressed as ``/speeches/<slug>/s/<anchor>/``. The anchor is a
readable slug of the sentence's first significant words plus a short hash of
its normalised text, so it is URL-safe, deterministic across runs and
machines, and says something about the sentence it names.

When a curator edits a speech, sentences must keep their identity (their
rows, citations and claims) and old permalinks must keep working.
`plan_reanchoring` decides, for every sentence of the edited text, which old
sentence it continues (if any) and what anchor it has afterwards.
"""

import base64
import hashlib
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["AnchorPlan", "anchor_for", "assign_anchors", "normalise", "plan_reanchoring"]

SLUG_MAX_CHARS = 28
SLUG_MAX_WORDS = 4
HASH_CHARS = 4
EDIT_SIMILARITY = 0.6
# Used when a sentence has no ASCII letters or digits to make a slug from.
FALLBACK_SLUG = "s"

_SINGLE_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′`´"), "'")
_DOUBLE_QUOTES = dict.fromkeys(map(ord, "“”„‟″«»"), '"')
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-")
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")

# Words too common to tell sentences apart; leaving them out of the slug
# makes room for the words that do.
_STOPWORDS = frozenset(
    "a an the and or but nor so of to in on at by for from with as into onto "
    "is are was were be been being am it its this that these those there "
    "s t d ll m re ve".split()
)


@dataclass(frozen=True, slots=True)
class AnchorPlan:
    """What becomes of one sentence of the edited text."""

    new_index: int
    old_index: int | None
    anchor: str
    retired_anchor: str | None


def normalise(text: str) -> str:
    """Text reduced to what decides whether two sentences are the same."""
    text = unicodedata.normalize("NFKC", text)
    # Casefolding can produce characters that NFKC would compose differently.
    text = unicodedata.normalize("NFKC", text.casefold())
    text = text.translate(_SINGLE_QUOTES).translate(_DOUBLE_QUOTES).translate(_DASHES)
    return _WHITESPACE.sub(" ", text).strip()


def anchor_for(text: str) -> str:
    """The base anchor of a sentence: a slug of its first words plus a hash."""
    normalised = normalise(text)
    return f"{_slug(normalised)}-{_digest(normalised)}"


def assign_anchors(texts: Sequence[str]) -> list[str]:
    """Anchors for the sentences of a new speech, unique within it."""
    taken: set[str] = set()
    return [_claim(anchor_for(text), taken) for text in texts]


def plan_reanchoring(
    old: Sequence[tuple[str, str]],
    new_texts: Sequence[str],
    *,
    reserved: Collection[str] = (),
) -> tuple[list[AnchorPlan], list[int]]:
    """Plan the new sentences' identities and anchors; also list deleted old ones."""
    old_norm = [normalise(text) for _, text in old]
    new_norm = [normalise(text) for text in new_texts]
    exact = _match_exact(old_norm, new_norm)
    edits = _match_edits(old_norm, new_norm, exact)

    # Every old anchor stays taken: continued sentences keep or alias theirs,
    # deleted ones are retired but still answer their permalinks.
    taken = set(reserved) | {anchor for anchor, _ in old}
    plans = []
    for new_index, text in enumerate(new_texts):
        if new_index in exact:
            old_index = exact[new_index]
            plans.append(AnchorPlan(new_index, old_index, old[old_index][0], None))
            continue
        old_index = edits.get(new_index)
        base = anchor_for(text)
        if old_index is not None and base == old[old_index][0]:
            # A hash collision gave the edited text its own old anchor back.
            plans.append(AnchorPlan(new_index, old_index, base, None))
            continue
        anchor = _claim(base, taken)
        retired = old[old_index][0] if old_index is not None else None
        plans.append(AnchorPlan(new_index, old_index, anchor, retired))

    continued = set(exact.values()) | set(edits.values())
    deleted = [index for index in range(len(old)) if index not in continued]
    return plans, deleted


def _slug(normalised: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", normalised).encode("ascii", "ignore").decode()
    words = _WORD.findall(ascii_text)
    significant = [word for word in words if word not in _STOPWORDS] or words
    slug = ""
    for word in significant[:SLUG_MAX_WORDS]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX_CHARS:
            # A first word longer than the limit is cut; later ones are dropped.
            slug = slug or word[:SLUG_MAX_CHARS]
            break
        slug = candidate
    return slug or FALLBACK_SLUG


def _digest(normalised: str) -> str:
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:HASH_CHARS]


def _claim(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free first; marks it taken."""
    anchor, suffix = base, 1
    while anchor in taken:
        suffix += 1
        anchor = f"{base}-{suffix}"
    taken.add(anchor)
    return anchor


def _match_exact(old_norm: Sequence[str], new_norm: Sequence[str]) -> dict[int, int]:
    """new index -> old index for identical texts; repeats pair up in order."""
    waiting: defaultdict[str, deque[int]] = defaultdict(deque)
    for index, text in enumerate(old_norm):
        waiting[text].append(index)
    pairs = {}
    for index, text in enumerate(new_norm):
        if waiting[text]:
            pairs[index] = waiting[text].popleft()
    return pairs


def _match_edits(old_norm: Sequence[str], new_norm: Sequence[str], exact: dict[int, int]) -> dict[int, int]:
    """new index -> old index for edited sentences, among those left unmatched."""
    matcher = _EditMatcher(old_norm, new_norm)
    matcher.free_old -= set(exact.values())
    matcher.free_new -= set(exact)
    # First within each gap between sentences that stayed in order, where an
    # edit almost always sits; then anywhere, for sentences moved and edited.
    for old_gap, new_gap in _gaps(exact, len(old_norm), len(new_norm)):
        matcher.pair_best(olds=old_gap, news=new_gap)
    matcher.pair_best(olds=set(matcher.free_old), news=set(matcher.free_new))
    return matcher.pairs


def _gaps(exact: dict[int, int], old_count: int, new_count: int) -> Iterable[tuple[set[int], set[int]]]:
    """The (old, new) index ranges between consecutive in-order matches."""
    fences = [(-1, -1), *_in_order(exact), (old_count, new_count)]
    for (old_before, new_before), (old_after, new_after) in zip(fences, fences[1:], strict=False):
        yield set(range(old_before + 1, old_after)), set(range(new_before + 1, new_after))


def _in_order(exact: dict[int, int]) -> list[tuple[int, int]]:
    """The longest chain of (old, new) matches increasing in both orders."""
    pairs = sorted((old, new) for new, old in exact.items())
    # Longest increasing subsequence of new indexes, by patience sorting.
    tails: list[int] = []  # tails[k]: index into pairs ending a chain of length k+1
    parent: list[int | None] = [None] * len(pairs)
    for index, (_, new) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if pairs[tails[middle]][1] < new:
                low = middle + 1
            else:
                high = middle
        parent[index] = tails[low - 1] if low else None
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    chain: list[tuple[int, int]] = []
    cursor = tails[-1] if tails else None
    while cursor is not None:
        chain.append(pairs[cursor])
        cursor = parent[cursor]
    return chain[::-1]


class _EditMatcher:
    """Pairs unmatched old and new sentences by similarity, best pairs first."""

    def __init__(self, old_norm: Sequence[str], new_norm: Sequence[str]) -> None:
        self.old_norm = old_norm
        self.new_norm = new_norm
        self.free_old = set(range(len(old_norm)))
        self.free_new = set(range(len(new_norm)))
        self.pairs: dict[int, int] = {}
        # Both passes may score the same pair; comparing is the costly part.
        self.ratios: dict[tuple[int, int], float] = {}

    def pair_best(self, *, olds: set[int], news: set[int]) -> None:
        """Pair the most similar free candidates first, above the threshold."""
        scored = []
        for new_index in news & self.free_new:
            for old_index in olds & self.free_old:
                ratio = self.ratio(old_index, new_index)
                if ratio >= EDIT_SIMILARITY:
                    # Ties go to the pair nearest in position, then the earliest.
                    scored.append((-ratio, abs(old_index - new_index), new_index, old_index))
        for _, _, new_index, old_index in sorted(scored):
            if new_index in self.free_new and old_index in self.free_old:
                self.pairs[new_index] = old_index
                self.free_new.discard(new_index)
                self.free_old.discard(old_index)

    def ratio(self, old_index: int, new_index: int) -> float:
        key = (old_index, new_index)
        if key not in self.ratios:
            self.ratios[key] = _similarity(self.old_norm[old_index], self.new_norm[new_index])
        return self.ratios[key]


def _similarity(old: str, new: str) -> float:
    # autojunk would treat common letters in long sentences as noise.
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.real_quick_ratio() < EDIT_SIMILARITY or matcher.quick_ratio() < EDIT_SIMILARITY:
        return 0.0
    return matcher.ratio()
