"""Database constraints hold every invariant, whichever code writes the row."""

import pytest
from django.db import IntegrityError, transaction

from sanctions.models import Citation, ClaimQuantity, Clause, Resolution
from tests.factories import make_citation, make_claim, make_clause, make_resolution, make_speech

pytestmark = pytest.mark.django_db


def violates(action) -> bool:
    try:
        with transaction.atomic():
            action()
    except IntegrityError:
        return True
    return False


def test_resolution_number_is_unique():
    make_resolution(1718)
    assert violates(lambda: make_resolution(1718, symbol="S/RES/1718 (2006) bis"))


def test_clause_eid_is_unique_per_resolution_but_not_across():
    first = make_resolution(1718)
    second = make_resolution(1874, year=2009)
    make_clause(first, "para_8")
    assert violates(lambda: make_clause(first, "para_8"))
    assert not violates(lambda: make_clause(second, "para_8"))


def test_clause_eid_must_be_akn_shaped():
    resolution = make_resolution()
    assert violates(lambda: make_clause(resolution, "8 (a)"))
    assert not violates(lambda: make_clause(resolution, "para_8__subpara_a__point_ii"))


def test_one_citation_per_sentence_and_clause():
    sentence = make_speech().sentences.first()
    clause = make_clause()
    make_citation(sentence, clause)
    assert violates(lambda: make_citation(sentence, clause))


def test_one_whole_resolution_citation_per_sentence():
    sentence = make_speech().sentences.first()
    resolution = make_resolution()

    def cite():
        Citation.objects.create(sentence=sentence, resolution=resolution, origin="explicit")

    cite()
    assert violates(cite)


@pytest.mark.parametrize(
    "overrides",
    [{"origin": "guessed"}, {"status": "maybe"}, {"score": 1.5}, {"span_start": 5, "span_end": 2}],
)
def test_citation_choices_and_ranges_are_enforced(overrides):
    sentence = make_speech().sentences.first()
    clause = make_clause()
    assert violates(lambda: make_citation(sentence, clause, **overrides))


def test_claim_quantity_qualifier_must_be_known():
    claim = make_claim(sentences=[make_speech().sentences.first()])
    assert violates(lambda: ClaimQuantity.objects.create(claim=claim, qualifier="lots", value=1, unit="x"))


def test_pages_have_absolute_urls():
    clause = make_clause(make_resolution(2397, year=2017), "para_5")
    assert clause.get_absolute_url() == "/resolutions/2397/para_5/"
    assert Resolution.objects.get(number=2397).get_absolute_url() == "/resolutions/2397/"
    claim = make_claim(slug="troops", sentences=[make_speech().sentences.first()])
    assert claim.get_absolute_url() == "/claims/troops/"
    assert str(Clause.objects.get(pk=clause.pk)) == "2397 para 5"
