"""Panels the projects app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, can, fund_actions
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.funds.models import Fund
from kongtun.projects.selectors import public_fund_projects


@provide("fund.actions", order=30)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel | None:
    actions = fund_actions(request.user, fund)
    if not actions & {Action.VIEW, Action.PROPOSE}:
        return None
    return Panel("projects/_fund_links.html", {"fund": fund, "actions": actions})


@provide("fund.sections", order=20)
def approved_projects(request: HtmxRequest, fund: Fund) -> Panel:
    """Approved projects of the fund (public), with a link to all proposals for its workers."""
    approved = public_fund_projects(fund)
    context = {
        "fund": fund,
        "approved": approved[:8],
        "count": approved.count(),
        "internal": can(request.user, Action.VIEW, fund),
    }
    return Panel("projects/_fund_section.html", context)
