"""Segmenter: parts, paragraphs, datelines, headings and sentence splitting."""

from pathlib import Path

import pytest

from speeches.segmenter import Segment, SegmentationError, segment_text

SEED = Path("/work/shared/seeds/000_941e9ab10adb1a98.txt")
if not SEED.exists():  # the project's own copy of the same seed
    SEED = Path(__file__).resolve().parents[2] / "seeds" / "speeches" / "000_941e9ab10adb1a98.txt"


def sentences(text: str) -> list[str]:
    return [segment.text for segment in segment_text(text)]


def assert_offsets_slice_back(text: str, segments: list[Segment]) -> None:
    for segment in segments:
        assert text[segment.start : segment.end] == segment.text
        assert segment.text == segment.text.strip()


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Segment]]:
    text = SEED.read_text(encoding="utf-8")
    return text, segment_text(text)


# Parts, paragraphs, positions


def test_part_break_line_starts_part_two_and_yields_no_segment():
    segments = segment_text("First part.\n###\nSecond part.")
    assert [(s.part, s.text) for s in segments] == [(1, "First part."), (2, "Second part.")]


def test_part_break_allows_surrounding_whitespace():
    segments = segment_text("One.\n   ###  \t\nTwo.")
    assert [s.part for s in segments] == [1, 2]


def test_paragraphs_and_positions_continue_across_parts():
    text = "A one. A two.\n\n\nB one.\n###\nC one. C two."
    segments = segment_text(text)
    assert [(s.part, s.paragraph, s.position) for s in segments] == [
        (1, 1, 1),
        (1, 1, 2),
        (1, 2, 3),
        (2, 3, 4),
        (2, 3, 5),
    ]


def test_crlf_and_cr_line_endings_keep_offsets_into_original_text():
    text = "Heading here\r\nFirst. Second.\r\rThird one.\r\n###\r\nFourth."
    segments = segment_text(text)
    assert [s.text for s in segments] == ["Heading here", "First.", "Second.", "Third one.", "Fourth."]
    assert [s.paragraph for s in segments] == [1, 2, 2, 3, 4]
    assert segments[-1].part == 2
    assert_offsets_slice_back(text, segments)


def test_leading_and_trailing_line_whitespace_is_not_part_of_segments():
    text = "   \t  Indented sentence.   Another one.  \n"
    segments = segment_text(text)
    assert [s.text for s in segments] == ["Indented sentence.", "Another one."]
    assert segments[0].start == 6
    assert_offsets_slice_back(text, segments)


# Datelines and headings


@pytest.mark.parametrize("line", ["December 18, 2024", "18 December 2024", "2024-12-18", "Dec. 18, 2024"])
def test_date_alone_on_a_line_is_a_dateline(line):
    [segment] = segment_text(line)
    assert segment.kind == "dateline"


def test_impossible_date_is_not_a_dateline():
    [segment] = segment_text("February 30, 2024")
    assert segment.kind == "heading"


def test_date_inside_a_sentence_is_not_a_dateline():
    [segment] = segment_text("On December 18, 2024 the Council met.")
    assert segment.kind == "sentence"


def test_short_line_without_final_punctuation_is_a_heading():
    [segment] = segment_text("Remarks at a UN Security Council Briefing")
    assert segment.kind == "heading"
    assert segment.text == "Remarks at a UN Security Council Briefing"


@pytest.mark.parametrize("line", ["Thank you.", "Why now?", "As follows:", "He said “enough.”"])
def test_short_line_with_final_punctuation_is_a_sentence(line):
    [segment] = segment_text(line)
    assert segment.kind == "sentence"


def test_long_line_without_final_punctuation_is_a_sentence():
    line = "This paragraph runs on for well over twelve words and simply forgets to end properly"
    [segment] = segment_text(line)
    assert segment.kind == "sentence"


def test_trailing_text_without_final_punctuation_is_still_a_sentence():
    segments = segment_text("We are here. And we stay")
    assert [(s.kind, s.text) for s in segments] == [("sentence", "We are here."), ("sentence", "And we stay")]


def test_short_heading_with_an_abbreviation_stays_a_heading():
    [segment] = segment_text("Statement by Amb. Thomas-Greenfield on the U.S. Position")
    assert segment.kind == "heading"


# Abbreviations


