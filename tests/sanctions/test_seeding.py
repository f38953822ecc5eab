"""load_seeds: one transaction, idempotent, curators' edits kept, errors name the line."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from sanctions.models import Citation, Claim, Clause, Resolution, SentenceReview
from speeches.models import Sentence, Speech

pytestmark = pytest.mark.django_db

RESOLUTION = {
    "number": 1718,
    "year": 2006,
    "symbol": "S/RES/1718 (2006)",
    "adopted_on": "2006-10-14",
    "official_url": "https://undocs.org/S/RES/1718(2006)",
    "title": "First sanctions",
}
CLAUSES = [
    {"resolution": 1718, "eid": "para_8", "label": "8", "parent": None, "summary": "Core sanctions."},
    {
        "resolution": 1718,
        "eid": "para_8__subpara_c",
        "label": "8 (c)",
        "parent": "para_8",
        "summary": "No arms training.",
    },
]
SPEECH_TEXT = "Resolution 1718 bans arms training.\nWe thank the briefers.\n"


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A small but complete seeds folder."""
    (tmp_path / "speeches").mkdir()
    (tmp_path / "speeches" / "one.txt").write_text(SPEECH_TEXT, encoding="utf-8")
    write_jsonl(tmp_path / "resolutions.jsonl", [RESOLUTION])
    write_jsonl(tmp_path / "clauses.jsonl", CLAUSES)
    write_jsonl(
        tmp_path / "actors.jsonl", [{"slug": "dprk", "name": "DPRK", "kind": "state", "aliases": ["North Korea"]}]
    )
    write_jsonl(
        tmp_path / "speeches.jsonl",
        [
            {
                "slug": "one",
                "title": "One",
                "text_file": "speeches/one.txt",
                "delivered_on": "2024-12-18",
                "speaker": {"slug": "amb", "name": "An Ambassador"},
                "parts": ["Statement"],
            }
        ],
    )
    return tmp_path


def load(seeds: Path) -> str:
    out = StringIO()
    call_command("load_seeds", seeds_dir=seeds, stdout=out)
    return out.getvalue()


def anchor_of(text: str) -> str:
    return Sentence.objects.get(text=text).anchor


def add_curation(seeds: Path) -> None:
    """Citations, reviews and a claim, which refer to sentences by anchor."""
    training = anchor_of("Resolution 1718 bans arms training.")
    thanks = anchor_of("We thank the briefers.")
    write_jsonl(
        seeds / "citations.jsonl",
        [
            {
                "speech": "one",
                "sentence": training,
                "resolution": 1718,
                "eid": "para_8__subpara_c",
                "quote": "arms training",
                "note": "Arms training is what 8 (c) bans.",
            }
        ],
    )
    write_jsonl(seeds / "reviews.jsonl", [{"speech": "one", "sentence": thanks, "note": "Thanks; cites nothing."}])
    write_jsonl(
        seeds / "claims.jsonl",
        [
            {
                "slug": "training",
                "title": "Training",
                "statement": "Training was given.",
                "topic": "training",
                "actors": [{"actor": "dprk", "role": "recipient"}],
                "quantities": [{"qualifier": "more-than", "value": 11000, "unit": "troops"}],
                "sentences": [{"speech": "one", "sentence": training}],
                "clauses": [{"resolution": 1718, "eid": "para_8__subpara_c", "note": "Training ban."}],
            }
        ],
    )


def snapshot() -> dict:
    return {
        "resolutions": list(Resolution.objects.values()),
        "clauses": list(Clause.objects.values()),
        "sentences": list(Sentence.objects.values()),
        "citations": list(Citation.objects.values("pk", "clause", "status", "note", "origin", "span_start")),
        "claims": list(Claim.objects.values("pk", "title", "statement")),
    }


def test_loads_everything_with_explicit_and_curated_citations(seeds):
    load(seeds)
    add_curation(seeds)
    load(seeds)
    speech = Speech.objects.get(slug="one")
    assert speech.sentences.count() == 2
    assert Clause.objects.get(eid="para_8__subpara_c").parent.eid == "para_8"
    curated = Citation.objects.get(clause__eid="para_8__subpara_c")
    assert curated.origin == "curated" and curated.cited_text == "arms training"
    explicit = Citation.objects.get(clause__isnull=True)
    assert explicit.origin == "explicit" and explicit.resolution.number == 1718
    assert SentenceReview.objects.get().note == "Thanks; cites nothing."
    claim = Claim.objects.get(slug="training")
    assert str(claim.quantities.get()) == "more than 11,000 troops"


def test_loading_twice_changes_nothing(seeds):
    load(seeds)
    add_curation(seeds)
    load(seeds)
    before = snapshot()
    output = load(seeds)
    assert snapshot() == before
    assert "0 created, 0 updated" in output


