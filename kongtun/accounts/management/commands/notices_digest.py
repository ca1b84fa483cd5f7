"""`manage.py notices_digest`: the daily e-mail of notices, for those who chose it. Run it once a
day (cron, or the scheduler of the deployment); a second run on the same day sends nothing. With
`--enqueue` the background worker sends it (the same job, once per day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from kongtun.accounts.services import notices_digest_of_day
from kongtun.accounts.tasks import notices_digest_daily


class Command(BaseCommand):
    help = (
        "Send each user who chose the daily digest one e-mail with the notices not mailed yet (once a day)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="let the background worker send it")
        parser.add_argument(
            "--day", type=dt.date.fromisoformat, help="the day (YYYY-MM-DD), today if left out"
        )

    def handle(self, *args: Any, enqueue: bool, day: dt.date | None, **options: Any) -> None:
        day = day or timezone.localdate()
        if enqueue:
            result = notices_digest_daily.enqueue(day.isoformat())
            self.stdout.write(f"digest of {day} enqueued as job {result.id}.")
            return
        sent = notices_digest_of_day(day=day)
        if sent is None:
            self.stdout.write(f"The digest of {day} went out already.")
        else:
            self.stdout.write(f"{sent} digest e-mails sent.")
