"""Plain builder functions for tests: make_x(**overrides) returns a saved row."""

from datetime import date
from itertools import count

from sanctions.models import (
    Actor,
    Citation,
    CitationOrigin,
    Claim,
    ClaimActor,
    ClaimClause,
    ClaimSentence,
    Clause,
    Resolution,
    ReviewStatus,
)
from speeches.ingest import ingest_speech
from speeches.models import Speaker, Speech

_serial = count(1)


def make_speaker(**overrides) -> Speaker:
    n = next(_serial)
    values = {"slug": f"speaker-{n}", "name": f"Speaker {n}", "role": "Representative"}
    return Speaker.objects.create(**(values | overrides))


def speech_text(sentences: int) -> str:
    """A plausible speech of `sentences` distinct sentences, four to a paragraph."""
    lines, paragraph = [], []
    for n in range(1, sentences + 1):
        paragraph.append(f"Sentence number {n} says that resolution 1718 matters in case {n}.")
        if len(paragraph) == 4:
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def make_speech(*, text: str | None = None, sentences: int = 3, **overrides) -> Speech:
    n = next(_serial)
    values = {
        "slug": f"speech-{n}",
        "title": f"Statement {n}",
        "delivered_on": date(2024, 12, 18),
        "speaker": overrides.pop("speaker", None) or make_speaker(),
    }
    report = ingest_speech(text=text or speech_text(sentences), **(values | overrides))
    return report.speech


def make_resolution(number: int = 1718, **overrides) -> Resolution:
    year = overrides.pop("year", 2006)
    values = {
        "number": number,
        "year": year,
        "symbol": f"S/RES/{number} ({year})",
        "adopted_on": date(year, 10, 14),
        "official_url": f"https://undocs.org/S/RES/{number}({year})",
        "title": f"Resolution {number}",
    }
    return Resolution.objects.create(**(values | overrides))


def label_for(eid: str) -> str:
    """para_8__subpara_a__point_ii -> 8 (a) (ii)."""
    number, *rest = (part.split("_", 1)[-1] for part in eid.split("__"))
    return " ".join([number, *(f"({part})" for part in rest)])


def make_clause(resolution: Resolution | None = None, eid: str = "para_8__subpara_a", **overrides) -> Clause:
    resolution = resolution or make_resolution()
    label = overrides.pop("label", label_for(eid))
    values = {
        "label": label,
        "summary": f"What {eid} requires.",
        "position": Clause.objects.filter(resolution=resolution).count() + 1,
    }
    return Clause.objects.create(resolution=resolution, eid=eid, **(values | overrides))


def make_citation(sentence, clause: Clause, **overrides) -> Citation:
    values = {
        "origin": CitationOrigin.CURATED,
        "status": ReviewStatus.ACCEPTED,
        "note": "Because the test says so.",
    }
    return Citation.objects.create(
        sentence=sentence, resolution=clause.resolution, clause=clause, **(values | overrides)
    )


def make_actor(slug: str = "dprk", **overrides) -> Actor:
    values = {"name": slug.upper(), "kind": "state"}
    return Actor.objects.create(slug=slug, **(values | overrides))


def make_claim(*, sentences=(), clauses=(), actors=(), **overrides) -> Claim:
    n = next(_serial)
    values = {"slug": f"claim-{n}", "title": f"Claim {n}", "statement": f"Statement of claim {n}.", "topic": "arms"}
    claim = Claim.objects.create(**(values | overrides))
    for sentence in sentences:
        ClaimSentence.objects.create(claim=claim, sentence=sentence)
    for clause in clauses:
        ClaimClause.objects.create(claim=claim, clause=clause)
    for actor, role in actors:
        ClaimActor.objects.create(claim=claim, actor=actor, role=role)
    return claim
