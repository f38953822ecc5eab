"""Segment a plain-text speech and print its sentences with the citations
found in them and the clauses suggested for them.

Reads only files (the speech, and the clauses from seeds/clauses.jsonl): the
database is not touched.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanctions.citations import find_citations
from sanctions.management.text_files import read_text_file
from sanctions.suggester import SUGGESTION_THRESHOLD, ClauseProfile, Suggester
from speeches.anchors import assign_anchors
from speeches.segmenter import SegmentationError, segment_text


class Command(BaseCommand):
    help = "Print each sentence of a plain-text speech (anchor, part, paragraph, text) with the citations found."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="A UTF-8 plain-text speech; a line of ### starts a new part.")
        parser.add_argument(
            "--clauses",
            type=Path,
            default=settings.SEEDS_DIR / "clauses.jsonl",
            help="Clauses to suggest from, as JSON Lines (default: the seed clauses).",
        )
        parser.add_argument(
            "--format",
            choices=["json", "text"],
            default="json",
            help="json (default): one document for tools; text: one line per sentence for people.",
        )

    def handle(self, *args: object, file: Path, clauses: Path, format: str, **options: object) -> None:
        suggester = Suggester(self.read_clauses(clauses))
        text = read_text_file(file)
        try:
            segments = segment_text(text)
        except SegmentationError as error:
            raise CommandError(f"{file}:{error.line}: {error}") from None

        anchors = assign_anchors([segment.text for segment in segments])
        paragraphs: dict[int, list[str]] = {}
        for segment in segments:
            paragraphs.setdefault(segment.paragraph, []).append(segment.text)
        sentences = [
            {
                "anchor": anchor,
                "part": segment.part,
                "paragraph": segment.paragraph,
                "position": segment.position,
                "kind": segment.kind,
                "text": segment.text,
                "citations": [
                    {
                        "resolution": found.resolution,
                        "eid": found.eid,
                        "span": [found.start, found.end],
                        "text": found.text,
                        "origin": "explicit",
                    }
                    for found in find_citations(segment.text)
                ]
                + [
                    {
                        "resolution": suggestion.resolution,
                        "eid": suggestion.eid,
                        "span": None,
                        "text": "",
                        "origin": "suggested",
                        "score": suggestion.score,
                    }
                    for suggestion in suggester.suggest(
                        segment.text,
                        context=" ".join(paragraphs[segment.paragraph]),
                        minimum=SUGGESTION_THRESHOLD,
                    )
                ]
                if segment.kind == "sentence"
                else [],
            }
            for segment, anchor in zip(segments, anchors, strict=True)
        ]
        if format == "json":
            document = {"file": str(file), "sentences": sentences}
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        for sentence in sentences:
            cited = ", ".join(
                f"{c['resolution']}" + (f"/{c['eid']}" if c["eid"] else "") for c in sentence["citations"]
            )
            line = f"{sentence['anchor']:<36} {sentence['part']}.{sentence['paragraph']:<3} {sentence['text']}"
            self.stdout.write(line + (f"  [{cited}]" if cited else ""))

    def read_clauses(self, path: Path) -> list[ClauseProfile]:
        """Clause profiles from a clauses JSON Lines file; errors name the line."""
        lines = read_text_file(path).splitlines()
        profiles = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                profiles.append(
                    ClauseProfile(
                        resolution=row["resolution"],
                        eid=row["eid"],
                        label=row.get("label", ""),
                        summary=row.get("summary", ""),
                        key_terms=tuple(row.get("key_terms", [])),
                        topics=tuple(row.get("topics", [])),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise CommandError(f"{path}:{number}: not a clause record ({error})") from None
        return profiles
