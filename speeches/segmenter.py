"""Split a speech's plain text into parts, paragraphs and sentences.

The text format is the one curators paste and seed files hold: one paragraph
per line (blank lines allowed), an optional date line and short headings, and
a line holding only ``###`` wherever a new part (say, a right of reply)
begins. Every segment carries character offsets into the text exactly as
given, so ``text[segment.start:segment.end] == segment.text`` always holds,
whatever line endings the text uses.

Sentence splitting is rule based rather than statistical: the speeches are
formal, edited prose, and rules keep the result predictable, which matters
because sentences are permalinked and cited.
"""

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Segment", "SegmentationError", "segment_text"]

SENTENCE = "sentence"
HEADING = "heading"
DATELINE = "dateline"

PART_BREAK = "###"
HEADING_MAX_WORDS = 12

# Characters besides whitespace that may pad a line; a byte order mark is
# invisible and often left at the start of files saved on Windows.
_PADDING = "\ufeff"

# Unicode category Cc, less tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
]

# A candidate sentence end: terminal punctuation, any closing quotes or
# brackets glued to it, then the whitespace before the next sentence.
_BOUNDARY = re.compile(r"(?:\.\.\.|[.!?…])+[\"'”’»)\]]*(?=\s+\S)")
_SPACE = re.compile(r"\s+")
_OPENERS = "\"'“‘«([¿¡"
_TERMINAL = re.compile(r"(?:\.\.\.|[.!?:;…])[\"'”’»)\]]*$")

# Words that, followed by a full stop, never end a sentence: titles always
# precede a name, and the Latin abbreviations always precede what they
# introduce.
_TITLES = frozenset(
    "mr mrs ms messrs mmes mme mlle dr prof st amb gen lt col maj capt cmdr adm "
    "sgt brig gov sen rep hon rev pres fr sr jr e.g i.e cf viz vs".split()
)
# Abbreviations that stand before a number ("No. 5", "para. 8", "Dec. 18").
_BEFORE_NUMBER = frozenset(
    "no nos para paras art arts p pp vol fig ch sec op jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# After an ambiguous abbreviation (U.S., an initial) these words almost
# always begin a new sentence, while names and nouns almost never do.
_SENTENCE_STARTERS = frozenset(
    "the this that these those we i it he she they you our my his her their its "
    "there here but and so yet or as in on at for if when while after before "
    "today now then however moreover indeed finally also thank let".split()
)
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Segment:
    """One dateline, heading or sentence, with its place in the speech."""

    part: int
    paragraph: int
    position: int
    kind: str
    text: str
    start: int
    end: int


class SegmentationError(ValueError):
    """Text that cannot be a speech; `line` is the 1-based line at fault."""

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    start: int  # offsets of the line's content with padding stripped
    end: int


def segment_text(text: str) -> list[Segment]:
    """Split a speech's raw text into datelines, headings and sentences."""
    _reject_control_characters(text)
    lines = _content_lines(text)
    if not lines:
        raise SegmentationError("The text is empty (line 1): a speech needs at least one line of text.", line=1)

    segments: list[Segment] = []
    part, paragraph = 1, 0
    part_opened_on = 1
    part_has_text = False
    for line in lines:
        content = text[line.start : line.end]
        if content == PART_BREAK:
            if not part_has_text:
                # Part 1 opens with the text, so name the ### line itself.
                opened_on = line.number if part == 1 else part_opened_on
                raise _empty_part(part, opened_on=opened_on, break_line=line.number)
            part, part_opened_on, part_has_text = part + 1, line.number, False
            continue
        paragraph += 1
        part_has_text = True
        for kind, start, end in _split_paragraph(text, start=line.start, end=line.end):
            segments.append(
                Segment(
                    part=part,
                    paragraph=paragraph,
                    position=len(segments) + 1,
                    kind=kind,
                    text=text[start:end],
                    start=start,
                    end=end,
                )
            )
    if not part_has_text:
        raise _empty_part(part, opened_on=part_opened_on, break_line=None)
    return segments


def _empty_part(part: int, *, opened_on: int, break_line: int | None) -> SegmentationError:
    # Name the ### line that left a part empty: that is the line to fix.
    if part == 1:
        return SegmentationError(
            f"The text starts with '{PART_BREAK}' on line {opened_on}, so part 1 has no text.",
            line=opened_on,
        )
    follows = "the end of the text" if break_line is None else f"another '{PART_BREAK}' on line {break_line}"
    return SegmentationError(
        f"Part {part}, which starts with '{PART_BREAK}' on line {opened_on}, has no text before {follows}.",
        line=opened_on,
    )


def _reject_control_characters(text: str) -> None:
    # Tabs and line breaks are layout; any other control character (NUL,
    # form feed, C1 codes) means the text was pasted from a binary source.
    match = _CONTROL.search(text)
    if match is not None:
        line = _line_number(text, match.start())
        raise SegmentationError(
            f"Control character U+{ord(match.group()):04X} on line {line} is not allowed in a speech.",
            line=line,
        )


def _line_number(text: str, offset: int) -> int:
    before = text[:offset]
    return 1 + before.count("\n") + before.count("\r") - before.count("\r\n")


def _content_lines(text: str) -> list[_Line]:
    """The non-blank lines, each as the span of its content without padding."""
    lines: list[_Line] = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group()
        if not raw:
            break  # the empty match at the very end of the text
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        stripped = stripped.strip(_PADDING).strip()
        if not stripped:
            continue
        start = match.start() + body.index(stripped)
        lines.append(_Line(number=number, start=start, end=start + len(stripped)))
    return lines


def _split_paragraph(text: str, *, start: int, end: int) -> list[tuple[str, int, int]]:
    """The (kind, start, end) segments of one paragraph line."""
    content = text[start:end]
    if _is_dateline(content):
        return [(DATELINE, start, end)]
    spans = _sentence_spans(content)
    # "We are here. And we stay" is short and unpunctuated at the end, but
    # two sentences are never a heading.
    if len(spans) == 1 and _is_heading(content):
        return [(HEADING, start, end)]
    return [(SENTENCE, start + s, start + e) for s, e in spans]


def _is_dateline(line: str) -> bool:
    for form in _DATE_FORMS:
        match = form.fullmatch(line)
        if match is None:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.casefold())
        if number is None:
            continue
        try:
            date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            continue  # "February 30, 2024" is not a date, so not a date line
        return True
    return False


