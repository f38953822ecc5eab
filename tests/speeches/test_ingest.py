"""Ingestion: anchors survive edits, nothing is half-written, nothing is lost."""

from datetime import date

import pytest
from django.db import IntegrityError

from sanctions.models import Citation, ClaimSentence
from speeches.ingest import ingest_speech
from speeches.models import Sentence, SentenceAlias, Speech
from speeches.segmenter import SegmentationError
from tests.factories import make_citation, make_claim, make_clause, make_speaker

pytestmark = pytest.mark.django_db

ORIGINAL = (
    "The Council adopted resolution 1718 in 2006.\n"
    "It bans arms transfers to the DPRK. It also bans arms training.\n"
    "We call on all States to comply.\n"
)


def ingest(text: str, slug: str = "speech", **overrides):
    values = {
        "slug": slug,
        "title": "A statement",
        "speaker": overrides.pop("speaker", None) or make_speaker(),
        "delivered_on": date(2024, 12, 18),
    }
    return ingest_speech(text=text, **(values | overrides))


def anchors_by_text(speech: Speech) -> dict[str, str]:
    return {s.text: s.anchor for s in speech.sentences.current()}


def test_ingest_creates_ordered_sentences_with_offsets():
    report = ingest(ORIGINAL)
    sentences = list(report.speech.sentences.order_by("position"))
    assert [s.position for s in sentences] == [1, 2, 3, 4]
    assert [s.paragraph for s in sentences] == [1, 2, 2, 3]
    for sentence in sentences:
        assert ORIGINAL[sentence.start : sentence.end] == sentence.text
    assert len({s.anchor for s in sentences}) == 4


def test_ingest_records_parts_from_the_part_break():
    report = ingest("First part here.\n###\nA reply.\n", part_labels=["Statement", "Right of reply"])
    speech = report.speech
    assert list(speech.parts.values_list("number", "label")) == [(1, "Statement"), (2, "Right of reply")]
    assert speech.sentences.get(text="A reply.").part == 2


def test_reingesting_the_same_text_changes_nothing():
    speaker = make_speaker()
    first = ingest(ORIGINAL, speaker=speaker)
    before = list(first.speech.sentences.values_list("pk", "anchor", "position"))
    again = ingest(ORIGINAL, speaker=speaker)
    assert again.unchanged
    assert list(again.speech.sentences.values_list("pk", "anchor", "position")) == before
    assert SentenceAlias.objects.count() == 0


def test_edit_keeps_unchanged_anchors_and_aliases_the_old_one():
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    old = anchors_by_text(speech)
    edited_sentence = speech.sentences.get(text="It bans arms transfers to the DPRK.")
    clause = make_clause()
    citation = make_citation(edited_sentence, clause)
    claim = make_claim(sentences=[edited_sentence])

    report = ingest(ORIGINAL.replace("arms transfers", "all arms transfers"), speaker=speaker)

    new = anchors_by_text(report.speech)
    for text in [
        "The Council adopted resolution 1718 in 2006.",
        "It also bans arms training.",
        "We call on all States to comply.",
    ]:
        assert new[text] == old[text]
    edited = Sentence.objects.get(pk=edited_sentence.pk)
    assert edited.text == "It bans all arms transfers to the DPRK."
    assert edited.anchor != old["It bans arms transfers to the DPRK."]
    alias = SentenceAlias.objects.get(anchor=old["It bans arms transfers to the DPRK."])
    assert alias.sentence == edited
    # Curated work follows its sentence.
    assert Citation.objects.get(pk=citation.pk).sentence == edited
    assert ClaimSentence.objects.get(claim=claim).sentence == edited
    assert len(report.edited) == 1 and report.kept == 3


def test_insertion_keeps_every_existing_anchor():
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    old = anchors_by_text(speech)
    text = ORIGINAL.replace("We call", "Russia voted for it. We call")
    report = ingest(text, speaker=speaker)
    new = anchors_by_text(report.speech)
    assert all(new[t] == a for t, a in old.items())
    assert [s.text for s in report.added] == ["Russia voted for it."]
    assert report.speech.sentences.get(text="We call on all States to comply.").position == 5


def test_deletion_retires_the_sentence_and_keeps_its_citations():
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    doomed = speech.sentences.get(text="It also bans arms training.")
    citation = make_citation(doomed, make_clause())
    report = ingest(ORIGINAL.replace(" It also bans arms training.", ""), speaker=speaker)
    doomed.refresh_from_db()
    assert doomed.retired
    assert report.retired == [doomed]
    assert Citation.objects.filter(pk=citation.pk).exists()
    assert report.speech.sentences.current().count() == 3
    # The retired sentence still answers to its permalink.
    assert report.speech.find_sentence(doomed.anchor) == doomed


def test_reordering_keeps_every_anchor():
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    old = anchors_by_text(speech)
    lines = ORIGINAL.strip().split("\n")
    report = ingest("\n".join(reversed(lines)) + "\n", speaker=speaker)
    assert anchors_by_text(report.speech) == old
    assert report.speech.sentences.get(text="We call on all States to comply.").position == 1
    assert SentenceAlias.objects.count() == 0


def test_alias_chain_still_resolves_after_two_edits():
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    first_anchor = speech.sentences.get(text="We call on all States to comply.").anchor
    ingest(ORIGINAL.replace("comply.", "comply fully."), speaker=speaker)
    report = ingest(ORIGINAL.replace("comply.", "comply fully and now."), speaker=speaker)
    current = report.speech.sentences.get(text="We call on all States to comply fully and now.")
    assert report.speech.find_sentence(first_anchor) == current


def test_bad_text_raises_and_writes_nothing():
    with pytest.raises(SegmentationError):
        ingest("   \n\n")
    assert not Speech.objects.exists()
    assert not Sentence.objects.exists()


def test_failure_midway_rolls_back_the_edit(monkeypatch):
    speaker = make_speaker()
    speech = ingest(ORIGINAL, speaker=speaker).speech
    before = list(speech.sentences.values_list("pk", "anchor", "text", "position", "retired"))

    def explode(*args, **kwargs):
        raise IntegrityError("simulated crash while writing aliases")

    monkeypatch.setattr(SentenceAlias.objects, "create", explode)
    with pytest.raises(IntegrityError):
        ingest(ORIGINAL.replace("comply.", "comply at once."), speaker=speaker)
    speech.refresh_from_db()
    assert speech.raw_text == ORIGINAL
    assert list(speech.sentences.values_list("pk", "anchor", "text", "position", "retired")) == before
