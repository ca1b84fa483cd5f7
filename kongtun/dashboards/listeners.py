"""The roll-ups hear of every write that they count (a project, its plans, budget or status; a plan;
an activity report and its spending) after it commits (`kongtun.core.events`), and re-aggregate the
district and year it belongs to, once per commit however many objects changed there."""

from __future__ import annotations

from collections.abc import Sequence

from kongtun.core.events import Change
from kongtun.dashboards.services import rollup_update

COUNTED = {"projects.project", "plans.plan", "followups.activityreport"}


def on_changes(changes: Sequence[Change]) -> None:
    funds_by_year: dict[int, set[int]] = {}
    for c in changes:
        if c.model in COUNTED and c.fund_id is not None and c.fiscal_year is not None:
            funds_by_year.setdefault(c.fiscal_year, set()).add(c.fund_id)
    for fiscal_year, fund_ids in sorted(funds_by_year.items()):
        rollup_update(fiscal_year=fiscal_year, fund_ids=fund_ids)
