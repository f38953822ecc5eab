"""Load the curated seed corpus from `seeds/` (JSON Lines, one record a line).

Everything loads in one transaction: a malformed line raises SeedError
naming the file and line, and nothing is written. Loading twice changes
nothing. Each row's seeded state is remembered (SeedRecord); a row that no
longer matches it was edited by a curator and is kept, never overwritten.
"""

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404

from speeches.ingest import ingest_speech
from speeches.models import Meeting, Sentence, Speaker, Speech
from speeches.segmenter import SegmentationError

from . import derived
from .annotation import record_found_citations
from .models import (
    Actor,
    ActorAlias,
    Citation,
    CitationOrigin,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimQuantity,
    ClaimSentence,
    Clause,
    Resolution,
    ReviewStatus,
    SeedRecord,
    SentenceReview,
    Source,
    TimelineEvent,
)

# Loaded in this order: later files refer to rows earlier ones create.
SEED_FILES = (
    "resolutions.jsonl",
    "clauses.jsonl",
    "events.jsonl",
    "actors.jsonl",
    "sources.jsonl",
    "speeches.jsonl",
    "citations.jsonl",
    "reviews.jsonl",
    "claims.jsonl",
)


class SeedError(Exception):
    """A seed record that cannot be loaded, with the file and line at fault."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


@dataclass
class SeedReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_curated: list[str] = field(default_factory=list)
    unknown_resolutions: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"Seeds: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.kept_curated)} kept as curators left them"
        )
        if self.kept_curated:
            text += " (" + ", ".join(self.kept_curated) + ")"
        return text


@dataclass
class Record:
    """One JSON object from a seed file, with where it came from."""

    path: str
    line: int
    data: dict[str, Any]

    def error(self, message: str) -> SeedError:
        return SeedError(self.path, self.line, message)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def require(self, key: str) -> Any:
        if key not in self.data or self.data[key] in (None, ""):
            raise self.error(f"missing required key {key!r}")
        return self.data[key]

    def date(self, key: str, *, required: bool = True) -> date | None:
        value = self.require(key) if required else self.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.error(f"{key!r} must be a date as YYYY-MM-DD, not {value!r}") from None

    def text_list(self, key: str) -> list[str]:
        value = self.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(f"{key!r} must be a list of strings")
        return value


def read_records(path: Path, display: str) -> Iterator[Record]:
    """Yield each non-blank line of a JSON Lines file as a Record."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise SeedError(display, 1, f"not UTF-8 text ({error.reason})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise SeedError(display, number, f"invalid JSON: {error.msg} (column {error.colno})") from None
        if not isinstance(data, dict):
            raise SeedError(display, number, "each line must be a JSON object")
        yield Record(display, number, data)


