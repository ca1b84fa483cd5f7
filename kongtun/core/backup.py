"""Backup and restore of the database and the photos together (manage.py backup / restore).

A backup is a folder: `database.dump` (pg_dump's custom format), `photos.tar` (every file of the
default storage, whether a disk folder or an S3 bucket) and `manifest.json` (when, and the row
count of every table, which restore checks). PostgreSQL only: SQLite is a file to copy.
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import connections, transaction
from django.utils import timezone

DUMP, PHOTOS, MANIFEST = "database.dump", "photos.tar", "manifest.json"


class BackupError(Exception):
    pass


def _database(alias: str = "default") -> dict[str, Any]:
    db = connections[alias].settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("backup and restore need PostgreSQL; with SQLite, copy the database file")
    return dict(db)


def _pg(command: str, db: dict[str, Any], *args: str) -> None:
    """Run pg_dump or pg_restore on the database (the password goes through the environment)."""
    conn = [f"--host={db['HOST'] or 'localhost'}", f"--port={db['PORT'] or 5432}", f"--username={db['USER']}"]
    env = {**os.environ, **({"PGPASSWORD": str(db["PASSWORD"])} if db.get("PASSWORD") else {})}
    done = subprocess.run([command, *conn, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command} failed: {done.stderr.strip()}")


def table_counts(alias: str = "default") -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def backup(target: Path) -> dict[str, Any]:
    """Write a backup folder; the database first, so every photo it names is in the archive."""
    db = _database()
    target.mkdir(parents=True, exist_ok=False)
    # pg_dump reads the snapshot the counts were taken in, so restore can check them while the site
    # goes on writing.
    with transaction.atomic(), connections["default"].cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts()
        _pg(
            "pg_dump",
            db,
            "--format=custom",
            "--no-owner",
            f"--snapshot={snapshot}",
            f"--file={target / DUMP}",
            db["NAME"],
        )
    photos = 0
    with tarfile.open(target / PHOTOS, "w") as archive:
        for name in _walk(default_storage) if _has_files(default_storage) else []:
            with default_storage.open(name, "rb") as stored:
                data = stored.read()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, BytesIO(data))
            photos += 1
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": db["NAME"],
        "photos": photos,
        "tables": counts,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def _has_files(storage: Storage) -> bool:
    """A disk storage whose folder was never made has no files (listdir would fail)."""
    try:
        storage.listdir("")
    except FileNotFoundError:
        return False
    return True


def restore(source: Path) -> dict[str, Any]:
    """Restore a backup folder into the configured, empty database and storage; check the counts."""
    db = _database()
    manifest = json.loads((source / MANIFEST).read_text())
    with connections["default"].cursor() as cursor:
        if connections["default"].introspection.table_names(cursor):
            raise BackupError(f"the database {db['NAME']} is not empty: restore into a fresh one")
    _pg("pg_restore", db, "--no-owner", "--exit-on-error", f"--dbname={db['NAME']}", str(source / DUMP))
    with tarfile.open(source / PHOTOS) as archive:
        for member in archive.getmembers():
            if not member.isfile() or default_storage.exists(member.name):
                continue
            stored = archive.extractfile(member)
            assert stored is not None
            saved = default_storage.save(member.name, ContentFile(stored.read()))
            if saved != member.name:
                raise BackupError(f"the storage renamed {member.name} to {saved}")
    counts = table_counts()
    differ = sorted(t for t in manifest["tables"] if counts.get(t) != manifest["tables"][t])
    if differ:
        raise BackupError(f"row counts differ from the backup's in: {', '.join(differ)}")
    return manifest
