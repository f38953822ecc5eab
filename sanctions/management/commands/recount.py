"""Check or rebuild the derived values of sanctions/derived.py."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sanctions import derived


class Command(BaseCommand):
    help = (
        "Recount every clause's and claim's stored counts and re-copy speech dates onto citations "
        "and claim links. With --check, change nothing and fail if any stored value is wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Report wrong values instead of fixing them.")

    def handle(self, *args: object, check: bool, **options: object) -> None:
        wrong = derived.discrepancies()
        if check:
            if wrong:
                raise CommandError("Stored values disagree with the data:\n" + "\n".join(f"  {line}" for line in wrong))
            self.stdout.write("All stored counts and copied dates agree with the data.")
            return
        with transaction.atomic():
            derived.rebuild_all()
        self.stdout.write(f"Recounted: fixed {len(wrong)} disagreement(s).")
