"""Ingestion: turn a speech's raw text into stored, anchored sentences.

Re-ingesting edited text keeps every unchanged sentence (its row, anchor,
and whatever points at it); an edited sentence keeps its row, takes a new
anchor and leaves the old one behind as a redirecting alias; a deleted
sentence is retired, not removed, so nothing that cites it is lost.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F

from .anchors import assign_anchors, plan_reanchoring
from .models import Meeting, Sentence, SentenceAlias, Speaker, Speech, SpeechPart
from .segmenter import Segment, segment_text

# Positions are shifted out of the way while sentences are renumbered, so the
# "one current sentence per position" constraint holds after every statement.
POSITION_SHIFT = 10_000_000


@dataclass
class IngestReport:
    """What one ingestion did, for commands and the admin to report."""

    speech: Speech
    created_speech: bool = False
    unchanged: bool = False
    kept: int = 0
    edited: list[Sentence] = field(default_factory=list)
    added: list[Sentence] = field(default_factory=list)
    retired: list[Sentence] = field(default_factory=list)

    def summary(self) -> str:
        if self.unchanged:
            return f"{self.speech.slug}: unchanged"
        verb = "created" if self.created_speech else "updated"
        return (
            f"{self.speech.slug}: {verb}; {self.kept} sentences kept, "
            f"{len(self.edited)} edited, {len(self.added)} added, {len(self.retired)} retired"
        )


def default_part_labels(count: int) -> list[str]:
    """Labels for parts a caller did not name: the statement, then replies."""
    labels = ["Statement"]
    labels += ["Right of reply"] * (count - 1)
    return labels


@transaction.atomic
def ingest_speech(
    *,
    slug: str,
    text: str,
    title: str,
    speaker: Speaker,
    delivered_on: date,
    meeting: Meeting | None = None,
    source_url: str = "",
    source_file: str = "",
    summary: str = "",
    part_labels: Sequence[str] = (),
) -> IngestReport:
    """Create or update the speech `slug` from `text`, in one transaction.

    Raises segmenter.SegmentationError (naming the line) for text that is not
    a speech; nothing is written then.
    """
    segments = segment_text(text)  # fails before anything is written
    metadata = {
        "title": title,
        "speaker": speaker,
        "meeting": meeting,
        "delivered_on": delivered_on,
        "source_url": source_url,
        "source_file": source_file,
        "summary": summary,
    }
    speech = Speech.objects.filter(slug=slug).first()
    if speech is None:
        speech = Speech.objects.create(slug=slug, raw_text=text, **metadata)
        report = resegment_speech(speech, part_labels=part_labels, segments=segments)
        report.created_speech = True
        return report
    changed = speech.raw_text != text or any(getattr(speech, name) != value for name, value in metadata.items())
    if changed:
        for name, value in metadata.items():
            setattr(speech, name, value)
        speech.raw_text = text
        speech.save()
    return resegment_speech(speech, part_labels=part_labels, segments=segments)


@transaction.atomic
def resegment_speech(
    speech: Speech,
    *,
    part_labels: Sequence[str] = (),
    segments: Sequence[Segment] | None = None,
) -> IngestReport:
    """Bring a saved speech's parts and sentences in line with its raw text.

    Unchanged sentences keep their rows and anchors; see the module docstring.
    Given no labels, parts keep the labels they have.
    """
    if segments is None:
        segments = segment_text(speech.raw_text)
    part_count = max(segment.part for segment in segments)
    labels = list(part_labels) or list(speech.parts.order_by("number").values_list("label", flat=True))
    defaults = default_part_labels(part_count)
    labels = (labels + defaults[len(labels) :])[:part_count]

    report = IngestReport(speech=speech)
    stored = [
        (sentence.text, sentence.start, sentence.part, sentence.paragraph, sentence.kind)
        for sentence in speech.sentences.current().order_by("position")
    ]
    wanted = [(s.text, s.start, s.part, s.paragraph, s.kind) for s in segments]
    if stored == wanted and _parts_match(speech, labels):
        report.unchanged = True
        report.kept = len(stored)
        return report
    _store_parts(speech, labels)
    _store_sentences(speech, segments, report)
    return report


def _parts_match(speech: Speech, labels: Sequence[str]) -> bool:
    stored = list(speech.parts.order_by("number").values_list("label", flat=True))
    return stored == list(labels)


def _store_parts(speech: Speech, labels: Sequence[str]) -> None:
    for number, label in enumerate(labels, start=1):
        SpeechPart.objects.update_or_create(speech=speech, number=number, defaults={"label": label})
    speech.parts.filter(number__gt=len(labels)).delete()


def _store_sentences(speech: Speech, segments: Sequence[Segment], report: IngestReport) -> None:
    current = list(speech.sentences.current().order_by("position"))
    if not current and not speech.sentences.exists():
        report.added = _create_all(speech, segments)
        return
    reserved = set(speech.aliases.values_list("anchor", flat=True))
    reserved |= set(speech.sentences.retired_ones().values_list("anchor", flat=True))
    plans, deleted = plan_reanchoring(
        [(sentence.anchor, sentence.text) for sentence in current],
        [segment.text for segment in segments],
        reserved=reserved,
    )

    speech.sentences.current().update(position=F("position") + POSITION_SHIFT)
    for index in deleted:
        sentence = current[index]
        sentence.retired = True  # its in-memory position is the pre-shift one
        sentence.save(update_fields=["retired", "position"])
        report.retired.append(sentence)

    for plan in plans:
        segment = segments[plan.new_index]
        layout = {
            "part": segment.part,
            "paragraph": segment.paragraph,
            "position": segment.position,
            "kind": segment.kind,
            "text": segment.text,
            "start": segment.start,
            "end": segment.end,
            "anchor": plan.anchor,
        }
        if plan.old_index is None:
            sentence = Sentence.objects.create(speech=speech, **layout)
            report.added.append(sentence)
            continue
        sentence = current[plan.old_index]
        for name, value in layout.items():
            setattr(sentence, name, value)
        # Only the layout changes: saying so keeps `retired` out of the write.
        sentence.save(update_fields=list(layout))
        if plan.retired_anchor:
            SentenceAlias.objects.create(speech=speech, anchor=plan.retired_anchor, sentence=sentence)
            report.edited.append(sentence)
        else:
            report.kept += 1


def _create_all(speech: Speech, segments: Sequence[Segment]) -> list[Sentence]:
    """A new speech: nothing to match against, so insert every sentence at once."""
    anchors = assign_anchors([segment.text for segment in segments])
    return Sentence.objects.bulk_create(
        Sentence(
            speech=speech,
            part=segment.part,
            paragraph=segment.paragraph,
            position=segment.position,
            kind=segment.kind,
            text=segment.text,
            start=segment.start,
            end=segment.end,
            anchor=anchor,
        )
        for segment, anchor in zip(segments, anchors, strict=True)
    )
