"""Access helpers for plans: outsiders get 404, read-only roles 403."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, authorize, can
from kongtun.areas.models import District
from kongtun.areas.selectors import Area, area_get
from kongtun.funds.selectors import user_funds
from kongtun.plans.models import Plan
from kongtun.plans.selectors import plan_get_queryset
from kongtun.situations.access import area_for


def plan_for(request: HttpRequest, pk: int, action: Action) -> Plan:
    plan = get_object_or_404(plan_get_queryset(), pk=pk)
    authorize(request.user, action, plan)
    return plan


def officer_of_district(user: Any, district: District) -> bool:
    """A fund officer (who writes the fund's plans) of a fund in this district."""
    return user_funds(user, Action.EDIT).filter(district=district).exists()


def area_plan_for(request: HttpRequest, level: str, code: str) -> tuple[Area, bool]:
    """The area of a roll-up plan and whether the user reads the whole area (an area role).

    Besides area roles, a fund officer reads the district plan of their own district, read-only:
    anyone else gets 404, as for any area page.
    """
    if level == "district":
        district = area_get("district", code)
        assert isinstance(district, District)
        if can(request.user, Action.VIEW, district):
            return district, True
        if officer_of_district(request.user, district):
            return district, False
        raise Http404
    return area_for(request, level, code), True
