"""Generated input: the text tools never crash and keep their promises, and no
URL answers with a 500 or leaks a traceback."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions.citations import find_citations
from speeches.anchors import assign_anchors, plan_reanchoring
from speeches.segmenter import SegmentationError, segment_text
from tests.factories import make_speech

SPEECHY = st.text(
    alphabet=st.sampled_from(list("abcdefghij ABCDEFG.,;:!?'’\"“”()–—-/0123456789\n#SRES"))
    | st.characters(codec="utf-8"),
    max_size=400,
)


@settings(max_examples=600, deadline=None)
@given(SPEECHY)
def test_segmenter_never_crashes_and_offsets_slice_back(text):
    try:
        segments = segment_text(text)
    except SegmentationError as error:
        assert error.line >= 0
        return
    assert [s.position for s in segments] == list(range(1, len(segments) + 1))
    for segment in segments:
        assert text[segment.start : segment.end] == segment.text
        assert segment.text == segment.text.strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=30))
def test_anchors_are_unique_and_url_safe(texts):
    anchors = assign_anchors(texts)
    assert len(anchors) == len(set(anchors))
    for anchor in anchors:
        assert anchor and all(c.isascii() and (c.isalnum() or c == "-") for c in anchor)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), max_size=12), st.lists(st.text(min_size=1, max_size=40), max_size=12))
def test_reanchoring_keeps_anchors_unique(old_texts, new_texts):
    old = list(zip(assign_anchors(old_texts), old_texts, strict=True))
    plans, deleted = plan_reanchoring(old, new_texts)
    anchors = [plan.anchor for plan in plans]
    assert len(anchors) == len(set(anchors))
    continued = [plan.old_index for plan in plans if plan.old_index is not None]
    assert sorted(continued + deleted) == list(range(len(old)))


@settings(max_examples=600, deadline=None)
@given(SPEECHY)
def test_citation_finder_never_crashes_and_spans_slice_back(text):
    for found in find_citations(text):
        assert text[found.start : found.end] == found.text
        assert found.resolution > 0


@pytest.fixture
def speech(db):
    return make_speech(sentences=4)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(
        [
            "/speeches/{slug}/s/{x}/",
            "/speeches/{x}/",
            "/resolutions/{x}/",
            "/resolutions/1718/{x}/",
            "/claims/{x}/",
            "/claims/?actor={x}&topic={x}",
            "/search/?q={x}",
            "/{x}",
        ]
    ),
    st.text(max_size=40),
)
def test_no_url_answers_500(client, speech, pattern, junk):
    path = pattern.format(slug=speech.slug, x=quote(junk, safe=""))
    response = client.get(path, headers={"HX-Request": "true", "HX-Target": junk[:20] or "x"})
    assert response.status_code < 500
    assert b"Traceback" not in response.content