def _is_heading(line: str) -> bool:
    return len(line.split()) <= HEADING_MAX_WORDS and _TERMINAL.search(line) is None


def _sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Offsets of each sentence within a paragraph that has no edge padding."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if not _ends_sentence(paragraph, match):
            continue
        spans.append((start, match.end()))
        start = match.end()
        start = _SPACE.match(paragraph, start).end()  # _BOUNDARY saw whitespace here
    spans.append((start, len(paragraph)))
    return spans


def _ends_sentence(paragraph: str, boundary: re.Match[str]) -> bool:
    """Whether the punctuation matched at `boundary` closes a sentence."""
    # A window past the whitespace is enough to see the next word, and keeps
    # long paragraphs linear.
    gap = _SPACE.match(paragraph, boundary.end())
    following = paragraph[gap.end() : gap.end() + 64] if gap else ""
    next_word = following.lstrip(_OPENERS)
    if not next_word or not _can_start_sentence(next_word[0]):
        return False  # "e.g. the", "etc. and", "... and then" run on
    punctuation = boundary.group()
    if not punctuation.startswith(".") or punctuation.startswith("..."):
        return True  # ? ! and ellipses before a capital end the sentence
    word = _word_before(paragraph, boundary.start())
    folded = word.casefold()
    if folded in _TITLES:
        return False
    if folded in _BEFORE_NUMBER and (next_word[0].isdigit() or next_word[0] == "("):
        return False
    if _DOTTED_ACRONYM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        # "U.S. Government" and "Jonah J. Leff" run on; "the U.S. We" does not.
        return _first_word(next_word).casefold() in _SENTENCE_STARTERS
    return True


def _can_start_sentence(char: str) -> bool:
    return char.isdigit() or (char.isalpha() and not char.islower())


def _word_before(paragraph: str, offset: int) -> str:
    """The word ending at `offset`, without any opening quotes or brackets."""
    # A window is enough to hold any word, and keeps long paragraphs linear.
    words = paragraph[max(0, offset - 64) : offset].rsplit(maxsplit=1)
    return words[-1].lstrip(_OPENERS) if words else ""


def _first_word(text: str) -> str:
    match = re.match(r"[^\W_]+", text)
    return match.group() if match else ""
