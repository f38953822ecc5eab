"""Full-text indexes for sentence search: SQLite FTS5 or a PostgreSQL GIN index.

SQLite keeps an external-content FTS5 table in step with the sentence table
through triggers (database-side, so every write path is covered). PostgreSQL
indexes the same expression the search query uses, so the planner can use it.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE speeches_sentence_fts USING fts5(
        text, content='speeches_sentence', content_rowid='id', tokenize='porter unicode61'
    )""",
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
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_insert",
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_delete",
    "DROP TRIGGER IF EXISTS speeches_sentence_fts_update",
    "DROP TABLE IF EXISTS speeches_sentence_fts",
]
POSTGRES_FORWARD = [
    # The same expression as SearchVector("text", config="english").
    """CREATE INDEX speeches_sentence_text_fts ON speeches_sentence
        USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))""",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS speeches_sentence_text_fts"]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("speeches", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
