"""Page-shaped reads: each function loads what one page shows, in a fixed
number of queries whatever the size of the speech or corpus."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from speeches.models import Sentence, Speech

from .models import (
    Citation,
    Claim,
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


def reader_sentences(speech: Speech) -> list[Sentence]:
    """The speech's current sentences, each with its accepted citations and claim links."""
    accepted = Citation.objects.accepted().select_related("clause", "resolution")
    claims = ClaimSentence.objects.select_related("claim")
    return list(
        Sentence.objects.current()
        .filter(speech=speech)
        .order_by("position")
        .prefetch_related(
            Prefetch("citations", accepted, to_attr="accepted_citations"),
            Prefetch("claim_links", claims, to_attr="claim_rows"),
        )
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
class ClauseUse:
    """How often a clause is cited elsewhere, for 'cited by N sentences'."""

    sentences: int = 0
    claims: int = 0


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
    """The panel for one sentence: its accepted citations with their clauses,
    how many other sentences and claims cite each clause, its claims and review."""
    citations = list(
        Citation.objects.accepted()
        .filter(sentence=sentence)
        .select_related("clause__resolution", "resolution")
        .order_by("resolution__number", "clause__position")
    )
    clause_ids = [c.clause_id for c in citations if c.clause_id]
    if clause_ids:
        sentence_counts = Counter(
            dict(
                Citation.objects.accepted()
                .on_current_sentences()
                .filter(clause_id__in=clause_ids)
                .exclude(sentence=sentence)
                .values_list("clause_id")
                .annotate(n=Count("sentence_id", distinct=True))
                .values_list("clause_id", "n")
            )
        )
        claim_counts = Counter(
            dict(
                Clause.objects.filter(pk__in=clause_ids)
                .annotate(n=Count("claims", distinct=True))
                .values_list("pk", "n")
            )
        )
        for citation in citations:
            if citation.clause_id:
                citation.use = ClauseUse(
                    sentences=sentence_counts[citation.clause_id],
                    claims=claim_counts[citation.clause_id],
                )
    claims = list(Claim.objects.filter(claim_sentences__sentence=sentence).order_by("title"))
    review = SentenceReview.objects.filter(sentence=sentence).first()
    # The speech's parts are prefetched by Speech.objects.for_reader().
    labels = {part.number: part.label for part in sentence.speech.parts.all()}
    part_label = labels.get(sentence.part, "") if len(labels) > 1 else ""
    return SentencePanel(sentence, citations, claims, review, part_label)


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
