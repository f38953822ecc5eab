"""import_resolution: clauses by eId, curated fields kept, idempotent, errors name file:line."""

import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sanctions.importing import NEW_CLAUSE_NOTE, ImportReport, import_resolution_text
from sanctions.models import Clause, Resolution
from sanctions.resolution_text import ResolutionTextError

pytestmark = pytest.mark.django_db

GNOMES = """\
Resolution 4242 (2031)
The Security Council,

Recalling its long concern for ornamental gardens,

1. Decides that no State shall export garden gnomes, painted or
unpainted;
2. Requests all States to report on:
(a) gnomes held in storage;
(b) gnomes in transit, including:
(i) by sea;
(ii) by air;
3. Decides to remain actively seized of the matter.
"""
GNOME_EIDS = [
    "preamble__para_1",
    "para_1",
    "para_2",
    "para_2__subpara_a",
    "para_2__subpara_b",
    "para_2__subpara_b__point_i",
    "para_2__subpara_b__point_ii",
    "para_3",
]


@pytest.fixture
def resolution() -> Resolution:
    return Resolution.objects.create(
        number=4242,
        year=2031,
        symbol="S/RES/4242 (2031)",
        adopted_on=date(2031, 4, 1),
        official_url="https://example.org/S/RES/4242(2031)",
    )


@pytest.fixture
def gnome_file(tmp_path) -> Path:
    path = tmp_path / "gnomes.txt"
    path.write_text(GNOMES, encoding="utf-8")
    return path


def run(path: Path, **options) -> str:
    out = StringIO()
    call_command("import_resolution", str(path), stdout=out, **options)
    return out.getvalue()


def test_import_creates_every_clause_in_document_order(resolution):
    report = import_resolution_text(resolution=resolution, text=GNOMES)
    assert report.created == GNOME_EIDS
    assert list(resolution.clauses.order_by("position").values_list("eid", flat=True)) == GNOME_EIDS


def test_import_fills_official_text_label_verb_and_parent(resolution):
    import_resolution_text(resolution=resolution, text=GNOMES)
    clause = resolution.clauses.get(eid="para_1")
    assert clause.official_text == "Decides that no State shall export garden gnomes, painted or unpainted;"
    assert (clause.label, clause.verb, clause.kind) == ("1", "Decides", "operative")
    point = resolution.clauses.get(eid="para_2__subpara_b__point_ii")
    assert point.label == "2 (b) (ii)"
    assert point.parent.eid == "para_2__subpara_b"
    assert point.parent.parent.eid == "para_2"
    assert resolution.clauses.get(eid="preamble__para_1").kind == "preambular"


def test_new_clauses_are_marked_for_a_curator(resolution):
    import_resolution_text(resolution=resolution, text=GNOMES)
    clause = resolution.clauses.get(eid="para_3")
    assert (clause.summary, clause.confidence, clause.curator_note) == ("", "low", NEW_CLAUSE_NOTE)


def test_curated_fields_survive_reimport_of_changed_text(resolution):
    import_resolution_text(resolution=resolution, text=GNOMES)
    resolution.clauses.filter(eid="para_1").update(
        summary="No gnome may leave.",
        key_terms=["gnome"],
        topics=["arms"],
        confidence="verified",
        verification="Checked against the adopted text.",
        curator_note="Core ban.",
    )
    reworded = GNOMES.replace("painted or\nunpainted", "whatever their hats")
    report = import_resolution_text(resolution=resolution, text=reworded)
    clause = resolution.clauses.get(eid="para_1")
    assert report.updated == ["para_1"]
    assert clause.official_text == "Decides that no State shall export garden gnomes, whatever their hats;"
    assert clause.summary == "No gnome may leave."
    assert (clause.key_terms, clause.topics) == (["gnome"], ["arms"])
    assert (clause.confidence, clause.verification, clause.curator_note) == (
        "verified",
        "Checked against the adopted text.",
        "Core ban.",
    )


