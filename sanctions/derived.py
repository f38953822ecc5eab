"""Derived values, kept true in this one module: stored counts, and the
speech date copied onto citations and claim links.

Pages say "also cited by 26,838 other sentences" and list a clause's citing
sentences fifty at a time, newest speech first. Counting those rows, or
sorting them through two joins, on every request costs time in proportion
to the corpus. So ClauseTally and ClaimTally store the counts, Citation and
ClaimSentence carry their speech's date (`said_on`, indexed), and this
module is the only code that writes any of them.

How they stay true:

- Every per-row write that can change a count (a citation or claim link
  saved or deleted, a sentence retired or restored) reaches the signal
  receivers below, whoever makes it: the admin, history reverts, the seed
  loader, cascading deletes. They note which clauses and claims are touched.
- Those are then recounted from the source rows, not nudged by one: a
  recount is exact whatever happened before, so an interrupted run or a
  missed write is repaired by the next recount of that row, and
  `manage.py recount` repairs everything (`--check` only reports).
- Outside `batch()` the recount happens at once, in the writer's
  transaction. Inside `batch()` (bulk curation, seeding, corpus generation)
  touched rows are collected and recounted once, at the end of the batch's
  transaction, so a thousand writes cost one recount.
- A citation or claim link takes its speech's date when saved; a speech
  saved with a new date passes it on to all of its links.
- Bulk inserts (bulk_create) send no signals; code that uses them sets
  `said_on` itself (the column has no default, so forgetting fails loudly)
  and calls `recount_clauses` / `recount_claims`.

Fixture loading (raw saves) is left alone: a dump carries these values.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from speeches.models import Sentence, Speech

from .models import Citation, Claim, ClaimClause, ClaimSentence, ClaimTally, Clause, ClauseTally


def _count_of(queryset, by: str) -> Subquery:
    """COUNT(*) of `queryset` rows whose `by` is the outer row, as a subquery."""
    counted = queryset.filter(**{by: OuterRef("pk")}).order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def _with_fresh_counts(clauses):
    """Clauses annotated with `citing` and `claim_count`, counted from the source rows."""
    return clauses.annotate(
        citing=_count_of(Citation.objects.accepted().on_current_sentences(), "clause"),
        claim_count=_count_of(ClaimClause.objects.all(), "clause"),
    )


def _speech_date() -> Subquery:
    """For a citation or claim link: the date of the speech its sentence is in."""
    return Subquery(Speech.objects.filter(sentences=OuterRef("sentence_id")).values("delivered_on")[:1])


def _chosen(model, ids: Iterable[int] | None):
    """Every row of `model` when ids is None, else those rows; None when there are none to recount."""
    if ids is None:
        return model.objects.all()
    ids = {pk for pk in ids if pk is not None}
    return model.objects.filter(pk__in=ids) if ids else None


def recount_clauses(clause_ids: Iterable[int] | None = None) -> None:
    """Recount the given clauses (all when None) from citations and claim links."""
    clauses = _chosen(Clause, clause_ids)
    if clauses is None:
        return
    rows = _with_fresh_counts(clauses).values_list("pk", "citing", "claim_count")
    ClauseTally.objects.bulk_create(
        [ClauseTally(clause_id=pk, citing_sentences=citing, claims=claims) for pk, citing, claims in rows],
        update_conflicts=True,
        unique_fields=["clause"],
        update_fields=["citing_sentences", "claims"],
    )
    if clause_ids is None:
        # Rows of clauses deleted while counts were not being kept.
        ClauseTally.objects.exclude(clause__in=Clause.objects.all()).delete()


def recount_claims(claim_ids: Iterable[int] | None = None) -> None:
    """Recount the given claims (all when None) from their sentence links."""
    claims = _chosen(Claim, claim_ids)
    if claims is None:
        return
    rows = claims.annotate(said=_count_of(ClaimSentence.objects.all(), "claim")).values_list("pk", "said")
    ClaimTally.objects.bulk_create(
        [ClaimTally(claim_id=pk, sentences=said) for pk, said in rows],
        update_conflicts=True,
        unique_fields=["claim"],
        update_fields=["sentences"],
    )
    if claim_ids is None:
        ClaimTally.objects.exclude(claim__in=Claim.objects.all()).delete()


def copy_speech_dates() -> None:
    """Re-copy every link's speech date (for `manage.py recount`)."""
    for model in (Citation, ClaimSentence):
        model.objects.exclude(said_on=_speech_date()).update(said_on=_speech_date())


def rebuild_all() -> None:
    recount_clauses()
    recount_claims()
    copy_speech_dates()


