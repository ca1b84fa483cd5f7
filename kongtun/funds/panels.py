"""Panels the funds app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.types import HtmxRequest
from kongtun.areas.models import District
from kongtun.areas.selectors import Area
from kongtun.core.panels import Panel, provide
from kongtun.funds.selectors import fund_list


@provide("area.sections", order=10)
def district_funds(request: HtmxRequest, area: Area) -> Panel | None:
    """The funds of a district (public information)."""
    if not isinstance(area, District):
        return None
    return Panel("funds/_district_funds.html", {"funds": fund_list(area=area)})
