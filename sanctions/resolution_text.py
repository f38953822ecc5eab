"""Parse the plain text of a Security Council resolution into clauses.

The input is the text as published (copied from the PDF or the ODS page):
optional header lines, preambular paragraphs, then numbered operative
paragraphs with lettered subparagraphs and roman-numbered points. Each clause
comes back with its AKN4UN eId (`preamble__para_2`, `para_8__subpara_a__point_ii`),
the label people cite ("8 (a) (ii)"), its parent's eId and its text, in
document order. A line that does not open a new clause continues the one
before it, so wrapped text is joined back up.

Pure: no database, no Django. Text that cannot be a resolution raises
ResolutionTextError naming the 1-based line at fault.
"""

import re
from dataclasses import dataclass

PREAMBULAR = "preambular"
OPERATIVE = "operative"


class ResolutionTextError(ValueError):
    """Text that cannot be a resolution; `line` is the 1-based line at fault."""

    def __init__(self, reason: str, *, line: int) -> None:
        super().__init__(f"Line {line}: {reason}")
        self.reason = reason
        self.line = line


@dataclass(frozen=True, slots=True)
class ParsedClause:
    """One paragraph, subparagraph or point, as found in the text."""

    eid: str
    label: str
    parent_eid: str | None
    kind: str
    verb: str
    text: str
    line: int


# "12. Decides ..."; at most three digits so a wrapped line opening with a year
# ("2017. The ...") stays a continuation, and "2.5 tonnes" is not paragraph 2.
_NUMBERED = re.compile(r"(\d{1,3})\.(?!\d)\s*(.*)")
# "(a) ...", "(iv) ..."; the marker alone is enough, the text may follow later.
_MARKED = re.compile(r"\(([a-z]{1,6})\)\s*(.*)")
_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

# Lines above the first paragraph that name the document rather than open a
# clause. "Adopted" is listed because it would otherwise pass for a participle.
_HEADER = re.compile(
    r"(Adopted by the Security Council\b"
    r"|Resolution \d+"
    r"|S/RES/"
    r"|The Security Council\b"
    r"|United Nations\b"
    r"|Security Council\b"
    r"|Distr\.)",
    re.IGNORECASE,
)
# Page furniture repeated through a PDF (the symbol, "3/9", the job number
# "17-23152"): dropped wherever it stands so it never lands in a clause's text.
_PAGE_FURNITURE = re.compile(r"(S/RES/\d+ ?\(\d{4}\)|\d+/\d+|\d{2}-\d{5}(?: ?\([A-Z]\))?)")

# Words that open a preambular paragraph without being participles.
_PREAMBLE_ADJECTIVES = frozenset({"Mindful", "Aware", "Conscious", "Cognizant", "Cognisant", "Desirous", "Anxious"})
# Words that may stand before the verb ("Further decides", "Gravely concerned").
_ADVERBS = frozenset({"Further", "Also", "Again", "Still", "Moreover"})
# Capitalised words ending like participles that are names, not openers.
_NOT_OPENERS = frozenset({"United", "Beijing"})


def parse_resolution_text(text: str) -> list[ParsedClause]:
    """Split a resolution's plain text into its clauses, in document order."""
    return _Parser().parse(text)


def declared_resolution_number(text: str) -> tuple[int, int] | None:
    """The (number, line) of a "Resolution N (YYYY)" header line, if the text has one."""
    for number, raw in enumerate(text.splitlines(), start=1):
        match = re.fullmatch(r"Resolution (\d+) ?\(\d{4}\)", raw.strip(), re.IGNORECASE)
        if match is not None:
            return int(match.group(1)), number
    return None


def verb_phrase(text: str) -> str:
    """The opening verb or participle of a paragraph: "Decides", "Calls upon", "Gravely concerned"."""
    words = re.findall(r"[A-Za-z]+", text[:80])
    if not words:
        return ""
    phrase = [words[0]]
    rest = words[1:]
    if (words[0] in _ADVERBS or words[0].endswith("ly")) and rest and rest[0].islower():
        phrase.append(rest.pop(0))
    # "Calls upon" and "Takes note" are one verb in the Council's usage.
    if phrase[-1].lower() == "calls" and rest and rest[0] in {"upon", "on"}:
        phrase.append(rest[0])
    elif phrase[-1].lower() == "takes" and rest and rest[0] == "note":
        phrase.append(rest[0])
    return " ".join(phrase)