def test_abbreviation_mr_does_not_end_sentence():
    assert sentences("Thank you, Mr. Leff, for your briefing. Next.") == [
        "Thank you, Mr. Leff, for your briefing.",
        "Next.",
    ]


@pytest.mark.parametrize("title", ["Mrs.", "Ms.", "Dr.", "St.", "Amb.", "Gen.", "Lt."])
def test_titles_before_a_name_do_not_end_sentence(title):
    text = f"We met {title} Smith yesterday. She spoke."
    assert sentences(text) == [f"We met {title} Smith yesterday.", "She spoke."]


@pytest.mark.parametrize("acronym", ["U.S.", "U.K.", "U.N."])
def test_dotted_acronym_before_a_name_does_not_end_sentence(acronym):
    text = f"The {acronym} Government objects. It always has."
    assert sentences(text) == [f"The {acronym} Government objects.", "It always has."]


def test_sentence_final_us_before_a_new_sentence_splits_without_crashing():
    assert sentences("Troops came to the U.S. The visit was short.") == [
        "Troops came to the U.S.",
        "The visit was short.",
    ]


@pytest.mark.parametrize("latin", ["e.g.", "i.e."])
def test_latin_abbreviations_do_not_end_sentence(latin):
    text = f"Some states, {latin} Russia, refused. Others agreed."
    assert sentences(text) == [f"Some states, {latin} Russia, refused.", "Others agreed."]


def test_etc_mid_sentence_does_not_end_it():
    text = "Arms, ammunition, etc. and related materiel are banned. Full stop."
    assert sentences(text) == ["Arms, ammunition, etc. and related materiel are banned.", "Full stop."]


def test_etc_at_sentence_end_splits_before_capital():
    assert sentences("Arms, fuel, etc. The list is long.") == ["Arms, fuel, etc.", "The list is long."]


@pytest.mark.parametrize("abbreviation", ["No.", "Nos.", "para.", "Art.", "Dec."])
def test_abbreviations_before_a_number_do_not_end_sentence(abbreviation):
    text = f"See {abbreviation} 5 of the text. Then decide."
    assert sentences(text) == [f"See {abbreviation} 5 of the text.", "Then decide."]


def test_no_at_sentence_end_before_a_word_ends_sentence():
    assert sentences("The answer was No. Russia vetoed.") == ["The answer was No.", "Russia vetoed."]


def test_single_capital_initial_does_not_end_sentence():
    text = "We thank Jonah J. Leff of Conflict Armament Research. He briefed us."
    assert sentences(text) == ["We thank Jonah J. Leff of Conflict Armament Research.", "He briefed us."]


# Numbers


def test_numbers_with_decimals_units_and_separators_do_not_split():
    text = (
        "At least 6 million rounds, 170mm guns, a 500,000-barrel cap and 3.5 per cent growth "
        "breach S/RES/2270 (2016). That is clear."
    )
    assert sentences(text) == [
        "At least 6 million rounds, 170mm guns, a 500,000-barrel cap and 3.5 per cent growth breach S/RES/2270 (2016).",
        "That is clear.",
    ]


def test_sentence_ending_in_a_number_splits():
    assert sentences("It happened in 2024. 2025 will differ.") == ["It happened in 2024.", "2025 will differ."]


# Quotes, question and exclamation marks, ellipses, dashes, parentheses


def test_closing_straight_quote_after_full_stop_belongs_to_sentence():
    assert sentences('He said "no." Then he left.') == ['He said "no."', "Then he left."]


def test_closing_curly_quote_after_full_stop_belongs_to_sentence():
    assert sentences("She said “never.” We agreed.") == ["She said “never.”", "We agreed."]


def test_opening_quote_starts_next_sentence():
    assert sentences("He paused. “Enough,” he said.") == ["He paused.", "“Enough,” he said."]


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Why now? Because it matters! We act.") == ["Why now?", "Because it matters!", "We act."]


def test_question_mark_inside_quote_before_lowercase_does_not_split():
    assert sentences("“Why?” he asked. Nobody knew.") == ["“Why?” he asked.", "Nobody knew."]


@pytest.mark.parametrize("ellipsis", ["...", "…"])
def test_ellipsis_before_lowercase_continues_the_sentence(ellipsis):
    text = f"We waited{ellipsis} and waited. Nothing came."
    assert sentences(text) == [f"We waited{ellipsis} and waited.", "Nothing came."]