def test_existing_curated_clause_is_filled_not_duplicated(resolution):
    Clause.objects.create(resolution=resolution, eid="para_1", label="1", summary="Ban on gnome exports.")
    report = import_resolution_text(resolution=resolution, text=GNOMES)
    assert "para_1" in report.updated
    assert resolution.clauses.filter(eid="para_1").count() == 1
    clause = resolution.clauses.get(eid="para_1")
    assert clause.summary == "Ban on gnome exports."
    assert clause.official_text.startswith("Decides that no State")


def test_second_import_of_the_same_text_changes_nothing(resolution):
    import_resolution_text(resolution=resolution, text=GNOMES)
    history_rows = Clause.history.count()
    report = import_resolution_text(resolution=resolution, text=GNOMES)
    assert report.created == report.updated == []
    assert report.unchanged == GNOME_EIDS
    assert Clause.history.count() == history_rows


def test_each_saved_clause_is_recorded_in_history(resolution):
    import_resolution_text(resolution=resolution, text=GNOMES)
    assert Clause.history.filter(resolution=resolution).count() == len(GNOME_EIDS)


def test_clause_missing_from_the_text_is_kept(resolution):
    Clause.objects.create(resolution=resolution, eid="para_9", label="9", summary="A curated clause.")
    import_resolution_text(resolution=resolution, text=GNOMES)
    assert resolution.clauses.filter(eid="para_9").exists()


def test_text_of_another_resolution_is_refused(resolution):
    with pytest.raises(ResolutionTextError) as caught:
        import_resolution_text(resolution=resolution, text=GNOMES.replace("4242", "4243"))
    assert caught.value.line == 1
    assert not resolution.clauses.exists()


def test_report_summary_counts_each_outcome():
    report = ImportReport(created=["para_1"], updated=["para_2", "para_3"], unchanged=[], resolution="S/RES/1 (1946)")
    assert report.summary() == "S/RES/1 (1946): 1 clauses created, 2 updated, 0 unchanged."


def test_command_imports_and_prints_the_summary(resolution, gnome_file):
    output = run(gnome_file, resolution=4242)
    assert "8 clauses created, 0 updated, 0 unchanged" in output
    assert resolution.clauses.count() == len(GNOME_EIDS)


def test_command_run_twice_reports_everything_unchanged(resolution, gnome_file):
    run(gnome_file, resolution=4242)
    assert "0 clauses created, 0 updated, 8 unchanged" in run(gnome_file, resolution=4242)


def test_dry_run_leaves_nothing_and_says_so(resolution, gnome_file):
    output = run(gnome_file, resolution=4242, dry_run=True)
    assert output.startswith("Dry run, rolled back.")
    assert "8 clauses created" in output
    assert not Clause.objects.exists()
    assert not Clause.history.exists()


def test_malformed_text_names_file_and_line_and_writes_nothing(resolution, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_text("1. Decides one.\n2. Decides two.\n4. Decides four.\n", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"^{re.escape(str(path))}:3: paragraph 4 follows paragraph 2"):
        run(path, resolution=4242)
    assert not Clause.objects.exists()


def test_error_after_existing_clauses_leaves_them_as_they_were(resolution, tmp_path):
    Clause.objects.create(resolution=resolution, eid="para_1", label="1", summary="Kept.")
    path = tmp_path / "broken.txt"
    path.write_text("1. Decides one.\n(a) first;\n(c) third;\n", encoding="utf-8")
    with pytest.raises(CommandError, match=rf"^{re.escape(str(path))}:3: "):
        run(path, resolution=4242)
    assert list(Clause.objects.values_list("eid", "official_text")) == [("para_1", "")]


def test_unknown_resolution_is_a_command_error(gnome_file):
    with pytest.raises(CommandError, match="unknown resolution 9999"):
        run(gnome_file, resolution=9999)


def test_missing_file_is_a_command_error(resolution, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "absent.txt", resolution=4242)


def test_non_utf8_file_is_a_command_error(resolution, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("1. Décide que les nains restent.\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(path, resolution=4242)
    assert not Clause.objects.exists()
