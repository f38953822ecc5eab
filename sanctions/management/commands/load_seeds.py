"""Load the curated seed corpus (speeches, resolutions, citations, claims)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sanctions.seeding import SeedError, load_seeds


class Command(BaseCommand):
    help = (
        "Load everything in seeds/ in one transaction. Safe to run again: unchanged "
        "rows are left alone and rows a curator edited are kept as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            default=settings.SEEDS_DIR,
            help="Folder holding the *.jsonl seed files (default: the project's seeds/).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report what would change, then roll everything back.",
        )

    def handle(self, *args: object, seeds_dir: Path, dry_run: bool, **options: object) -> None:
        try:
            with transaction.atomic():
                report = load_seeds(seeds_dir)
                if dry_run:
                    transaction.set_rollback(True)
        except SeedError as error:
            raise CommandError(str(error)) from None
        if dry_run:
            self.stdout.write(f"Dry run, rolled back. {report.summary()}")
            return
        self.stdout.write(report.summary())
        for unknown in report.unknown_resolutions:
            self.stdout.write(f"  cited but not in our data: {unknown}")
