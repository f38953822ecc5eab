"""Management commands: annotate (no database), generate_corpus, serve's set-up."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from speeches.models import Speech

SEED_SPEECH = settings.SEEDS_DIR / "speeches" / "000_941e9ab10adb1a98.txt"


def annotate(*args: str) -> dict:
    out = StringIO()
    call_command("annotate", *args, stdout=out)
    return json.loads(out.getvalue())


def test_annotate_prints_every_sentence_with_found_and_suggested_citations():
    # No django_db mark: pytest-django fails the test if the database is touched.
    document = annotate(str(SEED_SPEECH), "--format", "json")
    sentences = document["sentences"]
    assert len(sentences) == 69
    assert {"anchor", "part", "paragraph", "text", "citations"} <= set(sentences[0])
    assert sentences[-1]["part"] == 2
    arms = next(s for s in sentences if s["text"].startswith("Colleagues, Resolutions 1718"))
    explicit = [c for c in arms["citations"] if c["origin"] == "explicit"]
    assert [c["resolution"] for c in explicit] == [1718, 1874, 2270]
    assert all(c["eid"] is None for c in explicit)
    start, end = explicit[0]["span"]
    assert "1718" in arms["text"][start:end]
    petroleum = next(s for s in sentences if s["text"].startswith("The Kremlin"))
    suggested = [c for c in petroleum["citations"] if c["origin"] == "suggested"]
    assert (suggested[0]["resolution"], suggested[0]["eid"]) == (2397, "para_5")
    assert 0 < suggested[0]["score"] <= 1


def test_annotate_reports_unknown_resolutions_without_crashing(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("Resolution 9999 (2031) bans garden gnomes.\n", encoding="utf-8")
    found = annotate(str(speech))["sentences"][0]["citations"]
    assert found[0]["resolution"] == 9999 and found[0]["origin"] == "explicit"


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "no such file"), (b"\xff\xfe bad bytes", "not UTF-8"), (b"   \n", ":1:")],
)
def test_annotate_bad_files_get_a_clear_error(tmp_path, content, expected):
    path = tmp_path / "speech.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=expected):
        annotate(str(path))


@pytest.mark.django_db
def test_generate_corpus_marks_everything_synthetic_and_can_delete_it(seeded):
    out = StringIO()
    call_command("generate_corpus", speeches=3, stdout=out)
    synthetic = Speech.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 3
    for speech in synthetic:
        assert speech.title.startswith("[Synthetic]")
        assert 30 <= speech.sentences.count() <= 120
        assert "not a real statement" in speech.summary
    call_command("generate_corpus", delete=True, stdout=out)
    assert not Speech.objects.filter(slug__startswith="synthetic-").exists()
    assert Speech.objects.filter(slug="thomas-greenfield-2024-12-18").exists()


@pytest.mark.django_db
def test_serve_setup_is_safe_to_run_again(tmp_path):
    out = StringIO()
    call_command("serve", setup_only=True, stdout=out)
    call_command("serve", setup_only=True, stdout=out)
    text = out.getvalue()
    assert "0 created, 0 updated" in text.splitlines()[-1]
