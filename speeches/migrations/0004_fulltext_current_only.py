"""SQLite: the FTS5 index holds current sentences only.

Search never shows retired sentences, so indexing them made every query join
each match back to the sentence table to filter them out: for a common word,
thousands of row lookups. With only current sentences in the index, a search
reads the index alone. The triggers add a sentence when it is inserted or
restored and remove it when it is deleted or retired; the index is refilled
once here. PostgreSQL is unchanged (its GIN index serves the same filter).
"""

from django.db import migrations

DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_insert",
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_delete",
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_update",
]
FORWARD = [
    *DROP_TRIGGERS,
    """CREATE TRIGGER speeches_sentence_fts_insert AFTER INSERT ON speeches_sentence
    WHEN NOT new.retired BEGIN
        INSERT INTO speeches_sentence_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER speeches_sentence_fts_delete AFTER DELETE ON speeches_sentence
    WHEN NOT old.retired BEGIN
        INSERT INTO speeches_sentence_fts(speeches_sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    # An external-content 'delete' must name exactly what was indexed, hence
    # the conditions on the old and new rows.
    """CREATE TRIGGER speeches_sentence_fts_update AFTER UPDATE OF text, retired ON speeches_sentence BEGIN
        INSERT INTO speeches_sentence_fts(speeches_sentence_fts, rowid, text)
            SELECT 'delete', old.id, old.text WHERE NOT old.retired;
        INSERT INTO speeches_sentence_fts(rowid, text) SELECT new.id, new.text WHERE NOT new.retired;
    END""",
    "INSERT INTO speeches_sentence_fts(speeches_sentence_fts) VALUES ('delete-all')",
    "INSERT INTO speeches_sentence_fts(rowid, text) SELECT id, text FROM speeches_sentence WHERE NOT retired",
]
BACKWARD = [
    *DROP_TRIGGERS,
    """CREATE TRIGGER speeches_sentence_fts_insert AFTER INSERT ON speeches_sentence BEGIN
        INSERT INTO speeches_sentence_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER speeches_sentence_fts_delete AFTER DELETE ON speeches_sentence BEGIN
        INSERT INTO speeches_sentence_fts(speeches_sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER speeches_sentence_fts_update AFTER UPDATE OF text ON speeches_sentence BEGIN
        INSERT INTO speeches_sentence_fts(speeches_sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO speeches_sentence_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO speeches_sentence_fts(speeches_sentence_fts) VALUES ('rebuild')",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("speeches", "0003_longer_urls")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
