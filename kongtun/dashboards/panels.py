"""Panels the dashboards app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from django.utils import timezone

from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.core.thai import fiscal_year_of
from kongtun.dashboards import trends
from kongtun.dashboards.finance import finance_board
from kongtun.dashboards.selectors import Scope
from kongtun.funds.models import Fund
from kongtun.situations.selectors import AreaIndicator


@provide("fund.sections", order=90)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel:
    """The fund's dashboard and a search of its projects and reports: open to everyone."""
    return Panel("dashboards/_fund_link.html", {"fund": fund})


@provide("indicator.sections", order=10)
def indicator_trend(request: HtmxRequest, shown: AreaIndicator) -> Panel:
    """The indicator over five fiscal years, the area beside the median of its parent's areas
    (the page itself checked that the user may read the area)."""
    the_trend = trends.indicator_trend(shown.area, shown.indicator, shown.fiscal_year)
    context = {
        "trend": the_trend,
        "scope": the_trend.scope,
        "median_label": trends.median_label(the_trend),
        "chart_data": trends.trend_chart_data(the_trend),
    }
    return Panel("dashboards/_indicator_trend.html", context)


@provide("fund.sections", order=36)
def fund_spending(request: HtmxRequest, fund: Fund) -> Panel | None:
    """This fiscal year's money-use and balance rates of the fund against the spending-rate target,
    and how far its months are closed (from the month roll-up), for those who read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    year = request.GET.get("year", "")
    fiscal_year = (
        int(year) if year.isdigit() and 2400 < int(year) < 2700 else fiscal_year_of(timezone.localdate())
    )
    board = finance_board(Scope(fiscal_year=fiscal_year, fund=fund))
    money = board.funds[0] if board.funds else None
    context = {
        "fund": fund,
        "board": board,
        "money": money,
        "behind": money is not None and board.behind(money),
    }
    return Panel("dashboards/_fund_finance.html", context)
