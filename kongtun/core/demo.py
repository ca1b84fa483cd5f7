"""The demo data set: small (a few provinces, ~30 funds, one login per role) or national (a fund for
every sub-district). Deterministic and idempotent: running it again changes nothing.

Each app that has demo data adds its step to STEPS; a step is `load(size: str) -> None`.
"""

from __future__ import annotations

import hashlib
import importlib
import random

from django.utils import timezone

from kongtun.core.thai import fiscal_year_of

STEPS = [
    "kongtun.programme.demo",
    "kongtun.funds.demo",
    "kongtun.accounts.demo",
    "kongtun.situations.demo",
    "kongtun.plans.demo",
    "kongtun.projects.demo",
    "kongtun.followups.demo",
    "kongtun.dashboards.demo",
    "kongtun.search.demo",  # keep last: indexes what the steps above made
]

# จะนะ and เทพา (สงขลา), เขาชัยสน (พัทลุง), ย่านตาขาว (ตรัง): NHSO region 12, 34 funds.
SMALL_DISTRICTS = ("9003", "9005", "9303", "9203")
DEMO_PASSWORD = "kongtun-demo"


def demo_years() -> tuple[int, int, int]:
    """The current fiscal year and the two before it, so that the demo always shows "this year"."""
    current = fiscal_year_of(timezone.localdate())
    return (current - 2, current - 1, current)


def rng_for(*parts: object) -> random.Random:
    """A random generator that gives the same numbers for the same parts on every machine."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def run(size: str) -> None:
    for name in STEPS:
        importlib.import_module(name).load(size)  # type: ignore[attr-defined]
