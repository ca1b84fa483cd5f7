"""manage.py restore DIR: a backup into the configured fresh database and storage (kongtun/core/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kongtun.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder into the empty database of DATABASE_URL and the photo storage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        try:
            manifest = restore(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"restored the backup of {manifest['created_at']}: every one of {len(manifest['tables'])} tables "
            f"has its row count, {manifest['photos']} photo files"
        )
