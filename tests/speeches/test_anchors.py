"""Anchors: URL-safe, deterministic sentence permalinks that survive edits."""

import re

from speeches.anchors import AnchorPlan, anchor_for, assign_anchors, normalise, plan_reanchoring

URL_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

SPEECH = [
    "Thank you, Under-Secretary-General DiCarlo and Mr. Leff, for your briefings.",
    "Russia knows this.",
    "Russia voted for each and every one of these resolutions.",
    "And yet, Russia has violated them in both directions.",
    "Thank you very much.",
]


def anchored(texts: list[str]) -> list[tuple[str, str]]:
    return list(zip(assign_anchors(texts), texts, strict=True))


def anchors_of(plans: list[AnchorPlan]) -> list[str]:
    return [plan.anchor for plan in plans]


# normalise


def test_normalise_folds_case_quotes_dashes_and_whitespace():
    assert normalise("  DPRK’s  “Panel” –\u00a0done\u2014NOW ") == 'dprk\'s "panel" - done-now'


def test_normalise_applies_nfkc():
    assert normalise("ﬁve ＵＮ") == "five un"


# anchor_for


def test_anchor_is_url_safe_and_short():
    texts = [
        *SPEECH,
        "Supercalifragilisticexpialidociousnessism is extraordinarily long.",
        "Это предложение по-русски.",
        "…",
        "And so it is.",
        "DPRK’s “170mm” guns – all 6 million rounds – à Zaporizhzhia!",
    ]
    for text in texts:
        anchor = anchor_for(text)
        assert URL_SAFE.fullmatch(anchor), anchor
        assert len(anchor) <= 33, anchor  # slug of at most 28, a hyphen, 4 hash chars


def test_anchor_is_deterministic_across_runs_and_machines():
    # Hard-coded: a change here breaks every published permalink.
    assert anchor_for(SPEECH[0]) == "thank-you-under-secretary-yqso"


def test_anchor_starts_with_first_significant_words():
    assert anchor_for("The DPRK sent missiles to Russia in 2024.").startswith("dprk-sent-missiles-russia-")


def test_anchor_slug_drops_words_beyond_the_length_limit():
    anchor = anchor_for("The Kremlin continues to provide free petroleum.")
    assert anchor.startswith("kremlin-continues-provide-")
    assert "free" not in anchor


def test_anchor_ignores_differences_normalise_ignores():
    assert anchor_for("It’s the DPRK’s  doing – again.") == anchor_for("it's the dprk's doing - again.")


def test_different_sentences_get_different_anchors():
    assert anchor_for("Russia knows this.") != anchor_for("Russia knows that.")


def test_sentence_without_ascii_words_still_gets_an_anchor():
    assert URL_SAFE.fullmatch(anchor_for("Это тест."))


# assign_anchors


def test_repeated_sentences_get_numbered_suffixes():
    anchors = assign_anchors(["Thank you.", "We act.", "Thank you.", "thank  you."])
    assert anchors[2] == f"{anchors[0]}-2"
    assert anchors[3] == f"{anchors[0]}-3"
    assert len(set(anchors)) == 4


def test_assign_anchors_matches_anchor_for_on_unique_sentences():
    assert assign_anchors(SPEECH) == [anchor_for(text) for text in SPEECH]


# plan_reanchoring


def test_unchanged_speech_keeps_every_anchor_and_deletes_nothing():
    old = anchored(SPEECH)
    plans, deleted = plan_reanchoring(old, SPEECH)
    assert [(p.old_index, p.anchor, p.retired_anchor) for p in plans] == [
        (index, anchor, None) for index, (anchor, _) in enumerate(old)
    ]
    assert deleted == []


def test_typo_fix_continues_the_sentence_and_retires_the_old_anchor():
    old = anchored(SPEECH)
    new = list(SPEECH)
    new[2] = "Russia voted for each and every one of these resolutions, too."
    plans, deleted = plan_reanchoring(old, new)
    assert plans[2].old_index == 2
    assert plans[2].retired_anchor == old[2][0]
    assert plans[2].anchor == anchor_for(new[2])
    assert plans[2].anchor != old[2][0]
    assert deleted == []


def test_insertion_is_new_and_others_keep_their_anchors():
    old = anchored(SPEECH)
    new = [*SPEECH[:2], "North Korea sent troops.", *SPEECH[2:]]
    plans, deleted = plan_reanchoring(old, new)
    assert plans[2].old_index is None
    assert plans[2].retired_anchor is None
    assert plans[2].anchor == anchor_for("North Korea sent troops.")
    kept = [plan for plan in plans if plan.new_index != 2]
    assert [(p.old_index, p.anchor) for p in kept] == [(i, anchor) for i, (anchor, _) in enumerate(old)]
    assert deleted == []


