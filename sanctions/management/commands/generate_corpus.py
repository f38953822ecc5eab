"""Generate a clearly synthetic corpus for benchmarks: never mixed into seeds.

Every generated speech has a slug starting "synthetic-", a title starting
"[Synthetic]" and a summary saying it is not a real statement; `--delete`
removes them all. Speeches have 30 to 120 sentences; some name resolutions,
some repeat the seed corpus's claims, as real statements do.
"""

import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sanctions import derived
from sanctions.models import Citation, CitationOrigin, Claim, ClaimSentence, Clause, ReviewStatus
from speeches.ingest import ingest_speech
from speeches.models import Meeting, Speaker, Speech

PREFIX = "synthetic-"
SPEECHES_PER_MEETING = 15

FILLER = [
    "We thank the briefers for their presentations.",
    "The situation on the Korean Peninsula remains of grave concern.",
    "My delegation has listened carefully to the statements made today.",
    "Dialogue remains the only path to lasting peace.",
    "We call on all parties to exercise restraint.",
    "The Council must speak with one voice on this matter.",
    "Humanitarian needs in the country continue to grow.",
    "We remain committed to the complete denuclearization of the Peninsula.",
]
CITING = [
    ("Resolution {number} prohibits the transfer of arms to and from the DPRK.", 1718, "para_8__subpara_a"),
    ("Arms training with the DPRK is banned by paragraph 8 (c) of resolution 1718.", 1718, "para_8__subpara_c"),
    ("Refined petroleum deliveries above the 500,000-barrel cap violate resolution 2397.", 2397, "para_5"),
    ("The DPRK may not launch ballistic missiles under resolution 1718 (2006).", 1718, "para_2"),
    ("The Panel of Experts documented these violations for fifteen years.", 1874, "para_26"),
]
CLAIMING = [
    "Shipments of munitions from the DPRK to Russia continued this quarter, numbering {n} containers.",
    "More than {n} DPRK troops remain deployed alongside Russian forces.",
    "Refined petroleum deliveries to the DPRK exceeded the cap by {n} barrels.",
    "Ballistic missiles of DPRK origin struck {n} sites in Ukraine.",
]


class Command(BaseCommand):
    help = "Create N synthetic speeches (marked as such) for benchmarks, or delete them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--speeches", type=int, default=100, help="How many synthetic speeches to create.")
        parser.add_argument("--seed", type=int, default=1718, help="Random seed, for repeatable corpora.")
        parser.add_argument("--delete", action="store_true", help="Delete every synthetic speech instead.")

    def handle(self, *args: object, speeches: int, seed: int, delete: bool, **options: object) -> None:
        if delete:
            with derived.batch():  # one recount at the end, not one per deleted citation
                count, _ = Speech.objects.filter(slug__startswith=PREFIX).delete()
                Meeting.objects.filter(title__startswith="[Synthetic]").delete()
                Speaker.objects.filter(slug__startswith=PREFIX).delete()
            self.stdout.write(f"Deleted {count} synthetic rows.")
            return
        if speeches < 1:
            raise CommandError("--speeches must be at least 1")
        clauses = {(c.resolution.number, c.eid): c for c in Clause.objects.select_related("resolution")}
        missing = {(number, eid) for _, number, eid in CITING} - set(clauses)
        if missing:
            raise CommandError(f"Load the seeds first: clauses {sorted(missing)} are missing.")
        claims = list(Claim.objects.all())
        rng = random.Random(seed)
        start = Speech.objects.filter(slug__startswith=PREFIX).count()
        try:
            for index in range(start, start + speeches):
                with transaction.atomic():
                    self.make_speech(index, rng, clauses, claims)
        finally:
            # bulk_create sends no signals: recount what it touched, once,
            # even if interrupted (each finished speech is committed).
            derived.recount_clauses(clause.pk for clause in clauses.values())
            derived.recount_claims(claim.pk for claim in claims)
        self.stdout.write(f"Created {speeches} synthetic speeches ({start + speeches} in all).")

    def make_speech(self, index: int, rng: random.Random, clauses: dict, claims: list[Claim]) -> None:
        speaker, _ = Speaker.objects.get_or_create(
            slug=f"{PREFIX}speaker-{index % 20}",
            defaults={"name": f"Synthetic Speaker {index % 20}", "represents": f"Synthetic State {index % 20}"},
        )
        held_on = date(2017, 1, 1) + timedelta(days=7 * (index // SPEECHES_PER_MEETING))
        meeting, _ = Meeting.objects.get_or_create(
            held_on=held_on, title=f"[Synthetic] Meeting {index // SPEECHES_PER_MEETING}"
        )
        lines, cites, claim_lines = [], [], []
        for paragraph in range(rng.randint(8, 30)):
            sentences = []
            for _ in range(rng.randint(3, 4)):
                roll = rng.random()
                if roll < 0.2:
                    text, number, eid = rng.choice(CITING)
                    sentences.append(text.format(number=number))
                    cites.append((len(sentences), paragraph, clauses[(number, eid)]))
                elif roll < 0.3 and claims:
                    sentences.append(rng.choice(CLAIMING).format(n=rng.randint(10, 99) * 100))
                    claim_lines.append((len(sentences), paragraph))
                else:
                    sentences.append(rng.choice(FILLER))
            lines.append(" ".join(sentences))
        report = ingest_speech(
            slug=f"{PREFIX}{index:06d}",
            title=f"[Synthetic] Statement {index}",
            text="\n".join(lines) + "\n",
            speaker=speaker,
            meeting=meeting,
            delivered_on=held_on,
            summary="Synthetic text generated for benchmarks; not a real statement.",
        )
        by_place = {}
        for sentence in report.added:
            by_place.setdefault(sentence.paragraph, []).append(sentence)
        Citation.objects.bulk_create(
            [
                Citation(
                    sentence=by_place[paragraph + 1][number - 1],
                    resolution=clause.resolution,
                    clause=clause,
                    origin=CitationOrigin.CURATED,
                    status=ReviewStatus.ACCEPTED,
                    note="Synthetic citation.",
                    said_on=held_on,
                )
                for number, paragraph, clause in cites
            ]
        )
        ClaimSentence.objects.bulk_create(
            (
                ClaimSentence(claim=rng.choice(claims), sentence=by_place[paragraph + 1][number - 1], said_on=held_on)
                for number, paragraph in claim_lines
            ),
            ignore_conflicts=True,
        )
