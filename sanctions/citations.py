"""Find the Security Council resolutions a sentence cites explicitly.

"Explicit" means the text names the resolution by number: "resolution 1718
(2006)", "Resolutions 1718, 1874, and 2270", "S/RES/2270 (2016)",
"paragraph 8 (a) (ii) of resolution 1718", "resolution 2397, paragraph 5", or
one of the bodies the DPRK resolutions set up ("the 1718 Committee", "the
Panel of Experts"). A bare number is never a citation: it must be tied to one
of those words, so "1,000 troops", "2024" or "170mm" yield nothing.

Clauses are reported as AKN4UN eIds ("para_8__subpara_a__point_ii"), the
keys under which resolution clauses are stored. The finder knows nothing of
which resolutions exist: it reports what is written, and the caller decides.
"""

import re
from dataclasses import dataclass

__all__ = ["FoundCitation", "find_citations"]

RESOLUTION = "resolution"
PARAGRAPH = "paragraph"
COMMITTEE = "committee"
PANEL = "panel"

# The committee that oversees the DPRK sanctions was created by paragraph 12
# of resolution 1718 (2006); other committees are cited as whole resolutions.
COMMITTEE_CLAUSES = {1718: "para_12"}
# The DPRK Panel of Experts was established by paragraph 26 of resolution
# 1874 (2009).
PANEL_RESOLUTION = 1874
PANEL_CLAUSE = "para_26"

_YEAR = r"(?:\s*\(\s*(?:19|20)\d\d\s*\))?"
# Resolution numbers have at most four digits; "1,000" and "3.5" are not one.
_NUMBER = r"[1-9]\d{0,3}(?!\d|[.,]\d)"
_LATER_NUMBER = r"[1-9]\d{2,3}(?!\d|[.,]\d)"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"

_RESOLUTION_WORD = re.compile(r"\b(?:(?i:resolution)(?P<plural>s)?|UNSCR(?P<plural_acronym>s)?)\b")
_SYMBOL = re.compile(rf"\bS/RES/(?P<number>{_NUMBER}){_YEAR}")
_FIRST_NUMBER = re.compile(rf"\s+(?P<number>{_NUMBER}){_YEAR}")
_NEXT_NUMBER = re.compile(rf"{_SEPARATOR}(?P<number>{_LATER_NUMBER}){_YEAR}")

_PARAGRAPH_WORD = re.compile(r"\b(?:(?i:operative\s+)?(?i:(?:sub)?paragraphs?)|(?i:paras?)\.|OP\s?(?=\d))")
_PREAMBULAR = re.compile(r"(?i:preambular|preamble)\s+$")
_SUBDIVISION = r"\(\s*[A-Za-z]{1,4}\s*\)"
_PARAGRAPH_ITEMS = re.compile(
    rf"\s*\d{{1,3}}(?!\d)(?:\s*{_SUBDIVISION}){{0,2}}"
    rf"(?:{_SEPARATOR}(?:\d{{1,3}}(?!\d)(?:\s*{_SUBDIVISION}){{0,2}}|{_SUBDIVISION}(?:\s*{_SUBDIVISION})?))*"
)
_ITEM_TOKEN = re.compile(r"\d{1,3}|\(\s*([A-Za-z]{1,4})\s*\)|(?P<separator>,|\band\b|\bor\b|&)")
_OF_RESOLUTION = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:UN\s+|United\s+Nations\s+)?Security\s+Council\s+)?", re.IGNORECASE
)
_BEFORE_PARAGRAPH = re.compile(r"\s*,?\s*")

_COMMITTEE = re.compile(rf"(?<![\w/.,])(?P<number>{_LATER_NUMBER})\s+(?:(?i:sanctions)\s+)?(?i:committee)\b")
_PANEL = re.compile(r"\b(?i:panel\s+of\s+experts)\b")
# "the Panel" after a first mention; a capital and the article keep out
# lowercase "panel" and names like "the Panel on Climate Change".
_THE_PANEL = re.compile(r"\b[Tt]he\s+(?P<panel>Panel)\b(?!\s+(?:of|on|for)\b)(?!\s+[A-Z])")
_OTHER_COMMITTEE_BEFORE = re.compile(r"(?P<number>\d{3,4})\s+(?i:committee)(?:['’]s)?\s+(?:(?i:the)\s+)?$")


