"""The demo data set: small (a few provinces, ~30 funds, one login per role) or national (a fund for
every sub-district). Deterministic and idempotent: running it again changes nothing.

Each app that has demo data has a step `<app>/demo.py: load(size: str) -> None`, listed in STEPS in
the order they build on each other; the helpers they share are in `kongtun.core.demo`.
"""

from __future__ import annotations

import importlib

DEMO_PASSWORD = "kongtun-demo"

STEPS = [
    "kongtun.programme.demo",
    "kongtun.funds.demo",
    "kongtun.workspace.demo.users",
    "kongtun.situations.demo",
    "kongtun.plans.demo",
    "kongtun.projects.demo",
    "kongtun.followups.demo",
    "kongtun.dashboards.demo",
    "kongtun.search.demo",  # keep last: indexes what the steps above made
]


def run(size: str) -> None:
    for name in STEPS:
        importlib.import_module(name).load(size)  # type: ignore[attr-defined]
