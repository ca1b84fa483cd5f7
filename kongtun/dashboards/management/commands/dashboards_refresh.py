from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kongtun.dashboards.services import rollup_refresh, rollup_refresh_all


class Command(BaseCommand):
    help = (
        "Rebuild the roll-ups behind the national, region and province dashboards (after a bulk "
        "import; the services keep them up to date after every change)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, help="only this fiscal year (B.E.); default: every year")

    def handle(self, *args: Any, year: int | None = None, **options: Any) -> None:
        started = time.monotonic()
        runs = [rollup_refresh(fiscal_year=year)] if year else rollup_refresh_all()
        years = ", ".join(str(r.fiscal_year) for r in runs)
        self.stdout.write(
            f"roll-ups refreshed for {years or 'no year'} in {time.monotonic() - started:.1f} s"
        )
