"""The roll-ups hear of every write that they count (a project, its plans, budget or status; a plan;
an activity report and its spending) after it commits (`kongtun.core.events`), and re-aggregate the
district and year it belongs to, once per commit however many objects changed there. Then the
cached dashboard pages of the changed funds and of every area above them render anew."""

from __future__ import annotations

from collections.abc import Sequence

from kongtun.core.events import Change
from kongtun.core.pagecache import generations_bump
from kongtun.dashboards.selectors import fund_generations
from kongtun.dashboards.services import PROJECTS, TARGETS, VALUES, finance_rollup_update, rollup_update

# What each roll-up part counts, and the year it is filed under: a situation value of a year judges
# the plans of the year before.
COUNTED = {
    "projects.project": [(PROJECTS, 0)],
    "plans.plan": [(PROJECTS, 0), (TARGETS, 0)],
    "followups.activityreport": [(PROJECTS, 0)],
    "situations.situationvalue": [(VALUES, 0), (TARGETS, -1)],
}
# The writes to a fund's books: entries (every receipt, voucher and refund books one), the books
# row (opening balance, closed-through date) and monthly closes and reopenings.
BOOKS = {"finance.journalentry", "finance.fundbooks", "finance.monthclose"}


def on_changes(changes: Sequence[Change]) -> None:
    funds: dict[tuple[int, str], set[int]] = {}
    for c in changes:
        if c.fund_id is None or c.fiscal_year is None:
            continue
        for part, shift in COUNTED.get(c.model, []):
            funds.setdefault((c.fiscal_year + shift, part), set()).add(c.fund_id)
    for (fiscal_year, part), fund_ids in sorted(funds.items()):
        rollup_update(fiscal_year=fiscal_year, fund_ids=fund_ids, parts=[part])
    books = {c.fund_id for c in changes if c.model in BOOKS and c.fund_id is not None}
    if books:
        finance_rollup_update(fund_ids=books)
    touched = {c.fund_id for c in changes if c.fund_id is not None}
    if touched:
        generations_bump(fund_generations(touched))
