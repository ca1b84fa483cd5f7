"""`manage.py open_data_export [--year 2568] [--wait 120]`: ask the queue for the open-data file of
a fiscal year (every year without --year), e.g. once a night from cron; with --wait, wait until the
worker has made it and exit 1 if it did not."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kongtun.exchange.opendata import open_data_start, open_data_years
from kongtun.reports.models import ExportJob, JobStatus


class Command(BaseCommand):
    help = "Ask the background worker for the open-data zip of a fiscal year (or of every year)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, help="fiscal year (Buddhist Era); every year if left out")
        parser.add_argument("--wait", type=float, default=0.0, help="seconds to wait for the files")

    def handle(self, *args: Any, year: int | None, wait: float, **options: Any) -> None:
        years = [year] if year else open_data_years()
        jobs = [open_data_start(year=y, user=None) for y in years]
        for job in jobs:
            self.stdout.write(f"open data {job.params['year']}: job {job.pk}")
        if not wait:
            return
        deadline = time.monotonic() + wait
        pending = {job.pk for job in jobs}
        while pending and time.monotonic() < deadline:
            time.sleep(0.5)
            for job in ExportJob.objects.filter(pk__in=pending):
                if job.is_finished:
                    pending.discard(job.pk)
                    if job.status != JobStatus.READY:
                        raise CommandError(f"open data {job.params['year']} failed: {job.error}")
                    self.stdout.write(
                        f"open data {job.params['year']}: {job.filename}, {job.row_count} records"
                    )
        if pending:
            raise CommandError(f"no worker made the open-data files within {wait:g} s")
