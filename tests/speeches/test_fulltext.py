"""Sentence full-text search, the same on SQLite (FTS5) and PostgreSQL (GIN)."""

import pytest

from speeches.fulltext import sentence_ids_matching
from tests.factories import make_speech

pytestmark = pytest.mark.django_db

TEXT = (
    "Russia transferred air defence systems to the DPRK.\n"
    "The DPRK sent munitions and missiles to Russia.\n"
    "We thank the briefers for their work.\n"
)


@pytest.fixture
def speech():
    return make_speech(text=TEXT)


def texts(ids):
    from speeches.models import Sentence

    found = Sentence.objects.in_bulk(ids)
    return [found[pk].text for pk in ids]


def test_every_word_must_match_and_words_are_stemmed(speech):
    assert texts(sentence_ids_matching("transfers systems", limit=10)) == [
        "Russia transferred air defence systems to the DPRK."
    ]
    assert sentence_ids_matching("transfers briefers", limit=10) == []


def test_ranked_results_respect_the_limit(speech):
    assert len(sentence_ids_matching("DPRK", limit=1)) == 1
    assert len(sentence_ids_matching("DPRK", limit=10)) == 2


@pytest.mark.parametrize(
    "query", ["missiles OR thank", '"missiles', "NEAR(missiles thank)", "missiles*", "text:missiles", "-"]
)
def test_search_syntax_in_the_query_is_just_text(speech, query):
    ids = sentence_ids_matching(query, limit=10)
    assert all("missiles" in text or "-" == query for text in texts(ids))


def test_edits_and_retirements_reach_the_index(speech):
    sentence = speech.sentences.get(text__startswith="We thank")
    sentence.text = "We thank the briefers for their courage."
    sentence.save()
    assert texts(sentence_ids_matching("courage", limit=10)) == ["We thank the briefers for their courage."]
    sentence.retired = True
    sentence.save()
    assert sentence_ids_matching("courage", limit=10) == []
    sentence.text = "We thank the briefers for their bravery."  # edited while retired: still not found
    sentence.save()
    assert sentence_ids_matching("bravery", limit=10) == []
    sentence.retired = False  # restored: found again, by its current words only
    sentence.save()
    assert texts(sentence_ids_matching("bravery", limit=10)) == ["We thank the briefers for their bravery."]
    assert sentence_ids_matching("courage", limit=10) == []


def test_a_deleted_speech_leaves_nothing_in_the_index(speech):
    speech.sentences.filter(text__startswith="We thank").update(retired=True)
    speech.delete()
    assert sentence_ids_matching("DPRK", limit=10) == []
    assert sentence_ids_matching("briefers", limit=10) == []


def test_very_common_words_fall_back_to_unranked_order(speech, monkeypatch):
    import speeches.fulltext as fulltext

    ranked = sentence_ids_matching("DPRK", limit=1)
    monkeypatch.setattr(fulltext, "RANK_AT_MOST", 1)  # two matches: "too common" now
    unranked = sentence_ids_matching("DPRK", limit=1)
    assert len(ranked) == len(unranked) == 1
    # Both answers are real matches; only the order policy differs.
    assert {ranked[0], unranked[0]} <= set(sentence_ids_matching("DPRK", limit=10))
