"""Explicit citation finder: resolutions, clauses, the 1718 Committee and its Panel."""

import random

import pytest

from sanctions.citations import FoundCitation, find_citations

SEED_RESOLUTIONS = (
    "Colleagues, Resolutions 1718, 1874, and 2270, collectively, prohibit UN Member States from "
    "receiving any arms, related materiel, arms training, or assistance from the DPRK or providing "
    "them to the DPRK."
)
SEED_PANEL = (
    "In vetoing the mandate renewal of the 1718 Committee Panel of Experts, Russia sought to prevent "
    "crucial, objective investigations into DPRK’s violations of Security Council resolutions."
)


def summary(text: str) -> list[tuple[int, str | None, str, str]]:
    """(resolution, eid, kind, span text) of each citation, checking spans slice back."""
    found = find_citations(text)
    for citation in found:
        assert text[citation.start : citation.end] == citation.text
    return [(c.resolution, c.eid, c.kind, c.text) for c in found]


# Whole resolutions


def test_resolution_with_year_spans_word_number_and_year():
    text = "It breaches resolution 1718 (2006) outright."
    [citation] = find_citations(text)
    assert citation == FoundCitation(1718, None, 12, 34, "resolution 1718 (2006)", "resolution")


def test_capitalised_resolution_without_year():
    assert summary("Under Resolution 1718 we act.") == [(1718, None, "resolution", "Resolution 1718")]


def test_resolution_list_gives_one_citation_per_number():
    text = "Resolutions 1718, 1874, and 2270 apply."
    assert [(c.resolution, c.start, c.end) for c in find_citations(text)] == [
        (1718, 0, 16),
        (1874, 18, 22),
        (2270, 28, 32),
    ]


def test_resolution_list_with_and_only():
    assert summary("See resolutions 2371 and 2375.") == [
        (2371, None, "resolution", "resolutions 2371"),
        (2375, None, "resolution", "2375"),
    ]


def test_resolution_list_spans_include_each_year():
    assert summary("resolutions 1718 (2006) and 1874 (2009)") == [
        (1718, None, "resolution", "resolutions 1718 (2006)"),
        (1874, None, "resolution", "1874 (2009)"),
    ]


@pytest.mark.parametrize("symbol", ["S/RES/2270 (2016)", "S/RES/2270(2016)", "S/RES/2270"])
def test_document_symbol_is_a_resolution_citation(symbol):
    text = f"As {symbol} requires."
    assert summary(text) == [(2270, None, "resolution", symbol)]
    assert find_citations(text)[0].start == 3


def test_unscr_acronym_lists_are_found():
    assert [c.resolution for c in find_citations("UNSCRs 2371, 2375 and 2397 cap oil.")] == [2371, 2375, 2397]


def test_unknown_resolution_number_is_reported():
    assert summary("resolution 9999 does not exist") == [(9999, None, "resolution", "resolution 9999")]


def test_singular_resolution_does_not_swallow_a_following_year():
    assert summary("Under resolution 1718, 2006 was a turning point.") == [
        (1718, None, "resolution", "resolution 1718")
    ]


# Paragraphs


def test_paragraph_of_resolution_spans_the_whole_phrase():
    assert summary("under paragraph 8 of resolution 1718, states") == [
        (1718, "para_8", "paragraph", "paragraph 8 of resolution 1718")
    ]


def test_subparagraph_of_resolution_with_year():
    [citation] = find_citations("see paragraph 8 (a) of resolution 1718 (2006).")
    assert (citation.eid, citation.start, citation.end) == ("para_8__subpara_a", 4, 45)
    assert citation.text == "paragraph 8 (a) of resolution 1718 (2006)"


@pytest.mark.parametrize("clause", ["paragraph 8 (a) (ii)", "paragraph 8(a)(ii)", "paragraph 8 (a)(ii)"])
def test_point_within_subparagraph(clause):
    assert summary(f"{clause} of resolution 1718") == [
        (1718, "para_8__subpara_a__point_ii", "paragraph", f"{clause} of resolution 1718")
    ]


def test_operative_paragraph_includes_the_word_operative():
    assert summary("operative paragraph 5 of resolution 2397") == [
        (2397, "para_5", "paragraph", "operative paragraph 5 of resolution 2397")
    ]


def test_paragraph_list_gives_one_citation_per_paragraph_over_the_phrase():
    phrase = "paragraphs 8 and 9 of resolution 1874"
    assert summary(f"Recall {phrase}.") == [
        (1874, "para_8", "paragraph", phrase),
        (1874, "para_9", "paragraph", phrase),
    ]


def test_subparagraph_list_inherits_the_paragraph():
    eids = [c.eid for c in find_citations("paragraphs 8 (a) and (b) of resolution 1718")]
    assert eids == ["para_8__subpara_a", "para_8__subpara_b"]


