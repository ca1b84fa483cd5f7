"""Panels the dashboards app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.dashboards import trends
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
