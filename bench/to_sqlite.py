"""Copy a generated PostgreSQL bench database into a SQLite file, to measure the embedded default
at the same size (see bench/README.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kongtun_bench \
        .venv/bin/python bench/to_sqlite.py bench/data/kongtun_bench.sqlite3

The SQLite file is made by the app's own migrations (its tables, indexes and the FTS5 search
table), then every table is copied row for row, stored the way Django's SQLite backend stores
each type; the FTS5 table is filled from the documents' segmented text as `search.services` does
on SQLite, and the PostgreSQL-only search vector stays empty as it does there. The data are the
same rows, ids included, so bench/run.py --compare measures the same cases on both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kongtun.settings")
BATCH = 20_000
# Left out of the copy: the target's own bookkeeping and full-text index, and what the app does not
# store on SQLite.
SKIP_TABLES = {"django_migrations"}
SKIP_COLUMNS = {"search_searchdocument": {"search_vector"}}


def _datetime(value: dt.datetime) -> str:
    # As Django's SQLite backend stores an aware datetime (USE_TZ): UTC, without the offset.
    return str(value.astimezone(dt.UTC).replace(tzinfo=None))


sqlite3.register_adapter(Decimal, str)
sqlite3.register_adapter(dt.datetime, _datetime)
sqlite3.register_adapter(dt.date, str)
sqlite3.register_adapter(dict, json.dumps)
sqlite3.register_adapter(list, json.dumps)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("target", type=Path, help="the SQLite file to (re)create, named kongtun_bench*")
    args = parser.parse_args()
    target: Path = args.target.resolve()
    if not target.name.startswith("kongtun_bench"):
        raise SystemExit(f"Refusing to write {target}: name the file kongtun_bench*.sqlite3")

    import django

    django.setup()
    from django.db import connection, transaction

    if connection.vendor != "postgresql" or not str(connection.settings_dict["NAME"]).startswith(
        "kongtun_bench"
    ):
        raise SystemExit(
            "The source is a PostgreSQL bench database (DATABASE_URL=postgres://…/kongtun_bench…)."
        )
    started = time.monotonic()
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{target}")
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--verbosity", "0"], env=env, check=True
    )
    print(f"migrated {target.name} in {time.monotonic() - started:.0f} s", flush=True)

    out = sqlite3.connect(target, isolation_level=None)
    out.execute("PRAGMA journal_mode=OFF")
    out.execute("PRAGMA synchronous=OFF")
    out.execute("PRAGMA foreign_keys=OFF")
    tables = [
        name
        for (name,) in out.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'search_title_trgm%' ORDER BY name"
        )
        if name not in SKIP_TABLES
    ]
    with connection.cursor() as cursor:  # opens the connection that the copy reads through
        cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        in_source = {name for (name,) in cursor.fetchall()}
    out.execute("BEGIN")
    for table in tables:
        if table not in in_source:
            continue
        step = time.monotonic()
        columns = [
            f'"{c[1]}"'
            for c in out.execute(f'PRAGMA table_info("{table}")')
            if c[1] not in SKIP_COLUMNS.get(table, set())
        ]
        out.execute(f'DELETE FROM "{table}"')  # what migrate itself wrote (content types, permissions)
        insert = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
        rows = 0
        with transaction.atomic(), connection.connection.cursor(name=f"copy_{table}") as source:
            # A server-side cursor: the rows are streamed, not all held in memory.
            source.itersize = BATCH
            source.execute(f'SELECT {", ".join(columns)} FROM "{table}"')
            while batch := source.fetchmany(BATCH):
                out.executemany(insert, batch)
                rows += len(batch)
        if rows:
            print(f"  {table:<40} {rows:>10,} rows {time.monotonic() - step:5.0f} s", flush=True)
    step = time.monotonic()
    out.execute("INSERT INTO search_fts (rowid, segmented) SELECT id, segmented FROM search_searchdocument")
    out.execute("INSERT INTO search_title_trgm (rowid, title) SELECT id, title FROM search_searchdocument")
    out.execute("COMMIT")
    print(f"  {'search_fts, search_title_trgm (FTS5)':<40} {time.monotonic() - step:>21.0f} s", flush=True)
    out.execute("ANALYZE")
    out.execute("PRAGMA journal_mode=WAL")  # as the app opens it (kongtun/settings.py)
    out.close()
    size = target.stat().st_size / 2**30
    print(f"{target} ({size:.1f} GiB) in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
