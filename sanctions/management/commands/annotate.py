"""Segment a plain-text speech and print its sentences with the citations found.

Reads only the file: the database is not touched.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanctions.citations import find_citations
from speeches.anchors import assign_anchors
from speeches.segmenter import SegmentationError, segment_text


class Command(BaseCommand):
    help = "Print each sentence of a plain-text speech (anchor, part, paragraph, text) with the citations found."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="A UTF-8 plain-text speech; a line of ### starts a new part.")
        parser.add_argument(
            "--format",
            choices=["json", "text"],
            default="json",
            help="json (default): one document for tools; text: one line per sentence for people.",
        )

    def handle(self, *args: object, file: Path, format: str, **options: object) -> None:
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except IsADirectoryError:
            raise CommandError(f"{file}: is a folder, not a file") from None
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not UTF-8 text (byte {error.start})") from None
        try:
            segments = segment_text(text)
        except SegmentationError as error:
            raise CommandError(f"{file}:{error.line}: {error}") from None

        anchors = assign_anchors([segment.text for segment in segments])
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
                ],
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
