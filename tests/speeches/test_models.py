"""Text-layer constraints and lookups."""

import pytest
from django.db import IntegrityError, transaction
from django.http import Http404

from speeches.models import Sentence, SentenceAlias
from tests.factories import make_speech

pytestmark = pytest.mark.django_db


def test_anchor_is_unique_per_speech():
    speech = make_speech(sentences=2)
    first, second = speech.sentences.order_by("position")
    second.anchor = first.anchor
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_two_current_sentences_cannot_share_a_position():
    speech = make_speech(sentences=2)
    first, second = speech.sentences.order_by("position")
    second.position = first.position
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_sentence_span_must_be_non_empty():
    sentence = make_speech().sentences.first()
    sentence.end = sentence.start
    with pytest.raises(IntegrityError), transaction.atomic():
        sentence.save()


def test_find_sentence_by_anchor_alias_or_404():
    speech = make_speech(sentences=2)
    sentence = speech.sentences.first()
    SentenceAlias.objects.create(speech=speech, anchor="old-name-1234", sentence=sentence)
    assert speech.find_sentence(sentence.anchor) == sentence
    assert speech.find_sentence("old-name-1234") == sentence
    with pytest.raises(Http404):
        speech.find_sentence("never-existed")


def test_sentence_url_is_its_permalink():
    speech = make_speech()
    sentence = speech.sentences.first()
    assert sentence.get_absolute_url() == f"/speeches/{speech.slug}/s/{sentence.anchor}/"
    assert isinstance(Sentence.objects.current().first(), Sentence)
