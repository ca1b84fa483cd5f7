"""Panels the books add to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.finance.selectors import books_summary, entries
from kongtun.funds.models import Fund


@provide("fund.sections", order=30)
def fund_books(request: HtmxRequest, fund: Fund) -> Panel | None:
    """The money the fund holds and its latest entries, for those who may read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    context = {"fund": fund, "books": books_summary(fund), "entries": list(entries(fund, limit=5))}
    return Panel("finance/_fund_books.html", context)
