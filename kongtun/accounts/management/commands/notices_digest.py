"""`manage.py notices_digest`: the daily e-mail of notices, for those who chose it. Run it once a
day (cron, or the scheduler of the deployment)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kongtun.accounts.services import notices_digest


class Command(BaseCommand):
    help = "Send each user who chose the daily digest one e-mail with the notices not mailed yet."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{notices_digest()} digest e-mails sent.")
