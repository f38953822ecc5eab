"""Page-shaped reads: each function loads what one page shows, in a fixed
number of queries whatever the size of the speech or corpus."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from speeches.models import Sentence, Speech, SpeechPart

from .models import (
    Actor,
    ActorRole,
    Citation,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimSentence,
    Clause,
    Resolution,
    ReviewStatus,
    SentenceReview,
    TimelineEvent,
)


@dataclass
class Paragraph:
    number: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Part:
    number: int
    label: str
    paragraphs: list[Paragraph] = field(default_factory=list)


def reader_sentences(speech: Speech, *, with_claims: bool = False) -> list[Sentence]:
    """The speech's current sentences, each with its accepted citations
    (and, for the JSON export, the claims it makes): two queries in all."""
    accepted = Citation.objects.accepted().select_related("clause", "resolution")
    prefetches = [Prefetch("citations", accepted, to_attr="accepted_citations")]
    if with_claims:
        claims = ClaimSentence.objects.select_related("claim")
        prefetches.append(Prefetch("claim_links", claims, to_attr="claim_rows"))
    return list(Sentence.objects.current().filter(speech=speech).order_by("position").prefetch_related(*prefetches))


def sentence_for_panel(slug: str, anchor: str) -> Sentence | None:
    """The current or retired sentence `anchor` of speech `slug`, with its
    speech, review and part label, in one query; None if no sentence has the
    anchor now (it may still be an old alias)."""
    part_label = SpeechPart.objects.filter(speech=OuterRef("speech"), number=OuterRef("part")).values("label")[:1]
    return (
        Sentence.objects.select_related("speech", "review")
        .annotate(part_label=Subquery(part_label))
        .filter(speech__slug=slug, anchor=anchor)
        .first()
    )


def layout(speech: Speech, sentences: Iterable[Sentence]) -> list[Part]:
    """Group sentences into the speech's parts and paragraphs (no queries
    beyond the prefetched parts)."""
    labels = {part.number: part.label for part in speech.parts.all()}
    parts: dict[int, Part] = {}
    for sentence in sentences:
        part = parts.setdefault(sentence.part, Part(sentence.part, labels.get(sentence.part, f"Part {sentence.part}")))
        if not part.paragraphs or part.paragraphs[-1].number != sentence.paragraph:
            part.paragraphs.append(Paragraph(sentence.paragraph))
        part.paragraphs[-1].sentences.append(sentence)
    return list(parts.values())


@dataclass
class SentencePanel:
    """Everything the sentence panel shows."""

    sentence: Sentence
    citations: list[Citation]
    claims: list[Claim]
    review: SentenceReview | None
    part_label: str

    @property
    def cites_nothing(self) -> bool:
        return not self.citations


def sentence_panel(sentence: Sentence) -> SentencePanel:
    """The panel for a sentence from sentence_for_panel(): its accepted
    citations, each with how many other sentences and claims cite the same
    clause, and the claims it makes. Two queries."""
    other_sentences = (
        Citation.objects.accepted()
        .on_current_sentences()
        .filter(clause=OuterRef("clause"))
        .exclude(sentence=OuterRef("sentence"))
        .order_by()
        .values("clause")
        # One citation per sentence and clause (a constraint), so rows are sentences.
        .annotate(n=Count("pk"))
        .values("n")
    )
    claims_citing = (
        ClaimClause.objects.filter(clause=OuterRef("clause"))
        .order_by()
        .values("clause")
        .annotate(n=Count("claim", distinct=True))
        .values("n")
    )
    citations = list(
        Citation.objects.accepted()
        .filter(sentence=sentence)
        .select_related("clause__resolution", "resolution")
        .annotate(
            other_sentences=Coalesce(Subquery(other_sentences), 0),
            other_claims=Coalesce(Subquery(claims_citing), 0),
        )
        .order_by("resolution__number", "clause__position")
    )
    claims = list(Claim.objects.filter(claim_sentences__sentence=sentence).order_by("title"))
    try:
        review = sentence.review
    except SentenceReview.DoesNotExist:
        review = None
    return SentencePanel(sentence, citations, claims, review, getattr(sentence, "part_label", "") or "")


def clause_citing_sentences(clause: Clause) -> QuerySet[Citation]:
    """Accepted citations of a clause on current sentences, with their speeches."""
    return (
        Citation.objects.accepted()
        .on_current_sentences()
        .filter(clause=clause)
        .select_related("sentence__speech")
        .order_by("-sentence__speech__delivered_on", "sentence__speech_id", "sentence__position")
    )


def resolution_clauses(resolution_id: int) -> list[Clause]:
    """A resolution's clauses in document order, each with its citation count."""
    return list(
        Clause.objects.filter(resolution_id=resolution_id)
        .annotate(
            citation_count=Count(
                "citations",
                filter=Q(citations__status=ReviewStatus.ACCEPTED, citations__sentence__retired=False),
            )
        )
        .order_by("position", "id")
    )


@dataclass
class TimelineItem:
    date: date
    kind: str  # resolution, event or claims
    label: str
    url: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


def narrative_timeline() -> list[TimelineItem]:
    """Resolutions adopted, dated events and the periods claims cover, in date
    order; claims dated the same day are grouped in one item."""
    items = [
        TimelineItem(r.adopted_on, "resolution", f"{r.symbol} adopted", r.get_absolute_url())
        for r in Resolution.objects.all()
    ]
    items += [TimelineItem(e.happened_on, "event", e.title) for e in TimelineEvent.objects.all()]
    claims_by_date: dict[date, list[Claim]] = {}
    for claim in Claim.objects.exclude(period_start__isnull=True, period_end__isnull=True).order_by("title"):
        claims_by_date.setdefault(claim.period_start or claim.period_end, []).append(claim)
    for day, claims in claims_by_date.items():
        label = "Claim:" if len(claims) == 1 else f"{len(claims)} claims, as of this date:"
        items.append(TimelineItem(day, "claims", label, links=[(c.title, c.get_absolute_url()) for c in claims]))
    return sorted(items, key=lambda item: (item.date, item.kind))


def alleged_flows() -> list[tuple[Actor, Actor, list[Claim]]]:
    """Supplier -> recipient pairs, each with the claims alleging that flow,
    busiest pair first."""
    roles = (
        ClaimActor.objects.select_related("actor", "claim")
        .prefetch_related(Prefetch("claim__clauses", Clause.objects.select_related("resolution")))
        .filter(role__in=[ActorRole.SUPPLIER, ActorRole.RECIPIENT])
    )
    sides: dict[int, dict[str, list[Actor]]] = defaultdict(lambda: defaultdict(list))
    claims: dict[int, Claim] = {}
    for row in roles:
        sides[row.claim_id][row.role].append(row.actor)
        claims[row.claim_id] = row.claim
    pairs: dict[tuple[int, int], tuple[Actor, Actor, list[Claim]]] = {}
    for claim_id, by_role in sides.items():
        for supplier in by_role[ActorRole.SUPPLIER]:
            for recipient in by_role[ActorRole.RECIPIENT]:
                pair = pairs.setdefault((supplier.pk, recipient.pk), (supplier, recipient, []))
                pair[2].append(claims[claim_id])
    for _, _, pair_claims in pairs.values():
        pair_claims.sort(key=lambda claim: claim.title)
    return sorted(pairs.values(), key=lambda pair: -len(pair[2]))
