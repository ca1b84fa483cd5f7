"""Panels webhooks add to the fund page and the area pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import HtmxRequest
from kongtun.areas.selectors import Area, area_level
from kongtun.core.panels import Panel, provide
from kongtun.funds.models import Fund


@provide("fund.actions", order=90)
def fund_webhooks(request: HtmxRequest, fund: Fund) -> Panel | None:
    if not can(request.user, Action.SUBSCRIBE, fund):
        return None
    return Panel("webhooks/_link.html", {"level": "fund", "code": fund.code})


@provide("area.links", order=90)
def area_webhooks(request: HtmxRequest, area: Area) -> Panel | None:
    if not can(request.user, Action.SUBSCRIBE, area):
        return None
    return Panel("webhooks/_link.html", {"level": area_level(area), "code": area.pk})
