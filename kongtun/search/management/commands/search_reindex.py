from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kongtun.search.services import search_reindex


class Command(BaseCommand):
    help = "Rebuild the Thai full-text search index from every project, plan and activity report."

    def handle(self, *args: Any, **options: Any) -> None:
        count = search_reindex(progress=lambda n: self.stdout.write(f"{n} …") if n % 5000 == 0 else None)
        self.stdout.write(self.style.SUCCESS(f"{count} documents indexed."))
