"""manage.py backup DIR: the PostgreSQL database and every photo, together (kongtun/core/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kongtun.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and the photos into a new folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="a folder that does not exist yet")

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        try:
            manifest = backup(folder)
        except (BackupError, FileExistsError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"backed up {manifest['database']}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{manifest['photos']} photo files → {folder}"
        )
