"""Page-shaped reads: each function loads what one page shows, in a fixed
number of queries whatever the size of the speech or corpus."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.db.models import Aggregate, JSONField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.utils.functional import cached_property

from speeches.models import Sentence, Speech, SpeechPart

from .models import (
    Actor,
    ActorRole,
    Citation,
    Claim,
    ClaimActor,
    ClaimSentence,
    ClaimTally,
    Clause,
    ClauseTally,
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
    sentences = Sentence.objects.current().filter(speech=speech).annotate(part_label=part_label_of_sentence())
    return list(sentences.order_by("position").prefetch_related(*prefetches))


def part_label_of_sentence() -> Subquery:
    """The label of the speech part a sentence is in, read with the sentence."""
    # order_by(): (speech, number) is unique, and the model's default ordering
    # would join the speech table into every lookup.
    part = SpeechPart.objects.filter(speech=OuterRef("speech"), number=OuterRef("part")).order_by()
    return Subquery(part.values("label")[:1])


def layout(sentences: Iterable[Sentence]) -> list[Part]:
    """Group sentences (from reader_sentences, with their part labels) into
    the speech's parts and paragraphs."""
    parts: dict[int, Part] = {}
    for sentence in sentences:
        label = sentence.part_label or f"Part {sentence.part}"
        part = parts.setdefault(sentence.part, Part(sentence.part, label))
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


class JSONArrayAgg(Aggregate):
    """The grouped values as one JSON array: json_group_array on SQLite,
    jsonb_agg on PostgreSQL (Django has no portable JSON array aggregate)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def linked_rows_as_json(links: QuerySet, **fields: str) -> Subquery:
    """The rows of `links` that belong to the outer sentence, as a JSON array
    of objects with the given fields (NULL when there are none)."""
    rows = links.filter(sentence=OuterRef("pk")).order_by().values("sentence")
    return Subquery(rows.annotate(items=JSONArrayAgg(JSONObject(**fields))).values("items"), output_field=JSONField())


CITATION_FIELDS = {
    "id": "pk",
    "origin": "origin",
    "note": "note",
    "resolution_id": "resolution_id",
    "number": "resolution__number",
    "year": "resolution__year",
    "symbol": "resolution__symbol",
    "official_url": "resolution__official_url",
    "occasion": "resolution__occasion",
    "clause_id": "clause_id",
    "eid": "clause__eid",
    "label": "clause__label",
    "summary": "clause__summary",
    "official_text": "clause__official_text",
    "position": "clause__position",
    "citing": "clause__tally__citing_sentences",
    "claims": "clause__tally__claims",
}


def sentence_panel(slug: str, anchor: str) -> SentencePanel | None:
    """The panel for the current or retired sentence `anchor` of speech
    `slug`, or None if no sentence has that anchor now (it may still be an
    old alias).

    One query: the sentence with its speech, review and part label, and its
    accepted citations and claims folded in as JSON arrays. This is the read
    behind every click on a sentence, so it is worth not making three round
    trips; the clause counts come from the stored tallies.
    """
    sentence = (
        Sentence.objects.select_related("speech__speaker", "speech__meeting", "review")
        .annotate(
            part_label=part_label_of_sentence(),
            citation_items=linked_rows_as_json(Citation.objects.accepted(), **CITATION_FIELDS),
            claim_items=linked_rows_as_json(ClaimSentence.objects.all(), title="claim__title", slug="claim__slug"),
        )
        .filter(speech__slug=slug, anchor=anchor)
        .order_by()  # (speech, anchor) is unique: nothing to sort
        .first()
    )
    if sentence is None:
        return None
    claims = sorted((Claim(title=item["title"], slug=item["slug"]) for item in sentence.claim_items or []), key=str)
    try:
        review = sentence.review
    except SentenceReview.DoesNotExist:
        review = None
    return SentencePanel(sentence, citations_from_json(sentence), claims, review, sentence.part_label or "")


def citations_from_json(sentence: Sentence) -> list[Citation]:
    """Citation objects (with clause and resolution) from the panel query's
    JSON, in document order: by resolution, a whole-resolution citation
    before its clauses. Each knows how many other sentences and claims cite
    its clause."""
    # A current sentence is one of its clause's citing sentences; a retired one is not counted.
    itself = 0 if sentence.retired else 1
    items = sorted(
        sentence.citation_items or [],
        key=lambda item: (item["number"], -1 if item["clause_id"] is None else item["position"]),
    )
    citations = []
    for item in items:
        resolution = Resolution(
            pk=item["resolution_id"],
            number=item["number"],
            year=item["year"],
            symbol=item["symbol"],
            official_url=item["official_url"],
            occasion=item["occasion"],
        )
        clause = None
        if item["clause_id"] is not None:
            clause = Clause(
                pk=item["clause_id"],
                resolution=resolution,
                eid=item["eid"],
                label=item["label"],
                summary=item["summary"],
                official_text=item["official_text"],
                position=item["position"],
            )
        citation = Citation(
            pk=item["id"],
            sentence=sentence,
            resolution=resolution,
            clause=clause,
            origin=item["origin"],
            status=ReviewStatus.ACCEPTED,
            note=item["note"],
        )
        citation.other_sentences = max(0, (item["citing"] or 0) - itself)
        citation.other_claims = item["claims"] or 0
        citations.append(citation)
    return citations


def stored_tally(owner: Clause | Claim) -> ClauseTally | ClaimTally:
    """A clause's or claim's stored counts (read with select_related("tally")),
    or zeros for one never counted yet."""
    try:
        return owner.tally
    except ObjectDoesNotExist:
        return type(owner).tally.related.related_model()


# said_on is the speech's date copied onto each link, so the database reads
# the leading order from an index and sorts only within a day.
SAID_ORDER = ["-said_on", "sentence__speech_id", "sentence__position", "pk"]


class CountedPaginator(Paginator):
    """A paginator told its row count (a stored tally) instead of counting
    thousands of rows on every request."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def page_of_links(links: QuerySet, *, count: int, number: str | None, per_page: int) -> Page:
    """One page of citations or claim links on sentences, newest speech
    first, with their sentences and speeches (leaving out speech texts).

    One query whatever the corpus size: the count is the stored tally, and
    the order leads with `said_on`, which an index serves.
    """
    rows = (
        links.select_related("sentence__speech__speaker")
        .defer("sentence__speech__raw_text", "sentence__speech__summary")
        .order_by(*SAID_ORDER)
    )
    return CountedPaginator(rows, per_page, count=count).get_page(number)


def clause_citing_sentences(clause: Clause) -> QuerySet[Citation]:
    """Accepted citations of a clause on current sentences."""
    return Citation.objects.accepted().on_current_sentences().filter(clause=clause)


def resolution_clauses(resolution_id: int) -> list[Clause]:
    """A resolution's clauses in document order, each with its citation count."""
    clauses = list(
        Clause.objects.filter(resolution_id=resolution_id).select_related("tally").order_by("position", "id")
    )
    for clause in clauses:
        clause.citation_count = stored_tally(clause).citing_sentences
    return clauses


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
