"""Demo step: fill the dashboards' roll-ups from the demo data."""

from __future__ import annotations

from kongtun.dashboards.services import rollup_refresh_all


def load(size: str) -> None:
    rollup_refresh_all()
