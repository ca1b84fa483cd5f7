"""Access helper for plans: outsiders get 404, read-only roles 403."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, authorize
from kongtun.plans.models import Plan
from kongtun.plans.selectors import plan_get_queryset


def plan_for(request: HttpRequest, pk: int, action: Action) -> Plan:
    plan = get_object_or_404(plan_get_queryset(), pk=pk)
    authorize(request.user, action, plan)
    return plan