def digest(state: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def plain(value: Any) -> Any:
    """A model field value as the JSON-able form states are compared in."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    return value


def field_state(obj: models.Model, names: list[str]) -> dict[str, Any]:
    return {name: plain(getattr(obj, name)) for name in names}


class SeedLoader:
    """Loads one seeds folder; see the module docstring for the rules."""

    def __init__(self, seeds_dir: Path) -> None:
        self.seeds_dir = seeds_dir
        self.report = SeedReport()
        self.seeded_speeches: list[Speech] = []

    # -- the one rule every row follows -------------------------------------

    def sync(
        self,
        *,
        label: str,
        key: str,
        wanted: dict[str, Any],
        existing: models.Model | None,
        state: Callable[[models.Model], dict[str, Any]],
        write: Callable[[models.Model | None], models.Model],
    ) -> models.Model:
        """Create, update or keep one row, honouring curators' edits."""
        wanted_digest = digest(wanted)
        record = SeedRecord.objects.filter(model=label, key=key).first()
        if existing is None:
            obj = write(None)
            self.report.created += 1
        else:
            current_digest = digest(state(existing))
            if current_digest == wanted_digest:
                obj = existing
                self.report.unchanged += 1
            elif record is not None and record.digest == current_digest:
                obj = write(existing)  # untouched since we seeded it: safe to update
                self.report.updated += 1
            else:
                self.report.kept_curated.append(f"{label} {key}")
                return existing
        SeedRecord.objects.update_or_create(model=label, key=key, defaults={"digest": wanted_digest})
        return obj

    def sync_fields(
        self,
        model: type[models.Model],
        *,
        key: str,
        lookup: dict[str, Any],
        values: dict[str, Any],
    ) -> models.Model:
        """sync() for a row whose seeded state is just some of its fields."""
        names = list(values)

        def write(obj: models.Model | None) -> models.Model:
            if obj is None:
                return model.objects.create(**lookup, **values)
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            return obj

        return self.sync(
            label=model._meta.label_lower,
            key=key,
            wanted={name: plain(value) for name, value in values.items()},
            existing=model.objects.filter(**lookup).first(),
            state=lambda obj: field_state(obj, names),
            write=write,
        )

    # -- the files ---------------------------------------------------------

    def load(self) -> SeedReport:
        # One transaction; stored counts are recounted once, at its end.
        with derived.batch():
            return self._load()

    def _load(self) -> SeedReport:
        if not self.seeds_dir.is_dir():
            raise SeedError(str(self.seeds_dir), 0, "no such seeds folder")
        handlers = {
            "resolutions.jsonl": self.load_resolution,
            "clauses.jsonl": self.load_clause,
            "events.jsonl": self.load_event,
            "actors.jsonl": self.load_actor,
            "sources.jsonl": self.load_source,
            "speeches.jsonl": self.load_speech,
            "citations.jsonl": self.load_citation,
            "reviews.jsonl": self.load_review,
            "claims.jsonl": self.load_claim,
        }
        for name in SEED_FILES:
            path = self.seeds_dir / name
            if not path.exists():
                continue
            if name == "reviews.jsonl":
                # Citations the speeches name explicitly come after curated
                # ones, so a curated line for the same clause is not shadowed.
                self.record_explicit_citations()
            for record in read_records(path, name):
                try:
                    handlers[name](record)
                except ValidationError as error:
                    raise record.error("; ".join(error.messages)) from None
        if not (self.seeds_dir / "reviews.jsonl").exists():
            self.record_explicit_citations()
        return self.report

    def record_explicit_citations(self) -> None:
        for speech in self.seeded_speeches:
            found = record_found_citations(speech)
            self.report.created += len(found.created)
            self.report.unknown_resolutions += [
                f"{speech.slug}: resolution {item.resolution}" for item in found.unknown
            ]
        self.seeded_speeches = []

    def load_resolution(self, record: Record) -> None:
        number = record.require("number")
        if not isinstance(number, int) or number <= 0:
            raise record.error("'number' must be a positive whole number")
        values = {
            "year": record.require("year"),
            "symbol": record.require("symbol"),
            "title": record.get("title", ""),
            "adopted_on": record.date("adopted_on"),
            "meeting_record": record.get("meeting_record", ""),
            "vote_for": record.get("vote_for"),
            "vote_against": record.get("vote_against"),
            "vote_abstaining": record.get("vote_abstaining"),
            "official_url": record.require("official_url"),
            "press_release": record.get("press_release", ""),
            "occasion": record.get("occasion", ""),
        }
        self.sync_fields(Resolution, key=str(number), lookup={"number": number}, values=values)

    def resolution(self, record: Record, number: Any) -> Resolution:
        resolution = Resolution.objects.filter(number=number).first() if isinstance(number, int) else None
        if resolution is None:
            raise record.error(f"unknown resolution {number!r} (add it to resolutions.jsonl)")
        return resolution

    def clause(self, record: Record, number: Any, eid: Any) -> Clause:
        resolution = self.resolution(record, number)
        clause = resolution.clauses.filter(eid=eid).first()
        if clause is None:
            raise record.error(f"unknown clause {eid!r} of resolution {number} (add it to clauses.jsonl)")
        return clause

    def load_clause(self, record: Record) -> None:
        resolution = self.resolution(record, record.require("resolution"))
        eid = record.require("eid")
        parent_eid = record.get("parent")
        parent = None
        if parent_eid:
            parent = resolution.clauses.filter(eid=parent_eid).first()
            if parent is None:
                raise record.error(f"parent {parent_eid!r} must come on an earlier line")
        position = resolution.clauses.exclude(eid=eid).count() + 1
        existing_position = resolution.clauses.filter(eid=eid).values_list("position", flat=True).first()
        values = {
            "label": record.require("label"),
            "parent": parent,
            "kind": record.get("kind", "operative"),
            "position": existing_position or position,
            "verb": record.get("verb", ""),
            "summary": record.require("summary"),
            "key_terms": record.text_list("key_terms"),
            "topics": record.text_list("topics"),
            "confidence": record.get("confidence", "high"),
            "verification": record.get("verification", ""),
            "curator_note": record.get("curator_note", ""),
        }
        if values["kind"] not in {"operative", "preambular"}:
            raise record.error(f"'kind' must be operative or preambular, not {values['kind']!r}")
        if values["confidence"] not in {"verified", "high", "medium", "low"}:
            raise record.error(f"unknown confidence {values['confidence']!r}")
        clause = Clause(resolution=resolution, eid=eid, **values)
        clause.full_clean(exclude=["resolution", "parent"], validate_unique=False)
        self.sync_fields(
            Clause,
            key=f"{resolution.number}/{eid}",
            lookup={"resolution": resolution, "eid": eid},
            values=values,
        )

    def load_event(self, record: Record) -> None:
        number = record.get("resolution")
        values = {
            "description": record.get("description", ""),
            "resolution": self.resolution(record, number) if number else None,
            "confidence": record.get("confidence") or "high",
            "source_url": record.get("source_url", ""),
        }
        happened_on = record.date("date")
        title = record.require("title")
        self.sync_fields(
            TimelineEvent,
            key=f"{happened_on}/{title}",
            lookup={"happened_on": happened_on, "title": title},
            values=values,
        )

    def load_actor(self, record: Record) -> None:
        slug = record.require("slug")
        aliases = sorted(set(record.text_list("aliases")))
        wanted = {
            "name": record.require("name"),
            "short_name": record.get("short_name", ""),
            "kind": record.require("kind"),
            "aliases": aliases,
        }

        def state(actor: Actor) -> dict[str, Any]:
            fields = field_state(actor, ["name", "short_name", "kind"])
            return fields | {"aliases": sorted(actor.aliases.values_list("alias", flat=True))}

        def write(actor: Actor | None) -> Actor:
            actor = actor or Actor(slug=slug)
            actor.name, actor.short_name, actor.kind = wanted["name"], wanted["short_name"], wanted["kind"]
            actor.full_clean(validate_unique=False)
            actor.save()
            actor.aliases.exclude(alias__in=aliases).delete()
            for alias in aliases:
                taken = ActorAlias.objects.filter(alias=alias).exclude(actor=actor).first()
                if taken:
                    raise record.error(f"alias {alias!r} already belongs to {taken.actor.slug}")
                ActorAlias.objects.get_or_create(actor=actor, alias=alias)
            return actor

        self.sync(
            label="sanctions.actor",
            key=slug,
            wanted=wanted,
            existing=Actor.objects.filter(slug=slug).first(),
            state=state,
            write=write,
        )

    def load_source(self, record: Record) -> None:
        slug = record.require("slug")
        values = {
            "title": record.require("title"),
            "publisher": record.get("publisher", ""),
            "url": record.get("url", ""),
            "published_on": record.date("published_on", required=False),
            "kind": record.require("kind"),
        }
        Source(slug=slug, **values).full_clean(validate_unique=False)
        self.sync_fields(Source, key=slug, lookup={"slug": slug}, values=values)

    def load_speech(self, record: Record) -> None:
        slug = record.require("slug")
        speaker_data = record.require("speaker")
        if not isinstance(speaker_data, dict):
            raise record.error("'speaker' must be an object")
        speaker_slug = speaker_data.get("slug")
        if not speaker_slug:
            raise record.error("'speaker' needs a 'slug'")
        speaker = self.sync_fields(
            Speaker,
            key=speaker_slug,
            lookup={"slug": speaker_slug},
            values={
                "name": speaker_data.get("name", ""),
                "role": speaker_data.get("role", ""),
                "represents": speaker_data.get("represents", ""),
            },
        )
        meeting = None
        if meeting_data := record.get("meeting"):
            held_on = Record(record.path, record.line, meeting_data).date("held_on")
            title = meeting_data.get("title") or "Security Council meeting"
            meeting = self.sync_fields(
                Meeting,
                key=f"{held_on}/{title}",
                lookup={"held_on": held_on, "title": title},
                values={
                    "symbol": meeting_data.get("symbol", ""),
                    "body": meeting_data.get("body", "Security Council"),
                    "record_url": meeting_data.get("record_url", ""),
                },
            )
        text_file = record.require("text_file")
        text_path = (self.seeds_dir / text_file).resolve()
        if self.seeds_dir.resolve() not in text_path.parents or not text_path.is_file():
            raise record.error(f"text_file {text_file!r} is not a file inside the seeds folder")
        try:
            text = text_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise record.error(f"{text_file} is not UTF-8 text ({error.reason})") from None
        metadata = {
            "title": record.require("title"),
            "delivered_on": record.date("delivered_on"),
            "source_url": record.get("source_url", ""),
            "summary": record.get("summary", ""),
        }
        part_labels = record.text_list("parts")
        wanted = {name: plain(value) for name, value in metadata.items()} | {
            "speaker": speaker.pk,
            "meeting": meeting.pk if meeting else None,
            "raw_text": text,
            "parts": part_labels,
        }

        def state(speech: Speech) -> dict[str, Any]:
            names = ["title", "delivered_on", "source_url", "summary", "speaker", "meeting", "raw_text"]
            labels = list(speech.parts.order_by("number").values_list("label", flat=True))
            return field_state(speech, names) | {"parts": labels}

        def write(_: Speech | None) -> Speech:
            try:
                report = ingest_speech(
                    slug=slug,
                    text=text,
                    speaker=speaker,
                    meeting=meeting,
                    source_file=text_file,
                    part_labels=part_labels,
                    **metadata,
                )
            except SegmentationError as error:
                raise SeedError(text_file, error.line, str(error)) from None
            return report.speech

        speech = self.sync(
            label="speeches.speech",
            key=slug,
            wanted=wanted,
            existing=Speech.objects.filter(slug=slug).first(),
            state=state,
            write=write,
        )
        self.seeded_speeches.append(speech)

    def sentence(self, record: Record, speech_slug: Any, anchor: Any) -> Sentence:
        speech = Speech.objects.filter(slug=speech_slug).first()
        if speech is None:
            raise record.error(f"unknown speech {speech_slug!r}")
        try:
            return speech.find_sentence(anchor)
        except Http404:
            raise record.error(f"speech {speech_slug!r} has no sentence {anchor!r}") from None

    def load_citation(self, record: Record) -> None:
        sentence = self.sentence(record, record.require("speech"), record.require("sentence"))
        resolution = self.resolution(record, record.require("resolution"))
        eid = record.get("eid")
        clause = self.clause(record, resolution.number, eid) if eid else None
        span_start = span_end = None
        if quote := record.get("quote"):
            span_start = sentence.text.find(quote)
            if span_start < 0:
                raise record.error(f"quote {quote!r} is not in sentence {sentence.anchor!r}")
            span_end = span_start + len(quote)
        values = {
            "origin": record.get("origin", CitationOrigin.CURATED),
            "status": record.get("status", ReviewStatus.ACCEPTED),
            "score": record.get("score"),
            "span_start": span_start,
            "span_end": span_end,
            "note": record.require("note"),
        }
        if values["origin"] not in CitationOrigin.values or values["status"] not in ReviewStatus.values:
            raise record.error("unknown origin or status")
        self.sync_fields(
            Citation,
            key=f"{sentence.speech.slug}/{sentence.pk}/{resolution.number}/{eid or ''}",
            lookup={"sentence": sentence, "resolution": resolution, "clause": clause},
            values=values,
        )

    def load_review(self, record: Record) -> None:
        sentence = self.sentence(record, record.require("speech"), record.require("sentence"))
        self.sync_fields(
            SentenceReview,
            key=f"{sentence.speech.slug}/{sentence.pk}",
            lookup={"sentence": sentence},
            values={"note": record.get("note", "")},
        )

    def load_claim(self, record: Record) -> None:
        slug = record.require("slug")
        scalars = {
            "title": record.require("title"),
            "statement": record.require("statement"),
            "topic": record.require("topic"),
            "period_start": record.date("period_start", required=False),
            "period_end": record.date("period_end", required=False),
            "period_label": record.get("period_label", ""),
            "basis": record.get("basis", ""),
            "status": record.get("status", "alleged"),
        }
        Claim(slug=slug, **scalars).full_clean(validate_unique=False)
        actors = [
            (self.actor(record, item.get("actor")), item.get("role", "")) for item in self.objects(record, "actors")
        ]
        quantities = [self.quantity(record, item) for item in self.objects(record, "quantities")]
        sentences = [
            (self.sentence(record, item.get("speech"), item.get("sentence")), item.get("note", ""))
            for item in self.objects(record, "sentences")
        ]
        if not sentences:
            raise record.error("a claim needs at least one sentence that makes it")
        clauses = [
            (self.clause(record, item.get("resolution"), item.get("eid")), item.get("note", ""))
            for item in self.objects(record, "clauses")
        ]
        sources = [self.source(record, slug_) for slug_ in record.text_list("sources")]

        def relations(
            actor_rows: list, quantity_rows: list, sentence_rows: list, clause_rows: list, source_rows: list
        ) -> dict[str, Any]:
            return {
                "actors": sorted([actor.pk, role] for actor, role in actor_rows),
                "quantities": [[q["qualifier"], plain(q["value"]), q["unit"], q["what"]] for q in quantity_rows],
                "sentences": sorted([sentence.pk, note] for sentence, note in sentence_rows),
                "clauses": sorted([clause.pk, note] for clause, note in clause_rows),
                "sources": sorted(source.pk for source in source_rows),
            }

        wanted = {name: plain(value) for name, value in scalars.items()} | relations(
            actors, quantities, sentences, clauses, sources
        )

        def state(claim: Claim) -> dict[str, Any]:
            return field_state(claim, list(scalars)) | relations(
                [(row.actor, row.role) for row in claim.actor_roles.select_related("actor")],
                list(claim.quantities.order_by("id").values("qualifier", "value", "unit", "what")),
                [(row.sentence, row.note) for row in claim.claim_sentences.select_related("sentence")],
                [(row.clause, row.note) for row in claim.claim_clauses.select_related("clause")],
                list(claim.sources.all()),
            )

        def write(claim: Claim | None) -> Claim:
            claim = claim or Claim(slug=slug)
            for name, value in scalars.items():
                setattr(claim, name, value)
            claim.save()
            claim.actor_roles.all().delete()
            claim.quantities.all().delete()
            claim.claim_sentences.all().delete()
            claim.claim_clauses.all().delete()
            for actor, role in actors:
                ClaimActor(claim=claim, actor=actor, role=role).full_clean(validate_unique=False)
                ClaimActor.objects.create(claim=claim, actor=actor, role=role)
            for quantity in quantities:
                ClaimQuantity.objects.create(claim=claim, **quantity)
            for sentence, note in sentences:
                ClaimSentence.objects.get_or_create(claim=claim, sentence=sentence, defaults={"note": note})
            for clause, note in clauses:
                ClaimClause.objects.get_or_create(claim=claim, clause=clause, defaults={"note": note})
            claim.sources.set(sources)
            return claim

        self.sync(
            label="sanctions.claim",
            key=slug,
            wanted=wanted,
            existing=Claim.objects.filter(slug=slug).first(),
            state=state,
            write=write,
        )

    def objects(self, record: Record, key: str) -> list[dict[str, Any]]:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise record.error(f"{key!r} must be a list of objects")
        return value

    def actor(self, record: Record, slug: Any) -> Actor:
        actor = Actor.objects.filter(slug=slug).first()
        if actor is None:
            raise record.error(f"unknown actor {slug!r} (add it to actors.jsonl)")
        return actor

    def source(self, record: Record, slug: str) -> Source:
        source = Source.objects.filter(slug=slug).first()
        if source is None:
            raise record.error(f"unknown source {slug!r} (add it to sources.jsonl)")
        return source

    def quantity(self, record: Record, item: dict[str, Any]) -> dict[str, Any]:
        try:
            value = Decimal(str(item.get("value")))
        except InvalidOperation:
            raise record.error(f"quantity value {item.get('value')!r} is not a number") from None
        quantity = {
            "qualifier": item.get("qualifier", "exactly"),
            "value": value,
            "unit": item.get("unit", ""),
            "what": item.get("what", ""),
        }
        ClaimQuantity(claim=Claim(), **quantity).full_clean(exclude=["claim"])
        return quantity


def load_seeds(seeds_dir: Path) -> SeedReport:
    """Load every seed file in `seeds_dir` in one transaction."""
    return SeedLoader(seeds_dir).load()
