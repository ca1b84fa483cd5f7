from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kongtun.areas.services import areas_load


class Command(BaseCommand):
    help = "Load or refresh NHSO regions, provinces, districts and sub-districts (DOPA codes, from geothai)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = areas_load()
        self.stdout.write(
            f"areas: {counts['provinces']} provinces, {counts['districts']} districts, "
            f"{counts['subdistricts']} sub-districts"
        )
