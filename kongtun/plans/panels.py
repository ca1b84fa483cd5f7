"""Panels the plans app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, can, fund_actions
from kongtun.accounts.types import HtmxRequest
from kongtun.areas.selectors import Area, area_level
from kongtun.core.panels import Panel, provide
from kongtun.funds.models import Fund
from kongtun.plans.selectors import fund_results, plan_counts
from kongtun.situations.access import current_year
from kongtun.situations.selectors import fund_completeness


@provide("fund.actions", order=20)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel | None:
    if Action.VIEW not in fund_actions(request.user, fund):
        return None
    return Panel("plans/_fund_links.html", {"fund": fund, "current_year": current_year()})


@provide("fund.sections", order=10)
def situation_and_plans(request: HtmxRequest, fund: Fund) -> Panel | None:
    """This year's situation completeness and plans, for those who may see the fund's workspace."""
    if not can(request.user, Action.VIEW, fund):
        return None
    year = current_year()
    done, total = fund_completeness(fund=fund, fiscal_year=year)
    plans = plan_counts(fund_ids=[fund.pk], fiscal_year=year).get(fund.pk, 0)
    context = {"fund": fund, "year": year, "done": done, "total": total, "plans": plans}
    return Panel("plans/_fund_summary.html", context)


@provide("fund.sections", order=15)
def plan_results(request: HtmxRequest, fund: Fund) -> Panel | None:
    """Whether the plans of the last five years met their 1-year targets."""
    if not can(request.user, Action.VIEW, fund):
        return None
    results = fund_results(fund=fund, last_year=current_year())
    return Panel("plans/_fund_results.html", {"fund": fund, "results": results})


@provide("area.links", order=10)
def area_links(request: HtmxRequest, area: Area) -> Panel | None:
    """The district plan and situation links, for those who may read the area's roll-ups."""
    if not can(request.user, Action.VIEW, area):
        return None
    context = {"area": area, "level": area_level(area), "year": current_year()}
    return Panel("plans/_area_links.html", context)
