from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kongtun.areas.services import areas_load
from kongtun.workspace import demo


class Command(BaseCommand):
    help = "Load the demo data set (small: a few provinces and one login per role; national: ~7,700 funds)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=["small", "national"], default="small")

    def handle(self, *args: Any, size: str, **options: Any) -> None:
        started = time.monotonic()
        areas_load()
        demo.run(size)
        self.stdout.write(f"demo data ({size}) loaded in {time.monotonic() - started:.1f} s")
        if size == "small":
            from kongtun.accounts.models import Membership
            from kongtun.workspace.demo.users import DEMO_USERS

            self.stdout.write(f"\nDemo logins at http://127.0.0.1:8000/ (password: {demo.DEMO_PASSWORD})")
            for username, *_rest in DEMO_USERS:
                for m in Membership.objects.filter(user__username=username).select_related("fund", "user"):
                    self.stdout.write(f"  {username:<11} {m.get_role_display()} · {m.scope}")
