from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kongtun.webhooks.services import deliveries_retry_due


class Command(BaseCommand):
    help = "Send again the webhook deliveries whose next try is due (run every few minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = deliveries_retry_due()
        self.stdout.write(f"{count} deliveries tried")
