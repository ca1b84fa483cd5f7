"""Access helpers of webhooks (`<thing>_for(user, key, action)`, see `funds/access.py`). A
subscription is managed by whoever may SUBSCRIBE at its fund or area (the fund officer; a
district, province or region officer): someone with no role there gets 404, a read-only role 403."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize
from kongtun.funds.access import area_for, fund_for
from kongtun.webhooks.models import Delivery, Scope, Subscription


def scope_for(user: AnyUser, level: str, code: str, action: Action = Action.SUBSCRIBE) -> Scope:
    """The fund (`level` "fund") or area whose webhooks `user` manages."""
    if level == "fund":
        return fund_for(user, code, action)
    return area_for(user, level, code, action)


def subscription_for(user: AnyUser, pk: int, action: Action = Action.SUBSCRIBE) -> Subscription:
    subscription = get_object_or_404(
        Subscription.objects.select_related("fund", "district", "province", "region"), pk=pk
    )
    authorize(user, action, subscription.scope)
    return subscription


def delivery_for(user: AnyUser, pk: int, action: Action = Action.SUBSCRIBE) -> Delivery:
    delivery = Delivery.objects.filter(pk=pk).first()
    if delivery is None:
        raise Http404
    subscription_for(user, delivery.subscription_id, action)
    return delivery