def _is_preamble_opener(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line[:60])
    if not words or not words[0][0].isupper():
        return False
    head = words[0]
    if (head in _ADVERBS or head.endswith("ly")) and len(words) > 1 and words[1].islower():
        head = words[1].capitalize()
    if head in _NOT_OPENERS:
        return False
    # Six letters at least, so "Red" (Cross) or "King" never pass for "Noting".
    return head in _PREAMBLE_ADJECTIVES or (len(head) >= 6 and head.endswith(("ing", "ed")))


def _roman_value(marker: str) -> int | None:
    if not marker or _ROMAN.fullmatch(marker) is None:
        return None
    total = 0
    for here, after in zip(marker, marker[1:] + " ", strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after != " " and _ROMAN_VALUES[after] > value else value
    return total


def _roman(value: int) -> str:
    numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")]
    numerals += [(40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for size, numeral in numerals:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


@dataclass(slots=True)
class _Open:
    """A clause still collecting wrapped lines."""

    eid: str
    label: str
    parent_eid: str | None
    kind: str
    line: int
    is_paragraph: bool
    parts: list[str]


class _Parser:
    def __init__(self) -> None:
        self.clauses: list[ParsedClause] = []
        self.current: _Open | None = None
        self.preamble_count = 0
        self.paragraph: int | None = None  # number of the open operative paragraph
        self.letter: str | None = None  # last subparagraph letter in that paragraph
        self.point: int = 0  # last point value in that subparagraph

    def parse(self, text: str) -> list[ParsedClause]:
        lines = text.splitlines()
        if not text.strip():
            raise ResolutionTextError("the text is empty: a resolution needs at least one numbered paragraph.", line=1)
        for number, raw in enumerate(lines, start=1):
            line = raw.strip()
            if not line or _PAGE_FURNITURE.fullmatch(line):
                continue
            self.read(line, number)
        self.close()
        if self.paragraph is None:
            last = max(number for number, raw in enumerate(lines, start=1) if raw.strip())
            raise ResolutionTextError(
                'no numbered operative paragraph ("1. Decides ...") was found by the end of the text.', line=last
            )
        return self.clauses

    def read(self, line: str, number: int) -> None:
        numbered = _NUMBERED.fullmatch(line)
        if numbered is not None:
            self.open_paragraph(int(numbered.group(1)), numbered.group(2), number)
            return
        marked = _MARKED.fullmatch(line)
        # Any "(a)" or "(iv)" at the start of a line opens a clause, even where
        # it might be a wrapped "paragraph 8 (a)": a wrong guess then fails the
        # letter-order check loudly instead of merging two clauses silently.
        if marked is not None and (len(marked.group(1)) == 1 or _roman_value(marked.group(1))):
            self.open_marked(marked.group(1), marked.group(2), number)
            return
        if self.paragraph is None and _is_preamble_opener(line) and self.at_paragraph_break():
            if self.current is not None or not _HEADER.match(line):
                self.open_preamble(line, number)
                return
        if self.current is None:
            return  # a header line, or a wrapped header line: not part of any clause
        self.current.parts.append(line)

    def at_paragraph_break(self) -> bool:
        # A preambular paragraph ends with a comma; one wrapped mid-sentence
        # does not, so a capitalised word on the next line stays inside it.
        if self.current is None or not self.current.parts:
            return True
        return self.current.parts[-1].endswith((",", ";", ".", ":"))

    def open_preamble(self, line: str, number: int) -> None:
        self.close()
        self.preamble_count += 1
        n = self.preamble_count
        self.current = _Open(f"preamble__para_{n}", f"PP {n}", None, PREAMBULAR, number, True, [line])

    def open_paragraph(self, n: int, text: str, number: int) -> None:
        expected = 1 if self.paragraph is None else self.paragraph + 1
        if n != expected:
            if self.paragraph is None:
                reason = f"the first operative paragraph is numbered {n}; expected 1."
            elif n <= self.paragraph:
                reason = f"paragraph {n} repeats or goes back after paragraph {self.paragraph}; expected {expected}."
            else:
                reason = f"paragraph {n} follows paragraph {self.paragraph}, skipping {expected}."
            raise ResolutionTextError(reason, line=number)
        self.close()
        self.paragraph, self.letter, self.point = n, None, 0
        self.current = _Open(f"para_{n}", str(n), None, OPERATIVE, number, True, [text] if text else [])

    def open_marked(self, marker: str, text: str, number: int) -> None:
        roman = _roman_value(marker)
        is_letter = len(marker) == 1
        if self.paragraph is None:
            what = "subparagraph" if is_letter and marker != "i" else "point"
            reason = f"{what} ({marker}) comes before any numbered paragraph it could belong to."
            raise ResolutionTextError(reason, line=number)
        next_letter = "a" if self.letter is None else chr(ord(self.letter) + 1)
        continues_letters = is_letter and marker == next_letter
        continues_points = roman is not None and self.letter is not None and roman == self.point + 1
        # "(i)" after "(h)" is the letter i; anywhere else it opens a list of
        # points. Likewise "(v)" or "(x)" continue a running list of points
        # before they are taken as the next letter.
        if continues_letters and continues_points:
            take_letter = self.point == 0
        else:
            take_letter = continues_letters
        if take_letter:
            self.open_subparagraph(marker, text, number)
        elif continues_points:
            self.open_point(roman, text, number)
        else:
            raise self.misplaced(marker, roman=roman, next_letter=next_letter, line=number)

    def misplaced(self, marker: str, *, roman: int | None, next_letter: str, line: int) -> ResolutionTextError:
        is_letter = len(marker) == 1
        if roman is not None and self.letter is None and (not is_letter or marker == "i"):
            reason = f"point ({marker}) in paragraph {self.paragraph} has no lettered subparagraph to belong to."
        elif is_letter and not (roman is not None and self.point > 0):
            reason = f"subparagraph ({marker}) is out of order in paragraph {self.paragraph}; expected ({next_letter})."
        else:
            expected = _roman(self.point + 1)
            reason = f"point ({marker}) is out of order in {self.paragraph} ({self.letter}); expected ({expected})."
        return ResolutionTextError(reason, line=line)

    def open_subparagraph(self, letter: str, text: str, number: int) -> None:
        self.close()
        self.letter, self.point = letter, 0
        parent = f"para_{self.paragraph}"
        self.current = _Open(
            f"{parent}__subpara_{letter}",
            f"{self.paragraph} ({letter})",
            parent,
            OPERATIVE,
            number,
            False,
            [text] if text else [],
        )

    def open_point(self, value: int, text: str, number: int) -> None:
        self.close()
        self.point = value
        numeral = _roman(value)
        parent = f"para_{self.paragraph}__subpara_{self.letter}"
        self.current = _Open(
            f"{parent}__point_{numeral}",
            f"{self.paragraph} ({self.letter}) ({numeral})",
            parent,
            OPERATIVE,
            number,
            False,
            [text] if text else [],
        )

    def close(self) -> None:
        if self.current is None:
            return
        opened, self.current = self.current, None
        text = " ".join(opened.parts)
        if not text:
            raise ResolutionTextError(f"{_describe(opened)} has no text.", line=opened.line)
        verb = verb_phrase(text) if opened.is_paragraph else ""
        self.clauses.append(
            ParsedClause(
                eid=opened.eid,
                label=opened.label,
                parent_eid=opened.parent_eid,
                kind=opened.kind,
                verb=verb,
                text=text,
                line=opened.line,
            )
        )


def _describe(clause: _Open) -> str:
    if clause.kind == PREAMBULAR:
        return f"preambular paragraph {clause.label.removeprefix('PP ')}"
    return ("paragraph", "subparagraph", "point")[clause.eid.count("__")] + f" {clause.label}"
