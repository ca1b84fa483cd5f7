"""Enqueue the worker check job and wait for a worker to run it (exit 1 if none does in time)."""

from __future__ import annotations

import secrets
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks import TaskResultStatus

from kongtun.core.tasks import worker_check


class Command(BaseCommand):
    help = "Enqueue a check job and wait until a background worker has run it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--wait", type=float, default=30.0, help="seconds to wait for a worker")

    def handle(self, *args: Any, wait: float, **options: Any) -> None:
        token = secrets.token_hex(8)
        result = worker_check.enqueue(token)
        deadline = time.monotonic() + wait
        while not result.is_finished and time.monotonic() < deadline:
            time.sleep(0.2)
            result.refresh()
        if result.status != TaskResultStatus.SUCCESSFUL or result.return_value != token:
            raise CommandError(f"no worker ran the check job within {wait:g} s (status {result.status})")
        self.stdout.write(f"worker ran the check job {result.id} on {result.backend}")
