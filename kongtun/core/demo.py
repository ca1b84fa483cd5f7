"""Helpers for the apps' demo steps (`<app>/demo.py: load(size)`): which districts the small demo
covers, its fiscal years, and random numbers that are the same on every machine. The steps are
run in order by `kongtun.workspace.demo` (the `demo` command).
"""

from __future__ import annotations

import hashlib
import random

from django.utils import timezone

from kongtun.core.thai import fiscal_year_of

# จะนะ and เทพา (สงขลา), เขาชัยสน (พัทลุง), ย่านตาขาว (ตรัง): NHSO region 12, 34 funds.
SMALL_DISTRICTS = ("9003", "9005", "9303", "9203")


def demo_years() -> tuple[int, int, int]:
    """The current fiscal year and the two before it, so that the demo always shows "this year"."""
    current = fiscal_year_of(timezone.localdate())
    return (current - 2, current - 1, current)


def rng_for(*parts: object) -> random.Random:
    """A random generator that gives the same numbers for the same parts on every machine."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))
