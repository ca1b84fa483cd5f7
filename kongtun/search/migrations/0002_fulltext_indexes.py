"""The full-text indexes, one per database: an FTS5 table on SQLite; on PostgreSQL a GIN index
over the search vector and a pg_trgm GIN index on the title (for typos)."""

from __future__ import annotations

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SQLITE_FORWARD = (
    # Standalone FTS5 table keyed by the document id; the marks (M*) stay inside Thai words.
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "segmented, tokenize = \"unicode61 categories 'L* N* M* Co'\")"
)
PG_FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_doc_vector_gin ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_doc_title_trgm ON search_searchdocument USING gin (title gin_trgm_ops)",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)
    elif vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        TrigramExtension(),  # does nothing on databases other than PostgreSQL
        migrations.RunPython(forward, backward),
    ]
