"""Access helpers for plans: outsiders get 404, read-only roles 403."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize, can
from kongtun.areas.models import District
from kongtun.areas.selectors import Area, area_get
from kongtun.funds.access import area_for
from kongtun.funds.selectors import user_funds
from kongtun.plans.models import Plan
from kongtun.plans.selectors import plan_get_queryset


def plan_for(user: AnyUser, pk: int, action: Action) -> Plan:
    """A fund's plan. Plans are public to read (learning across areas): anyone may VIEW them, and
    anyone refused another action on them gets 403, not 404."""
    plan = get_object_or_404(plan_get_queryset(), pk=pk)
    if action != Action.VIEW:
        authorize(user, action, plan, public=True)
    return plan


def officer_of_district(user: AnyUser, district: District) -> bool:
    """A fund officer (who writes the fund's plans) of a fund in this district."""
    return user_funds(user, Action.EDIT).filter(district=district).exists()


def district_plan_for(
    user: AnyUser, level: str, code: str, action: Action = Action.VIEW
) -> tuple[Area, bool]:
    """The area of a roll-up plan and whether the user reads the whole area (an area role).

    Besides area roles, a fund officer reads the district plan of their own district, read-only:
    anyone else gets 404, as for any area page.
    """
    if level == "district":
        district = area_get("district", code)
        assert isinstance(district, District)
        if can(user, action, district):
            return district, True
        if action == Action.VIEW and officer_of_district(user, district):
            return district, False
        raise Http404
    return area_for(user, level, code, action), True
