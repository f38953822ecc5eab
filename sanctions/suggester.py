"""Suggest the clauses a sentence most likely invokes, even when it names none.

Method: a BM25 ranking of each clause's own words (summary, key terms,
topics) against the sentence, with three pieces of domain knowledge on top:

- concept expansion: speeches say "munitions", "artillery rounds", "troops";
  clauses say "arms", "related materiel". A small lexicon of sanctions
  vocabulary maps the first onto the second (general knowledge of the field,
  written once, not fitted to any one speech);
- key-term phrases: a clause's key term found whole in the sentence ("refined
  petroleum", "500,000 barrels") is strong evidence;
- named resolutions: when the sentence or its paragraph names resolutions,
  their clauses are preferred over others.

Everything is computed in memory from the clauses given; no model, no
download, no database access. Ranking one sentence costs a few dictionary
look-ups per word, so a whole speech takes milliseconds.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .citations import find_citations

STOPWORDS = frozenset(
    """a about above after again against all also an and any are as at be because been before being
    below between both but by can could did do does doing down during each every few for from further
    had has have having he her here hers him his how i if in into is it its itself just let me more
    most my no nor not now of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your yours
    must may shall one two three us un member state states council resolution resolutions paragraph
    decides demands calls upon""".split()
)

# Words speeches use -> the words clauses use. Stems on both sides.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "munition": ("arm", "ammunition", "materiel"),
    "ammunition": ("arm", "materiel"),
    "artillery": ("arm", "artillery", "calibre"),
    "round": ("ammunition", "arm"),
    "shell": ("ammunition", "arm"),
    "weapon": ("arm",),
    "missile": ("missile", "ballistic", "arm"),
    "launcher": ("missile", "arm", "system"),
    "rocket": ("missile", "arm"),
    "tank": ("arm", "tank"),
    "air": ("aircraft",),
    "defense": ("defence", "arm", "missile"),
    "defence": ("arm", "missile"),
    "troop": ("military", "personnel", "arm"),
    "soldier": ("military", "personnel"),
    "force": ("military",),
    "train": ("training", "technical", "assistance"),
    "training": ("technical", "assistance"),
    "trainer": ("training",),
    "petroleum": ("petroleum", "refined", "oil"),
    "oil": ("petroleum", "crude"),
    "fuel": ("petroleum", "refined"),
    "barrel": ("petroleum", "barrel"),
    "cap": ("cap", "ceiling", "limit"),
    "dual": ("dual-use",),
    "dual-use": ("dual-use", "technology"),
    "technology": ("technology",),
    "equipment": ("item", "equipment"),
    "satellite": ("space", "aerospace", "technology"),
    "space": ("aerospace", "satellite", "technology"),
    "nuclear": ("nuclear",),
    "denuclearize": ("nuclear", "abandon"),
    "denuclearization": ("nuclear", "abandon"),
    "expert": ("panel", "expert"),
    "panel": ("panel", "expert"),
    "investigation": ("panel", "information", "violation"),
    "worker": ("national", "earning", "income"),
    "laborer": ("national", "earning", "income"),
    "coal": ("coal",),
    "ship": ("vessel",),
    "tanker": ("vessel", "petroleum"),
    "luxury": ("luxury",),
    "transfer": ("supply", "transfer", "sale"),
    "sent": ("supply", "transfer"),
    "send": ("supply", "transfer"),
    "provide": ("supply", "provide"),
    "sell": ("sale", "supply"),
    "receive": ("procurement", "procure"),
    "import": ("procurement", "procure"),
    "buy": ("procurement", "procure"),
    "export": ("export", "supply"),
}


def _stemmed_concepts() -> dict[str, tuple[str, ...]]:
    return {
        stem(word): tuple(dict.fromkeys(stem(concept) for concept in concepts)) for word, concepts in CONCEPTS.items()
    }


BM25_K1 = 1.4
BM25_B = 0.6
EXPANSION_WEIGHT = 0.45
KEY_TERM_BONUS = 2.5
NAMED_RESOLUTION_BOOST = 1.6
UNNAMED_RESOLUTION_DAMPING = 0.75
# Raw scores map to 0..1 as s / (s + SCALE): about 0.5 for a solid match.
SCALE = 6.0
# Below this score a suggestion is more noise than help (see bench/suggester.py).
SUGGESTION_THRESHOLD = 0.35


def stem(word: str) -> str:
    """A light English stemmer: enough to match 'transfers', 'transferred'."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stemmed = word[: -len(suffix)] + keep
            if suffix == "es" and not stemmed.endswith(("s", "x", "z", "ch", "sh")):
                stemmed = word[:-1]
            return stemmed
    return word