def test_a_curators_edit_is_never_silently_overwritten(seeds):
    load(seeds)
    clause = Clause.objects.get(eid="para_8__subpara_c")
    clause.summary = "A curator's better summary."
    clause.save()
    changed = [dict(row) for row in CLAUSES]
    changed[1]["summary"] = "The seed file's new summary."
    write_jsonl(seeds / "clauses.jsonl", changed)
    output = load(seeds)
    clause.refresh_from_db()
    assert clause.summary == "A curator's better summary."
    assert "sanctions.clause 1718/para_8__subpara_c" in output


def test_a_seed_change_updates_rows_nobody_edited(seeds):
    load(seeds)
    changed = [dict(row) for row in CLAUSES]
    changed[0]["summary"] = "Sharper summary."
    write_jsonl(seeds / "clauses.jsonl", changed)
    load(seeds)
    assert Clause.objects.get(eid="para_8").summary == "Sharper summary."


@pytest.mark.parametrize(
    ("filename", "lines", "expected"),
    [
        ("clauses.jsonl", [json.dumps(CLAUSES[0]), "{not json"], "clauses.jsonl:2: invalid JSON"),
        ("clauses.jsonl", [json.dumps({**CLAUSES[0], "resolution": 9999})], "clauses.jsonl:1: unknown resolution 9999"),
        ("clauses.jsonl", [json.dumps(CLAUSES[1])], "clauses.jsonl:1: parent 'para_8' must come on an earlier line"),
        (
            "resolutions.jsonl",
            [json.dumps({**RESOLUTION, "adopted_on": "14/10/2006"})],
            "resolutions.jsonl:1: 'adopted_on' must be a date",
        ),
        ("resolutions.jsonl", ["[1, 2]"], "resolutions.jsonl:1: each line must be a JSON object"),
        (
            "actors.jsonl",
            ["", json.dumps({"slug": "x", "kind": "state"})],
            "actors.jsonl:2: missing required key 'name'",
        ),
    ],
)
def test_malformed_seed_names_file_and_line_and_writes_nothing(seeds, filename, lines, expected):
    (seeds / filename).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load(seeds)
    assert expected in str(error.value)
    assert not Resolution.objects.exists()
    assert not Speech.objects.exists()


def test_a_speech_text_that_is_not_a_speech_names_its_file(seeds):
    (seeds / "speeches" / "one.txt").write_text("###\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load(seeds)
    assert "speeches/one.txt:1:" in str(error.value)
    assert not Resolution.objects.exists()


def test_a_citation_to_an_unknown_sentence_names_the_line(seeds):
    load(seeds)
    write_jsonl(seeds / "citations.jsonl", [{"speech": "one", "sentence": "nope", "resolution": 1718, "note": "x"}])
    with pytest.raises(CommandError, match=r"citations.jsonl:1: speech 'one' has no sentence 'nope'"):
        load(seeds)


def test_dry_run_rolls_back(seeds):
    out = StringIO()
    call_command("load_seeds", seeds_dir=seeds, dry_run=True, stdout=out)
    assert "Dry run" in out.getvalue()
    assert not Resolution.objects.exists()


def test_the_real_seeds_load_cleanly_twice(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(settings.SEEDS_DIR, copy)
    load(copy)
    before = snapshot()
    load(copy)
    assert snapshot() == before


def test_the_seed_speech_is_kept_exactly_as_received():
    import hashlib

    received = settings.SEEDS_DIR / "speeches" / "000_941e9ab10adb1a98.txt"
    digest = hashlib.sha256(received.read_bytes()).hexdigest()
    assert digest == "e96942159b41fa86fc452ec8cfb269c20b73d832aa691b37fa6d6649266b028a"


def test_every_seed_sentence_is_reviewed_and_every_claim_is_linked(seeded):
    speech = Speech.objects.get(slug="thomas-greenfield-2024-12-18")
    sentences = speech.sentences.current()
    assert sentences.count() == 69
    assert not sentences.filter(review__isnull=True).exists()
    assert Citation.objects.filter(origin="curated", status="accepted").count() >= 40
    assert not Citation.objects.filter(origin="curated", note="").exists()
    for claim in Claim.objects.all():
        assert claim.sentences.exists(), claim.slug
        assert claim.actors.exists(), claim.slug
    expected = {
        "dprk-munitions-to-russia",
        "dprk-missiles-used-in-ukraine",
        "dprk-artillery-and-rocket-launchers",
        "dprk-troops-in-russia",
        "russia-trains-dprk-troops",
        "russia-air-defence-to-dprk",
        "russia-petroleum-above-cap",
        "russia-dual-use-to-dprk",
        "russia-space-technology",
        "russia-vetoed-panel-of-experts",
        "china-political-cover",
        "russia-accepting-dprk-nuclear-programme",
    }
    assert expected <= set(Claim.objects.values_list("slug", flat=True))
    petroleum = Claim.objects.get(slug="russia-petroleum-above-cap")
    assert [str(c) for c in petroleum.clauses.all()] == ["2397 para 5"]
