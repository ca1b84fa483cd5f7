"""Typo search on the embedded default: an FTS5 table with SQLite's trigram tokenizer over the titles,
the counterpart of PostgreSQL's pg_trgm index (migration 0002). Filled from the existing documents."""

from __future__ import annotations

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_title_trgm USING fts5(title, tokenize = 'trigram')",
    "INSERT INTO search_title_trgm (rowid, title) SELECT id, title FROM search_searchdocument",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_public_project_index")]

    operations = [migrations.RunPython(forward, backward)]