def words(text: str) -> list[str]:
    """Stemmed content words of a text; numbers kept without separators."""
    tokens = re.findall(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'’-]*", text)
    result = []
    for token in tokens:
        if token[0].isdigit():
            result.append(token.replace(",", ""))
            continue
        for part in token.split("-") if token.lower() != "dual-use" else [token]:
            if part and part.lower() not in STOPWORDS and len(part) > 1:
                result.append(stem(part))
    return result


STEMMED_CONCEPTS = _stemmed_concepts()


@dataclass(frozen=True)
class ClauseProfile:
    """What the suggester knows of a clause."""

    resolution: int
    eid: str
    label: str
    summary: str
    key_terms: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    resolution: int
    eid: str
    score: float
    reasons: tuple[str, ...] = field(default=())


class Suggester:
    """Ranks clauses for sentences; build once per set of clauses."""

    def __init__(self, clauses: Iterable[ClauseProfile]) -> None:
        self.clauses = list(clauses)
        self.documents: list[Counter[str]] = []
        self.phrases: list[list[tuple[str, tuple[str, ...]]]] = []
        document_frequency: Counter[str] = Counter()
        for clause in self.clauses:
            terms = Counter(words(clause.summary))
            for text in (*clause.key_terms, *clause.topics):
                for word in words(text):
                    terms[word] += 2  # key terms and topics say what the clause is about
            self.documents.append(terms)
            document_frequency.update(terms.keys())
            self.phrases.append([(term, tuple(words(term))) for term in clause.key_terms if len(words(term)) >= 1])
        count = max(len(self.clauses), 1)
        self.idf = {term: math.log(1 + (count - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()}
        lengths = [sum(doc.values()) for doc in self.documents] or [1]
        self.average_length = sum(lengths) / len(lengths)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, doc in enumerate(self.documents):
            for term in doc:
                self.postings[term].append(index)

    def _bm25(self, index: int, term: str) -> float:
        doc = self.documents[index]
        frequency = doc[term]
        length = sum(doc.values())
        norm = frequency * (BM25_K1 + 1) / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / self.average_length))
        return self.idf.get(term, 0.0) * norm

    def suggest(self, sentence: str, *, context: str = "", limit: int = 3, minimum: float = 0.0) -> list[Suggestion]:
        """The `limit` best clauses for a sentence, best first, scored 0..1.

        `context` is the surrounding paragraph: resolutions it names count too.
        """
        query = Counter(words(sentence))
        expanded: Counter[str] = Counter()
        for term in query:
            for concept in STEMMED_CONCEPTS.get(term, ()):
                if concept not in query:
                    expanded[concept] += 1
        named = {found.resolution for found in find_citations(f"{sentence}\n{context}")}

        raw: dict[int, float] = defaultdict(float)
        reasons: dict[int, list[str]] = defaultdict(list)
        for weight, terms in ((1.0, query), (EXPANSION_WEIGHT, expanded)):
            for term in terms:
                for index in self.postings.get(term, ()):
                    raw[index] += weight * self._bm25(index, term)
        sentence_words = words(sentence)
        for index, phrases in enumerate(self.phrases):
            for term, phrase in phrases:
                if phrase and _contains(sentence_words, phrase):
                    raw[index] += KEY_TERM_BONUS * len(phrase)
                    reasons[index].append(f"key term “{term}”")
        if named:
            for index in list(raw):
                if self.clauses[index].resolution in named:
                    raw[index] *= NAMED_RESOLUTION_BOOST
                    reasons[index].append(f"resolution {self.clauses[index].resolution} is named")
                else:
                    raw[index] *= UNNAMED_RESOLUTION_DAMPING

        ranked = sorted(raw.items(), key=lambda item: (-item[1], item[0]))
        suggestions = []
        for index, value in ranked[:limit]:
            score = round(value / (value + SCALE), 3)
            if score < minimum:
                break
            clause = self.clauses[index]
            suggestions.append(Suggestion(clause.resolution, clause.eid, score, tuple(reasons[index])))
        return suggestions


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    size = len(needle)
    return any(tuple(haystack[i : i + size]) == tuple(needle) for i in range(len(haystack) - size + 1))