def discrepancies() -> list[str]:
    """Every stored value that disagrees with a fresh count, as readable lines."""
    stored = {t.clause_id: (t.citing_sentences, t.claims) for t in ClauseTally.objects.all()}
    fresh = _with_fresh_counts(Clause.objects.select_related("resolution"))
    wrong = [
        f"{clause}: stored {stored.get(clause.pk)}, counted {(clause.citing, clause.claim_count)}"
        for clause in fresh
        if stored.get(clause.pk, (0, 0)) != (clause.citing, clause.claim_count)
    ]
    said = {t.claim_id: t.sentences for t in ClaimTally.objects.all()}
    for claim in Claim.objects.annotate(said=_count_of(ClaimSentence.objects.all(), "claim")):
        if said.get(claim.pk, 0) != claim.said:
            wrong.append(f"claim {claim.slug}: stored {said.get(claim.pk)}, counted {claim.said}")
    for model in (Citation, ClaimSentence):
        stale = model.objects.exclude(said_on=_speech_date()).count()
        if stale:
            wrong.append(f"{stale} {model._meta.verbose_name}(s) carry a date that is not their speech's")
    return wrong


@dataclass
class Touched:
    """Rows whose counts may have changed and are still to be recounted."""

    clauses: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)  # retired or restored

    def recount(self) -> None:
        if self.sentences:
            cited = Citation.objects.accepted().filter(sentence__in=self.sentences, clause__isnull=False)
            self.clauses.update(cited.values_list("clause_id", flat=True))
        recount_clauses(self.clauses)
        recount_claims(self.claims)


_batch: ContextVar[Touched | None] = ContextVar("tally_batch", default=None)


@contextmanager
def batch() -> Iterator[None]:
    """One transaction in which touched counts are recounted once, at the end."""
    if _batch.get() is not None:  # already inside a batch: the outer one recounts
        yield
        return
    touched = Touched()
    token = _batch.set(touched)
    try:
        with transaction.atomic():
            yield
            touched.recount()
    finally:
        _batch.reset(token)


def touch(*, clauses: Iterable[int | None] = (), claims: Iterable[int | None] = (), sentences=()) -> None:
    touched = _batch.get()
    pending = touched if touched is not None else Touched()
    pending.clauses.update(pk for pk in clauses if pk is not None)
    pending.claims.update(pk for pk in claims if pk is not None)
    pending.sentences.update(sentences)
    if touched is None:
        pending.recount()


# Receivers. A pre_save receiver remembers what an edited row pointed at
# before, so a citation moved from one clause to another recounts both.


def _remember(instance, name: str) -> None:
    if instance.pk is None:
        return
    previous = type(instance).objects.filter(pk=instance.pk).values_list(name, flat=True).first()
    instance._tally_previous = previous


@receiver(pre_save, sender=Citation)
@receiver(pre_save, sender=ClaimClause)
def remember_clause(sender, instance, raw: bool, **kwargs) -> None:
    if not raw:
        _remember(instance, "clause_id")


@receiver(pre_save, sender=ClaimSentence)
def remember_claim(sender, instance, raw: bool, **kwargs) -> None:
    if not raw:
        _remember(instance, "claim_id")


@receiver(pre_save, sender=Citation)
@receiver(pre_save, sender=ClaimSentence)
def copy_speech_date(sender, instance, raw: bool, **kwargs) -> None:
    if not raw:
        instance.said_on = (
            Speech.objects.filter(sentences=instance.sentence_id).values_list("delivered_on", flat=True).get()
        )


@receiver(post_save, sender=Speech)
def pass_on_speech_date(sender, instance: Speech, raw: bool, **kwargs) -> None:
    if raw:
        return
    for model in (Citation, ClaimSentence):
        stale = model.objects.filter(sentence__speech=instance).exclude(said_on=instance.delivered_on)
        stale.update(said_on=instance.delivered_on)


@receiver(post_save, sender=Citation)
@receiver(post_save, sender=ClaimClause)
def clause_link_saved(sender, instance, raw: bool, **kwargs) -> None:
    if not raw:
        touch(clauses=[instance.clause_id, getattr(instance, "_tally_previous", None)])


@receiver(post_save, sender=ClaimSentence)
def claim_link_saved(sender, instance, raw: bool, **kwargs) -> None:
    if not raw:
        touch(claims=[instance.claim_id, getattr(instance, "_tally_previous", None)])


@receiver(post_delete, sender=Citation)
@receiver(post_delete, sender=ClaimClause)
def clause_link_deleted(sender, instance, **kwargs) -> None:
    touch(clauses=[instance.clause_id])


@receiver(post_delete, sender=ClaimSentence)
def claim_link_deleted(sender, instance, **kwargs) -> None:
    touch(claims=[instance.claim_id])


@receiver(post_save, sender=Sentence)
def sentence_saved(sender, instance: Sentence, created: bool, raw: bool, update_fields, **kwargs) -> None:
    # New sentences have no citations yet; only `retired` moves a citation in
    # or out of the counts.
    if raw or created or (update_fields is not None and "retired" not in update_fields):
        return
    touch(sentences=[instance.pk])


@receiver(post_delete, sender=Clause)
def clause_deleted(sender, instance: Clause, **kwargs) -> None:
    ClauseTally.objects.filter(clause_id=instance.pk).delete()


@receiver(post_delete, sender=Claim)
def claim_deleted(sender, instance: Claim, **kwargs) -> None:
    ClaimTally.objects.filter(claim_id=instance.pk).delete()
