"""Access helpers: fetch a fund for a request or refuse (404 outsider, 403 read-only)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, authorize, is_admin
from kongtun.funds.models import Fund


def fund_for(request: HttpRequest, code: str, action: Action) -> Fund:
    fund = get_object_or_404(Fund.objects.select_related("district__province__region"), code=code)
    authorize(request.user, action, fund)
    return fund


def fund_create_check(request: HttpRequest) -> None:
    """Only programme admins register new funds; anyone else who asks gets 403 (the registry is public)."""
    if not is_admin(request.user):
        raise PermissionDenied
