"""Access helpers of funds and areas. Every app's access helpers have one shape,
`<thing>_for(user, key, action) -> thing`: fetch it, or refuse through the permission layer (404 for
someone who may not see it, 403 for someone who may see it but not do `action`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize, is_admin
from kongtun.areas.selectors import LEVELS, Area, area_get
from kongtun.funds.models import Fund


def fund_for(user: AnyUser, code: str, action: Action) -> Fund:
    fund = get_object_or_404(Fund.objects.select_related("district__province__region"), code=code)
    authorize(user, action, fund)
    return fund


def area_for(user: AnyUser, level: str, code: str, action: Action = Action.VIEW) -> Area:
    """A region, province or district whose roll-ups `user` may read (an area role over it)."""
    if level not in LEVELS:
        raise Http404
    area = area_get(level, code)
    authorize(user, action, area)
    return area


def fund_create_check(user: AnyUser) -> None:
    """Only programme admins register new funds; anyone else who asks gets 403 (the registry is public)."""
    if not is_admin(user):
        raise PermissionDenied
