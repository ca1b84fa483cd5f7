"""Panels the books add to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from django.utils import timezone

from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.core.thai import fiscal_year_of
from kongtun.finance.contributions import contribution_check
from kongtun.finance.selectors import books_summary, entries
from kongtun.funds.models import Fund


@provide("fund.sections", order=30)
def fund_books(request: HtmxRequest, fund: Fund) -> Panel | None:
    """The money the fund holds and its latest entries, for those who may read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    context = {"fund": fund, "books": books_summary(fund), "entries": list(entries(fund, limit=5))}
    return Panel("finance/_fund_books.html", context)


@provide("fund.sections", order=35)
def contribution(request: HtmxRequest, fund: Fund) -> Panel | None:
    """What the fund should receive this fiscal year and what arrived, for those who read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    year = request.GET.get("year", "")
    fiscal_year = (
        int(year) if year.isdigit() and 2400 < int(year) < 2700 else fiscal_year_of(timezone.localdate())
    )
    return Panel("finance/_contribution.html", {"fund": fund, "check": contribution_check(fund, fiscal_year)})
