"""Import a resolution's official plain text into its clauses.

Fills each clause's label, parent, position, verb and official wording,
matched by eId; curators' summaries and notes are never touched and no
clause is deleted. Running it again on the same file changes nothing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sanctions.importing import import_resolution_text
from sanctions.management.text_files import read_text_file
from sanctions.models import Resolution
from sanctions.resolution_text import ResolutionTextError


class Command(BaseCommand):
    help = (
        "Read a resolution's official plain text and create or update its clauses by eId, "
        "keeping every curated field. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            type=Path,
            help="The resolution as published, in UTF-8 plain text: preamble, then numbered paragraphs.",
        )
        parser.add_argument(
            "--resolution",
            type=int,
            required=True,
            metavar="NUMBER",
            help="The resolution's number, e.g. 1718; it must already exist (load_seeds or the admin).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Parse and report what would change, then roll everything back.",
        )

    def handle(self, *args: object, file: Path, resolution: int, dry_run: bool, **options: object) -> None:
        found = Resolution.objects.filter(number=resolution).first()
        if found is None:
            raise CommandError(f"unknown resolution {resolution}: add it first (seeds/resolutions.jsonl or the admin)")
        text = read_text_file(file)
        try:
            with transaction.atomic():
                report = import_resolution_text(resolution=found, text=text)
                if dry_run:
                    transaction.set_rollback(True)
        except ResolutionTextError as error:
            raise CommandError(f"{file}:{error.line}: {error.reason}") from None
        self.stdout.write(f"Dry run, rolled back. {report.summary()}" if dry_run else report.summary())
