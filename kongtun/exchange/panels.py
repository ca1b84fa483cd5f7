"""The exchange link on the fund page (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, fund_actions
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.funds.models import Fund


@provide("fund.actions", order=90)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel | None:
    if Action.VIEW not in fund_actions(request.user, fund):
        return None
    return Panel("exchange/_fund_links.html", {"fund": fund})
