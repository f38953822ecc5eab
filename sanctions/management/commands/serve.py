"""Set up the local site and serve it: migrate, load the seeds, runserver.

Safe to run again and again: migrations and seeds are idempotent, and a
curator's edits to seeded rows are kept.
"""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Create or update the database, load the seed corpus, and serve the site locally."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "addrport",
            nargs="?",
            default="127.0.0.1:8000",
            help="Address and port to serve on (default 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--setup-only",
            action="store_true",
            help="Migrate and load the seeds, then stop without serving.",
        )

    def handle(self, *args: object, addrport: str, setup_only: bool, **options: object) -> None:
        # runserver's autoreloader re-runs this command in a child process
        # (RUN_MAIN is set there); the set-up already happened in the parent.
        if os.environ.get("RUN_MAIN") != "true":
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write("Database migrated.")
            call_command("load_seeds", stdout=self.stdout)
        if setup_only:
            return
        call_command("runserver", addrport)
