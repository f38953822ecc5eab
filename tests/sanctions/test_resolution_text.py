"""parse_resolution_text: clauses, eIds, labels, verbs and errors that name the line.

The resolution text here is invented (garden gnomes), shaped like the real thing.
"""

import pytest

from sanctions.resolution_text import (
    ParsedClause,
    ResolutionTextError,
    declared_resolution_number,
    parse_resolution_text,
    verb_phrase,
)

GNOMES = """\
Resolution 4242 (2031)
Adopted by the Security Council at its 9999th meeting, on 1 April
2031

The Security Council,

Recalling its earlier decisions on the ornamental garden trade,

Gravely concerned at the unlicensed export of garden gnomes from the
Republic of Gnomeland,

Acting under the terms of its own invention,

1. Decides that all States shall prevent the export of garden gnomes,
whether painted or unpainted;

2. Calls upon all States to inspect cargo bound for Gnomeland, including:
(a) wheelbarrows and their spare wheels;
(b) birdbaths, in particular:
(i) birdbaths of stone;
(ii) birdbaths of plastic;
(c) trellises;

3. Decides to remain actively seized of the matter.
"""


def clauses_by_eid(text: str) -> dict[str, ParsedClause]:
    return {clause.eid: clause for clause in parse_resolution_text(text)}


def error_for(text: str) -> ResolutionTextError:
    with pytest.raises(ResolutionTextError) as caught:
        parse_resolution_text(text)
    return caught.value


def test_clauses_come_back_in_document_order():
    eids = [clause.eid for clause in parse_resolution_text(GNOMES)]
    assert eids == [
        "preamble__para_1",
        "preamble__para_2",
        "preamble__para_3",
        "para_1",
        "para_2",
        "para_2__subpara_a",
        "para_2__subpara_b",
        "para_2__subpara_b__point_i",
        "para_2__subpara_b__point_ii",
        "para_2__subpara_c",
        "para_3",
    ]


def test_header_lines_are_not_clauses():
    texts = [clause.text for clause in parse_resolution_text(GNOMES)]
    assert not any("Adopted" in text or "The Security Council" in text or "2031" in text for text in texts)


def test_preambular_paragraphs_get_pp_labels_and_their_opening_words():
    clause = clauses_by_eid(GNOMES)["preamble__para_2"]
    assert clause.label == "PP 2"
    assert clause.kind == "preambular"
    assert clause.verb == "Gravely concerned"
    assert clause.parent_eid is None
    assert clause.line == 9


def test_wrapped_lines_are_joined_into_one_clause():
    assert clauses_by_eid(GNOMES)["preamble__para_2"].text == (
        "Gravely concerned at the unlicensed export of garden gnomes from the Republic of Gnomeland,"
    )
    assert clauses_by_eid(GNOMES)["para_1"].text == (
        "Decides that all States shall prevent the export of garden gnomes, whether painted or unpainted;"
    )


def test_capitalised_word_mid_sentence_does_not_open_a_preambular_paragraph():
    text = "Recalling the garden survey of the\nAdvising Committee on Gnomes,\n1. Decides to act.\n"
    clauses = parse_resolution_text(text)
    assert [clause.eid for clause in clauses] == ["preamble__para_1", "para_1"]
    assert clauses[0].text == "Recalling the garden survey of the Advising Committee on Gnomes,"


def test_operative_paragraph_has_number_label_verb_and_line():
    clause = clauses_by_eid(GNOMES)["para_1"]
    assert (clause.label, clause.kind, clause.verb, clause.line) == ("1", "operative", "Decides", 14)


def test_calls_upon_is_one_verb():
    assert clauses_by_eid(GNOMES)["para_2"].verb == "Calls upon"


@pytest.mark.parametrize(
    ("opening", "verb"),
    [
        ("Urges all States to count their gnomes;", "Urges"),
        ("Further decides that gnomes stay home;", "Further decides"),
        ("Strongly condemns the painting of gnomes;", "Strongly condemns"),
        ("Takes note of the gnome census;", "Takes note"),
    ],
)
def test_verb_phrase_takes_the_opening_verb(opening, verb):
    assert verb_phrase(opening) == verb


def test_subparagraph_has_parent_label_and_no_verb():
    clause = clauses_by_eid(GNOMES)["para_2__subpara_a"]
    assert clause.parent_eid == "para_2"
    assert clause.label == "2 (a)"
    assert clause.verb == ""
    assert clause.kind == "operative"
    assert clause.text == "wheelbarrows and their spare wheels;"


def test_point_belongs_to_its_subparagraph():
    clause = clauses_by_eid(GNOMES)["para_2__subpara_b__point_ii"]
    assert clause.parent_eid == "para_2__subpara_b"
    assert clause.label == "2 (b) (ii)"
    assert clause.text == "birdbaths of plastic;"


def test_letter_after_points_returns_to_the_subparagraph_level():
    clause = clauses_by_eid(GNOMES)["para_2__subpara_c"]
    assert clause.parent_eid == "para_2"


def test_i_after_h_is_the_letter_i():
    letters = "\n".join(f"({letter}) gnome rule {letter};" for letter in "abcdefghi")
    clauses = clauses_by_eid(f"1. Decides that:\n{letters}\n")
    assert "para_1__subpara_i" in clauses
    assert clauses["para_1__subpara_i"].parent_eid == "para_1"
    assert not any("point" in eid for eid in clauses)