@dataclass(frozen=True, slots=True)
class FoundCitation:
    """One explicit mention of a resolution or one of its clauses."""

    resolution: int
    eid: str | None
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Reference:
    """A resolution number as written, with the span it occupies."""

    number: int
    start: int
    end: int


def find_citations(text: str) -> list[FoundCitation]:
    """Every explicit citation in `text`, sorted by where it starts."""
    if not isinstance(text, str) or not text:
        return []
    finder = _Finder(text)
    finder.paragraphs_of_resolutions()
    finder.resolutions_then_paragraphs()
    finder.committees()
    finder.resolutions()
    finder.panels()
    return finder.results()


class _Finder:
    """Collects citations, keeping each stretch of text to one reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[tuple[int, str | None, int, int], FoundCitation] = {}
        self.claimed: list[tuple[int, int]] = []

    def results(self) -> list[FoundCitation]:
        return sorted(self.found.values(), key=lambda c: (c.start, c.end, c.resolution, c.eid or ""))

    def add(self, *, resolution: int, eid: str | None, start: int, end: int, kind: str) -> None:
        citation = FoundCitation(resolution, eid, start, end, self.text[start:end], kind)
        self.found.setdefault((resolution, eid, start, end), citation)

    def claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))

    def is_claimed(self, start: int, end: int) -> bool:
        return any(start < claimed_end and claimed_start < end for claimed_start, claimed_end in self.claimed)

    def paragraphs_of_resolutions(self) -> None:
        """ "paragraph 8 (a) of resolution 1718 (2006)" and its lists."""
        for word in _PARAGRAPH_WORD.finditer(self.text):
            if _PREAMBULAR.search(self.text, max(0, word.start() - 20), word.start()):
                continue  # preambular paragraphs are not numbered clauses
            items = _PARAGRAPH_ITEMS.match(self.text, word.end())
            if items is None:
                continue
            of = _OF_RESOLUTION.match(self.text, items.end())
            if of is None:
                continue
            references = self._references_at(of.end())
            if not references or self.is_claimed(word.start(), references[-1].end):
                continue
            self._add_clauses(items.group(), references, start=word.start(), end=references[-1].end)

    def resolutions_then_paragraphs(self) -> None:
        """ "resolution 1718 (2006), paragraph 8 (c)"."""
        for word in _RESOLUTION_WORD.finditer(self.text):
            if word["plural"] or word["plural_acronym"]:
                continue  # "resolutions 1718 and 1874, paragraph 8" is ambiguous
            references = self._references_at(word.start())
            if not references:
                continue
            self._paragraph_after(references[0])
        for symbol in _SYMBOL.finditer(self.text):
            self._paragraph_after(_Reference(int(symbol["number"]), symbol.start(), symbol.end()))

    def committees(self) -> None:
        """ "the 1718 Committee"."""
        for match in _COMMITTEE.finditer(self.text):
            if self.is_claimed(match.start(), match.end()):
                continue
            number = int(match["number"])
            self.add(
                resolution=number,
                eid=COMMITTEE_CLAUSES.get(number),
                start=match.start(),
                end=match.end(),
                kind=COMMITTEE,
            )
            self.claim(match.start(), match.end())

    def resolutions(self) -> None:
        """Whole resolutions: "resolution 1718", "Resolutions 1718, 1874, and 2270", "S/RES/2270 (2016)"."""
        for word in _RESOLUTION_WORD.finditer(self.text):
            for reference in self._references_at(word.start()):
                self._add_resolution(reference)
        for symbol in _SYMBOL.finditer(self.text):
            self._add_resolution(_Reference(int(symbol["number"]), symbol.start(), symbol.end()))

    def panels(self) -> None:
        """ "the Panel of Experts" and, after it, "the Panel"."""
        spans = [match.span() for match in _PANEL.finditer(self.text)]
        spans += [match.span("panel") for match in _THE_PANEL.finditer(self.text)]
        for start, end in spans:
            if self._belongs_to_other_committee(start):
                continue
            self.add(resolution=PANEL_RESOLUTION, eid=PANEL_CLAUSE, start=start, end=end, kind=PANEL)

    def _belongs_to_other_committee(self, start: int) -> bool:
        # "the 1970 Committee Panel of Experts" is the Libya panel, not the DPRK one.
        before = _OTHER_COMMITTEE_BEFORE.search(self.text, max(0, start - 40), start)
        return before is not None and int(before["number"]) != 1718

    def _add_resolution(self, reference: _Reference) -> None:
        if self.is_claimed(reference.start, reference.end):
            return
        self.add(
            resolution=reference.number,
            eid=None,
            start=reference.start,
            end=reference.end,
            kind=RESOLUTION,
        )

    def _references_at(self, position: int) -> list[_Reference]:
        """The resolution numbers named by the keyword or symbol at `position`."""
        symbol = _SYMBOL.match(self.text, position)
        if symbol is not None:
            return [_Reference(int(symbol["number"]), symbol.start(), symbol.end())]
        word = _RESOLUTION_WORD.match(self.text, position)
        if word is None:
            return []
        first = _FIRST_NUMBER.match(self.text, word.end())
        if first is None:
            return []
        references = [_Reference(int(first["number"]), word.start(), first.end())]
        if not (word["plural"] or word["plural_acronym"]):
            return references  # "resolution 1718, 2006 was..." lists nothing
        cursor = first.end()
        while (following := _NEXT_NUMBER.match(self.text, cursor)) is not None:
            references.append(_Reference(int(following["number"]), following.start("number"), following.end()))
            cursor = following.end()
        return references

    def _paragraph_after(self, reference: _Reference) -> None:
        gap = _BEFORE_PARAGRAPH.match(self.text, reference.end)
        word = _PARAGRAPH_WORD.match(self.text, gap.end()) if gap else None
        if word is None:
            return
        items = _PARAGRAPH_ITEMS.match(self.text, word.end())
        if items is None or self.is_claimed(reference.start, items.end()):
            return
        self._add_clauses(items.group(), [reference], start=reference.start, end=items.end())

    def _add_clauses(self, items: str, references: list[_Reference], *, start: int, end: int) -> None:
        # The phrase as a whole names every clause in it, so each citation
        # spans the whole phrase.
        for reference in references:
            for eid in _clause_eids(items):
                self.add(resolution=reference.number, eid=eid, start=start, end=end, kind=PARAGRAPH)
        self.claim(start, end)


def _clause_eids(items: str) -> list[str]:
    """AKN4UN eIds of "8 (a) (ii), 9 and (b)"-style paragraph lists."""
    paths: list[list[str]] = []  # each: paragraph, then subparagraph, then point
    starts_item = True
    for token in _ITEM_TOKEN.finditer(items):
        if token["separator"]:
            starts_item = True
            continue
        if token.group().isdigit():
            paths.append([f"para_{int(token.group())}"])
        elif not paths:
            continue
        elif starts_item:
            # "(b)" in "8 (a) and (b)" is a sibling at the deepest level named.
            level = max(len(paths[-1]), 2)
            paths.append([*paths[-1][: level - 1], _subdivision(token[1], level=level)])
        elif len(paths[-1]) < 3:
            paths[-1].append(_subdivision(token[1], level=len(paths[-1]) + 1))
        starts_item = False
    return ["__".join(path) for path in paths]


def _subdivision(label: str, *, level: int) -> str:
    prefix = "subpara" if level == 2 else "point"
    return f"{prefix}_{label.lower()}"