def test_deleted_sentence_is_reported_and_others_keep_their_anchors():
    old = anchored(SPEECH)
    new = [text for index, text in enumerate(SPEECH) if index != 1]
    plans, deleted = plan_reanchoring(old, new)
    assert deleted == [1]
    assert anchors_of(plans) == [anchor for index, (anchor, _) in enumerate(old) if index != 1]
    assert all(plan.retired_anchor is None for plan in plans)


def test_reordered_sentences_all_keep_their_anchors():
    old = anchored(SPEECH)
    order = [4, 2, 0, 3, 1]
    plans, deleted = plan_reanchoring(old, [SPEECH[i] for i in order])
    assert [(p.old_index, p.anchor) for p in plans] == [(i, old[i][0]) for i in order]
    assert deleted == []


def test_repeats_are_matched_in_order():
    texts = ["Thank you.", "We act.", "Thank you."]
    old = anchored(texts)
    plans, deleted = plan_reanchoring(old, ["We act.", "Thank you.", "Thank you.", "Thank you."])
    assert [p.old_index for p in plans] == [1, 0, 2, None]
    assert plans[3].anchor == f"{old[0][0]}-3"
    assert deleted == []


def test_reserved_anchors_are_never_assigned():
    old = anchored(SPEECH)
    new = [*SPEECH, "A brand new closing line."]
    base = anchor_for("A brand new closing line.")
    plans, _ = plan_reanchoring(old, new, reserved={base, f"{base}-2"})
    assert plans[-1].anchor == f"{base}-3"


def test_edited_sentence_whose_fresh_anchor_is_reserved_takes_a_suffix():
    old = [("russia-knows-this-abcd", "Russia knows this."), ("keep-me", "Other text entirely here.")]
    base = anchor_for("Russia knows this!!")
    plans, deleted = plan_reanchoring(old, ["Russia knows this!!", "Other text entirely here."], reserved={base})
    assert (plans[0].old_index, plans[0].anchor) == (0, f"{base}-2")
    assert plans[0].retired_anchor == "russia-knows-this-abcd"
    assert deleted == []


def test_new_sentence_never_takes_a_deleted_sentences_anchor():
    # A sentence deleted now is retired, not forgotten: its permalink still answers.
    base = anchor_for("Brand new.")
    old = [(base, "Something else entirely, long enough to differ.")]
    plans, deleted = plan_reanchoring(old, ["Brand new."])
    assert deleted == [0]
    assert plans[0].anchor == f"{base}-2"


def test_sentence_changed_beyond_recognition_is_a_deletion_plus_a_new_sentence():
    old = anchored(SPEECH)
    new = list(SPEECH)
    new[3] = "Our patience has limits."
    plans, deleted = plan_reanchoring(old, new)
    assert plans[3].old_index is None
    assert plans[3].retired_anchor is None
    assert deleted == [3]


def test_edit_pairs_within_its_gap_rather_than_with_a_similar_sentence_elsewhere():
    texts = [
        "Alpha opens.",
        "The DPRK sent missiles to Russia.",
        "Middle line.",
        "The DPRK sent shells to Russia.",
        "End.",
    ]
    old = anchored(texts)
    new = ["Alpha opens.", "Middle line.", "The DPRK sent shells to Russia, again.", "End."]
    plans, deleted = plan_reanchoring(old, new)
    assert plans[2].old_index == 3
    assert deleted == [1]


def test_moved_and_edited_sentence_still_continues():
    texts = ["First point here.", "Second point here.", "The DPRK sent missiles to Russia in 2024."]
    old = anchored(texts)
    new = ["The DPRK sent missiles to Russia in late 2024.", "First point here.", "Second point here."]
    plans, deleted = plan_reanchoring(old, new)
    assert (plans[0].old_index, plans[0].retired_anchor) == (2, old[2][0])
    assert deleted == []


def test_all_planned_anchors_are_unique_and_avoid_reserved():
    old = anchored(SPEECH)
    new = [*SPEECH, *SPEECH, "Thank you very much!"]
    reserved = {anchor_for("Thank you very much!"), "old-alias"}
    plans, _ = plan_reanchoring(old, new, reserved=reserved)
    anchors = anchors_of(plans)
    assert len(set(anchors)) == len(anchors)
    fresh = [p.anchor for p in plans if p.old_index is None or p.retired_anchor is not None]
    assert not set(fresh) & reserved
    assert not set(fresh) & {anchor for anchor, _ in old}


def test_plans_come_in_new_order_with_indexes():
    old = anchored(SPEECH)
    plans, _ = plan_reanchoring(old, list(reversed(SPEECH)))
    assert [p.new_index for p in plans] == list(range(len(SPEECH)))


def test_empty_old_speech_plans_fresh_anchors():
    plans, deleted = plan_reanchoring([], SPEECH)
    assert anchors_of(plans) == assign_anchors(SPEECH)
    assert all(p.old_index is None for p in plans)
    assert deleted == []


def test_everything_deleted_when_new_text_is_empty():
    plans, deleted = plan_reanchoring(anchored(SPEECH), [])
    assert plans == []
    assert deleted == list(range(len(SPEECH)))