def test_ii_after_i_after_h_is_reported_since_that_i_was_a_letter():
    # The rule is strict: "(i)" after "(h)" is the letter, so a list of points
    # under (h) cannot be told apart, and its "(ii)" fails loudly.
    text = "1. Decides that:\n" + "\n".join(f"({letter}) rule {letter};" for letter in "abcdefgh")
    text += "\n(i) first point of h;\n(ii) second point of h;\n"
    error = error_for(text)
    assert error.line == 11
    assert "expected (i)" in error.reason


def test_i_after_another_letter_opens_the_points():
    clauses = clauses_by_eid("1. Decides that:\n(a) gnomes:\n(i) stay put;\n")
    assert clauses["para_1__subpara_a__point_i"].parent_eid == "para_1__subpara_a"


def test_roman_v_continues_points_before_it_is_taken_as_a_letter():
    letters = "\n".join(f"({letter}) rule {letter};" for letter in "abcdefghijklmnopqrstu")
    points = "\n".join(f"({numeral}) point {numeral};" for numeral in ["i", "ii", "iii", "iv", "v"])
    clauses = clauses_by_eid(f"1. Decides that:\n{letters}\n{points}\n")
    assert "para_1__subpara_u__point_v" in clauses
    assert "para_1__subpara_v" not in clauses


def test_text_after_a_list_continues_the_last_item():
    clauses = parse_resolution_text("1. Decides that:\n(a) gnomes stay;\n(b) gnomes go;\nunless it rains;\n")
    assert clauses[-1].text == "gnomes go; unless it rains;"


def test_page_furniture_is_dropped_from_clause_text():
    clauses = parse_resolution_text("1. Decides that gnomes\n3/9\n31-04242\nstay at home.\n")
    assert clauses[0].text == "Decides that gnomes stay at home."


def test_text_without_header_or_preamble_parses():
    clauses = parse_resolution_text("1. Decides to remain actively seized of the matter.")
    assert [(clause.eid, clause.verb) for clause in clauses] == [("para_1", "Decides")]


def test_declared_resolution_number_reads_the_header():
    assert declared_resolution_number(GNOMES) == (4242, 1)
    assert declared_resolution_number("1. Decides to rest.") is None


@pytest.mark.parametrize("text", ["", "   \n\n  \n"])
def test_empty_text_is_an_error_on_line_1(text):
    error = error_for(text)
    assert error.line == 1
    assert "Line 1" in str(error)


def test_text_without_numbered_paragraph_is_an_error_at_its_end():
    error = error_for("The Security Council,\nRecalling its fondness for gnomes,\nNoting their hats,\n")
    assert error.line == 3
    assert "numbered" in error.reason


def test_skipped_paragraph_number_is_an_error_on_that_line():
    error = error_for("1. Decides one.\n2. Decides two.\n3. Decides three.\n5. Decides five.\n")
    assert error.line == 4
    assert "Line 4" in str(error)
    assert "skipping 4" in error.reason


def test_repeated_paragraph_number_is_an_error_on_that_line():
    error = error_for("1. Decides one.\n2. Decides two.\n2. Decides two again.\n")
    assert error.line == 3
    assert "repeats" in error.reason


def test_numbering_that_does_not_start_at_one_is_an_error():
    error = error_for("Noting the gnomes,\n2. Decides two.\n")
    assert error.line == 2


def test_subparagraph_before_any_paragraph_is_an_error():
    error = error_for("Recalling its gnome policy,\n(a) the first gnome;\n1. Decides one.\n")
    assert error.line == 2
    assert "before any numbered paragraph" in error.reason


def test_point_without_subparagraph_is_an_error():
    error = error_for("1. Decides that:\n(ii) gnomes rest;\n")
    assert error.line == 2
    assert "no lettered subparagraph" in error.reason


def test_letters_out_of_order_are_an_error():
    error = error_for("1. Decides that:\n(a) gnomes rest;\n(c) gnomes sleep;\n")
    assert error.line == 3
    assert "expected (b)" in error.reason


def test_repeated_letter_is_an_error():
    error = error_for("1. Decides that:\n(a) gnomes rest;\n(a) gnomes sleep;\n")
    assert error.line == 3
    assert "expected (b)" in error.reason


def test_points_out_of_order_are_an_error():
    error = error_for("1. Decides that:\n(a) gnomes:\n(i) rest;\n(iii) sleep;\n")
    assert error.line == 4
    assert "expected (ii)" in error.reason


def test_numbered_paragraph_with_no_text_is_an_error_on_its_line():
    error = error_for("1. Decides one.\n2.\n3. Decides three.\n")
    assert error.line == 2
    assert "paragraph 2 has no text" in error.reason


def test_numbered_paragraph_whose_text_wraps_to_the_next_line_is_accepted():
    clauses = parse_resolution_text("1.\nDecides that gnomes rest.\n")
    assert (clauses[0].text, clauses[0].verb) == ("Decides that gnomes rest.", "Decides")


def test_error_is_a_value_error():
    assert issubclass(ResolutionTextError, ValueError)
