"""Panels the dashboards app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.funds.models import Fund


@provide("fund.sections", order=90)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel:
    """The fund's dashboard and a search of its projects and reports: open to everyone."""
    return Panel("dashboards/_fund_link.html", {"fund": fund})