def test_point_list_inherits_paragraph_and_subparagraph():
    eids = [c.eid for c in find_citations("paragraph 8 (a) (i) and (ii) of resolution 1718")]
    assert eids == ["para_8__subpara_a__point_i", "para_8__subpara_a__point_ii"]


def test_resolution_then_paragraph_style():
    assert summary("It violates resolution 1718 (2006), paragraph 8 (c).") == [
        (1718, "para_8__subpara_c", "paragraph", "resolution 1718 (2006), paragraph 8 (c)")
    ]


def test_symbol_then_paragraph_style():
    assert summary("S/RES/2397 (2017), paragraph 5") == [
        (2397, "para_5", "paragraph", "S/RES/2397 (2017), paragraph 5")
    ]


def test_paragraph_citation_is_not_also_reported_as_whole_resolution():
    assert [c.eid for c in find_citations("paragraph 8 of resolution 1718")] == ["para_8"]


def test_paragraph_of_security_council_resolution():
    assert summary("paragraph 5 of Security Council resolution 2397") == [
        (2397, "para_5", "paragraph", "paragraph 5 of Security Council resolution 2397")
    ]


def test_preambular_paragraph_cites_only_the_resolution():
    assert summary("preambular paragraph 3 of resolution 1718") == [(1718, None, "resolution", "resolution 1718")]


def test_paragraph_without_a_resolution_is_not_a_citation():
    assert find_citations("As paragraph 8 says, and as paragraph 9 adds.") == []


# Committee and Panel of Experts


def test_1718_committee_cites_paragraph_12():
    assert summary("the 1718 Committee met") == [(1718, "para_12", "committee", "1718 Committee")]


def test_panel_of_experts_cites_1874_paragraph_26():
    assert summary("the Panel of Experts reported") == [(1874, "para_26", "panel", "Panel of Experts")]


def test_the_panel_after_a_first_mention_cites_1874():
    assert summary("As the Panel found, oil flowed.") == [(1874, "para_26", "panel", "Panel")]


@pytest.mark.parametrize("text", ["a panel discussion", "the panel agreed", "the Panel on Climate Change"])
def test_bare_or_other_panels_are_not_citations(text):
    assert find_citations(text) == []


def test_committee_panel_of_experts_reports_both():
    text = "the 1718 Committee Panel of Experts"
    assert [(c.kind, c.resolution, c.eid, c.start, c.end) for c in find_citations(text)] == [
        ("committee", 1718, "para_12", 4, 18),
        ("panel", 1874, "para_26", 19, 35),
    ]


def test_another_committees_panel_is_not_the_dprk_panel():
    assert summary("the 1970 Committee Panel of Experts") == [(1970, None, "committee", "1970 Committee")]


# Non-citations and robustness


@pytest.mark.parametrize(
    "text",
    [
        "more than 1,000 troops",
        "in late 2024",
        "170mm artillery and 240mm launchers",
        "a 500,000-barrel cap",
        "the resolution of the conflict",
        "resolution 1,000",
        "resolution 12345",
        "Security Council resolutions.",
        "the Committee met 1718 times",
    ],
)
def test_numbers_not_tied_to_a_resolution_word_are_not_citations(text):
    assert find_citations(text) == []


@pytest.mark.parametrize("text", ["", " ", "résolution ✓ 🚀", "\x00\uffff", "(((( ((a)", "paragraph " * 50])
def test_odd_input_yields_nothing_without_crashing(text):
    assert find_citations(text) == []


def test_random_input_never_crashes_and_spans_slice_back():
    alphabet = list("resolution paragraph S/RES/ Committee Panel of Experts 1718 (2006) (a) (ii), and ’–…\n")
    generator = random.Random(1718)
    for _ in range(500):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 80)))
        for citation in find_citations(text):
            assert text[citation.start : citation.end] == citation.text


def test_results_are_sorted_and_unique():
    text = "resolution 2397 and resolution 1718, then resolution 2397 again; the 1718 Committee."
    found = find_citations(text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert len({(c.resolution, c.eid, c.start, c.end) for c in found}) == len(found) == 4


# Seed sentences


def test_seed_sentence_with_resolution_list():
    assert summary(SEED_RESOLUTIONS) == [
        (1718, None, "resolution", "Resolutions 1718"),
        (1874, None, "resolution", "1874"),
        (2270, None, "resolution", "2270"),
    ]


def test_seed_sentence_with_committee_panel_and_generic_resolutions():
    assert summary(SEED_PANEL) == [
        (1718, "para_12", "committee", "1718 Committee"),
        (1874, "para_26", "panel", "Panel of Experts"),
    ]
