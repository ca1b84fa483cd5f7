"""Panels field entry adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, fund_actions
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.field.selectors import fund_conflict_count
from kongtun.funds.models import Fund


@provide("fund.actions", order=45)
def field_links(request: HtmxRequest, fund: Fund) -> Panel | None:
    """Offline entry on a phone; for the officer, invitations and records waiting for a choice."""
    actions = fund_actions(request.user, fund)
    if Action.ENTER_DATA not in actions:
        return None
    officer = Action.MANAGE_MEMBERS in actions
    return Panel(
        "field/_fund_links.html",
        {
            "fund": fund,
            "officer": officer,
            "conflicts": fund_conflict_count(fund) if Action.EDIT in actions else 0,
        },
    )
