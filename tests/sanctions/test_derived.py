"""Stored counts and copied speech dates (sanctions/derived.py) stay equal to
what the data says, through every kind of write curators and commands make."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sanctions import derived, reading
from sanctions.models import Citation, ClaimClause, ClaimSentence, ClaimTally, Clause, ClauseTally, ReviewStatus
from speeches.ingest import resegment_speech
from tests.factories import make_citation, make_claim, make_clause, make_resolution, make_speech

pytestmark = pytest.mark.django_db


def assert_all_true() -> None:
    """Every stored value equals a fresh count of the data."""
    assert derived.discrepancies() == []


def citing(clause: Clause) -> int:
    return ClauseTally.objects.get(clause=clause).citing_sentences


@pytest.fixture
def clauses():
    resolution = make_resolution(1718)
    return make_clause(resolution, "para_8__subpara_a"), make_clause(resolution, "para_8__subpara_c")


def test_the_seed_corpus_loads_with_true_counts(seeded):
    assert_all_true()
    supply_ban = Clause.objects.get(resolution__number=1718, eid="para_8__subpara_a")
    accepted = Citation.objects.filter(clause=supply_ban, status=ReviewStatus.ACCEPTED).count()
    assert accepted > 0
    assert citing(supply_ban) == accepted


def test_citations_created_changed_moved_and_deleted(clauses):
    supply, training = clauses
    first, second, third = make_speech(sentences=3).sentences.order_by("position")
    a = make_citation(first, supply)
    make_citation(second, supply)
    proposed = make_citation(third, supply, status=ReviewStatus.PROPOSED)
    assert citing(supply) == 2  # a proposal is not counted

    proposed.status = ReviewStatus.ACCEPTED
    proposed.save()
    assert citing(supply) == 3

    a.clause = training  # moved to another clause: both are recounted
    a.save()
    assert (citing(supply), citing(training)) == (2, 1)

    a.delete()
    assert citing(training) == 0
    assert_all_true()


def test_retiring_a_sentence_takes_its_citations_out_of_the_counts(clauses):
    supply, _ = clauses
    speech = make_speech(sentences=4)
    doomed, kept = speech.sentences.order_by("position")[:2]
    make_citation(doomed, supply)
    make_citation(kept, supply)
    assert citing(supply) == 2

    speech.raw_text = speech.raw_text.replace(doomed.text + " ", "")
    speech.save()
    resegment_speech(speech)
    doomed.refresh_from_db()
    assert doomed.retired
    assert citing(supply) == 1

    kept.retired = True  # retired by hand, as the admin's sentence inline can
    kept.save()
    assert citing(supply) == 0
    assert_all_true()


def test_deleting_a_speech_or_a_clause_cascades_into_the_counts(clauses):
    supply, training = clauses
    gone = make_speech(sentences=2)
    stays = make_speech(sentences=1)
    for sentence in gone.sentences.all():
        make_citation(sentence, supply)
    make_citation(stays.sentences.get(), supply)
    make_citation(stays.sentences.get(), training)
    assert citing(supply) == 3

    gone.delete()
    assert citing(supply) == 1
    training_pk = training.pk
    training.delete()
    assert not ClauseTally.objects.filter(clause_id=training_pk).exists()
    assert_all_true()


def test_claim_links_are_counted_for_claims_and_clauses(clauses):
    supply, training = clauses
    sentences = list(make_speech(sentences=3).sentences.all())
    claim = make_claim(sentences=sentences[:2], clauses=[supply])
    assert ClaimTally.objects.get(claim=claim).sentences == 2
    assert ClauseTally.objects.get(clause=supply).claims == 1

    ClaimSentence.objects.create(claim=claim, sentence=sentences[2])
    link = ClaimClause.objects.get(claim=claim)
    link.clause = training
    link.save()
    assert ClaimTally.objects.get(claim=claim).sentences == 3
    assert (ClauseTally.objects.get(clause=supply).claims, ClauseTally.objects.get(clause=training).claims) == (0, 1)

    claim_pk = claim.pk
    claim.delete()
    assert not ClaimTally.objects.filter(claim_id=claim_pk).exists()
    assert_all_true()


def test_bulk_accept_in_the_admin_recounts_once(curator_client, clauses):
    supply, _ = clauses
    sentences = make_speech(sentences=8).sentences.all()
    proposals = [make_citation(s, supply, status=ReviewStatus.PROPOSED) for s in sentences]
    with CaptureQueriesContext(connection) as queries:
        curator_client.post(
            reverse("admin:sanctions_citation_changelist"),
            {"action": "accept", "_selected_action": [c.pk for c in proposals], "note": ""},
        )
    assert citing(supply) == 8
    recounts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "sanctions_clausetally"')]
    assert len(recounts) == 1


def test_deleting_a_speech_in_the_admin_recounts_once(admin_client, clauses):
    supply, training = clauses
    gone = make_speech(sentences=6)
    for sentence in gone.sentences.all():
        make_citation(sentence, supply)
        make_citation(sentence, training)
    make_citation(make_speech(sentences=1).sentences.get(), supply)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.post(reverse("admin:speeches_speech_delete", args=[gone.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert (citing(supply), citing(training)) == (1, 0)
    recounts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "sanctions_clausetally"')]
    assert len(recounts) == 1


def test_a_history_revert_restores_the_count(clauses):
    supply, _ = clauses
    citation = make_citation(make_speech(sentences=1).sentences.get(), supply)
    citation.status = ReviewStatus.REJECTED
    citation.save()
    assert citing(supply) == 0
    accepted = citation.history.filter(status=ReviewStatus.ACCEPTED).earliest("history_date")
    accepted.instance.save()  # what the admin's "Revert" does
    assert citing(supply) == 1
    assert_all_true()


def test_a_batch_that_fails_leaves_nothing_half_written(clauses):
    supply, _ = clauses
    sentence = make_speech(sentences=1).sentences.get()
    with pytest.raises(RuntimeError), derived.batch():
        make_citation(sentence, supply)
        raise RuntimeError("curation interrupted")
    assert not Citation.objects.exists()
    assert not ClauseTally.objects.filter(clause=supply, citing_sentences__gt=0).exists()


def test_links_carry_their_speech_date_and_follow_a_corrected_date(clauses):
    supply, _ = clauses
    older = make_speech(sentences=1, delivered_on=date(2020, 1, 1))
    newer = make_speech(sentences=1, delivered_on=date(2024, 1, 1))
    for speech in (older, newer):
        make_citation(speech.sentences.get(), supply)
    claim = make_claim(sentences=[older.sentences.get()])
    assert ClaimSentence.objects.get(claim=claim).said_on == date(2020, 1, 1)

    def listed() -> list[str]:
        page = derived_page(supply)
        return [citation.sentence.speech.slug for citation in page]

    assert listed() == [newer.slug, older.slug]  # newest speech first

    older.delivered_on = date(2025, 6, 1)  # a curator corrects the date
    older.save()
    assert listed() == [older.slug, newer.slug]
    assert ClaimSentence.objects.get(claim=claim).said_on == date(2025, 6, 1)
    assert_all_true()


def derived_page(clause: Clause):
    return reading.page_of_links(
        reading.clause_citing_sentences(clause), count=citing(clause), number="1", per_page=50
    ).object_list


def test_bulk_inserts_without_a_date_are_refused(clauses):
    supply, _ = clauses
    sentence = make_speech(sentences=1).sentences.get()
    with pytest.raises(IntegrityError):
        Citation.objects.bulk_create([Citation(sentence=sentence, resolution=supply.resolution, clause=supply)])


def test_generated_corpus_and_its_deletion_keep_counts_true(seeded):
    call_command("generate_corpus", "--speeches", "3", stdout=StringIO())
    assert_all_true()
    assert Citation.objects.filter(note="Synthetic citation.").exists()
    call_command("generate_corpus", "--delete", stdout=StringIO())
    assert_all_true()


def test_recount_check_reports_and_recount_repairs(clauses):
    supply, _ = clauses
    make_citation(make_speech(sentences=1).sentences.get(), supply)
    ClauseTally.objects.filter(clause=supply).update(citing_sentences=41)
    Citation.objects.update(said_on=date(1999, 1, 1))

    with pytest.raises(CommandError) as failure:
        call_command("recount", "--check", stdout=StringIO())
    assert "stored (41, 0), counted (1, 0)" in str(failure.value)
    assert "carry a date that is not their speech's" in str(failure.value)

    out = StringIO()
    call_command("recount", stdout=out)
    assert "fixed 2 disagreement(s)" in out.getvalue()  # the clause's count, the citations' date
    assert_all_true()
    call_command("recount", "--check", stdout=StringIO())