@pytest.mark.parametrize("ellipsis", ["...", "…"])
def test_ellipsis_before_capital_ends_the_sentence(ellipsis):
    assert sentences(f"We waited{ellipsis} Nothing came.") == [f"We waited{ellipsis}", "Nothing came."]


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_dashes_never_split(dash):
    text = f"They breached the cap {dash} as we have seen {dash} again. Yes."
    assert sentences(text) == [f"They breached the cap {dash} as we have seen {dash} again.", "Yes."]


def test_full_stop_inside_parentheses_keeps_the_bracket():
    text = "The panel reported (see annex 5.) Russia objected."
    assert sentences(text) == ["The panel reported (see annex 5.)", "Russia objected."]


def test_parenthetical_abbreviation_does_not_split():
    text = "The Council (incl. the U.S. delegation) voted. It passed."
    assert sentences(text) == ["The Council (incl. the U.S. delegation) voted.", "It passed."]


def test_no_sentence_starts_with_whitespace():
    text = "One.    Two.\t\tThree."
    segments = segment_text(text)
    assert [s.text for s in segments] == ["One.", "Two.", "Three."]
    assert_offsets_slice_back(text, segments)


# Errors


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n"])
def test_empty_or_whitespace_only_text_is_rejected(text):
    with pytest.raises(SegmentationError) as error:
        segment_text(text)
    assert error.value.line == 1


def test_text_starting_with_part_break_is_rejected_naming_the_line():
    with pytest.raises(SegmentationError) as error:
        segment_text("\n###\nText.")
    assert error.value.line == 2
    assert "line 2" in str(error.value)


def test_two_part_breaks_in_a_row_are_rejected_naming_the_first():
    with pytest.raises(SegmentationError) as error:
        segment_text("One.\n###\n\n###\nTwo.")
    assert error.value.line == 2
    assert "line 2" in str(error.value)


def test_part_break_at_the_end_is_rejected():
    with pytest.raises(SegmentationError) as error:
        segment_text("One.\n###\n")
    assert error.value.line == 2


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0c", "\x7f", "\x85"])
def test_control_character_is_rejected_naming_its_line(char):
    with pytest.raises(SegmentationError) as error:
        segment_text(f"Fine.\r\nAlso fine.\r\nBroken{char} here.")
    assert error.value.line == 3
    assert "line 3" in str(error.value)


def test_segmentation_error_is_a_value_error():
    with pytest.raises(ValueError):
        segment_text("")


def test_tabs_are_allowed():
    assert sentences("Tab\tseparated words.") == ["Tab\tseparated words."]


# The seed speech


def test_seed_offsets_slice_back(seed):
    text, segments = seed
    assert_offsets_slice_back(text, segments)


def test_seed_has_two_parts(seed):
    _, segments = seed
    assert sorted({s.part for s in segments}) == [1, 2]


def test_seed_date_line_is_a_dateline(seed):
    _, segments = seed
    assert (segments[0].kind, segments[0].text) == ("dateline", "December 18, 2024")
    assert [s.kind for s in segments].count("dateline") == 1


def test_seed_thanks_to_briefers_is_one_sentence(seed):
    _, segments = seed
    assert segments[1].text == "Thank you, Under-Secretary-General DiCarlo and Mr. Leff, for your briefings."
    assert segments[1].kind == "sentence"


def test_seed_part_break_line_produces_no_segment(seed):
    _, segments = seed
    assert all("###" not in s.text for s in segments)
    assert segments[-1].paragraph == 41  # 42 lines, of which one is ###


def test_seed_last_sentence_is_in_part_two(seed):
    _, segments = seed
    last = segments[-1]
    assert (last.part, last.kind, last.text) == (2, "sentence", "So, I thank you very much.")


def test_seed_sentence_count_matches_a_reading(seed):
    # Counted by reading: 62 sentences in the statement, 6 in the reply.
    _, segments = seed
    counts = {part: sum(1 for s in segments if s.part == part and s.kind == "sentence") for part in (1, 2)}
    assert counts == {1: 62, 2: 6}
    assert len(segments) == 69


def test_seed_positions_are_consecutive(seed):
    _, segments = seed
    assert [s.position for s in segments] == list(range(1, len(segments) + 1))
