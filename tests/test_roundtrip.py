"""The whole corpus survives dumpdata and loaddata with nothing lost."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from speeches.models import Sentence

pytestmark = pytest.mark.django_db(transaction=True)

APPS = ["speeches", "sanctions"]


def export() -> list[dict]:
    out = StringIO()
    call_command("dumpdata", *APPS, "--natural-foreign", "--indent", "0", stdout=out)
    return sorted(json.loads(out.getvalue()), key=lambda row: (row["model"], row["pk"]))


def milliseconds(rows: list[dict]) -> list[dict]:
    """Django's JSON serializer keeps datetimes to the millisecond, printing
    ".000" for a value with a few microseconds; compare at that precision."""
    return json.loads(re.sub(r'(T\d\d:\d\d:\d\d)\.000Z"', r'\1Z"', json.dumps(rows)))


def test_dump_and_load_round_trip_loses_nothing(seeded, tmp_path):
    before = export()
    assert any(row["model"] == "sanctions.claim" for row in before)
    dump = tmp_path / "corpus.json"
    dump.write_text(json.dumps(before), encoding="utf-8")

    call_command("flush", "--noinput", stdout=StringIO())
    assert not Sentence.objects.exists()
    call_command("loaddata", str(dump), stdout=StringIO())

    assert milliseconds(export()) == milliseconds(before)
