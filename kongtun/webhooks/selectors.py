"""Reads of webhooks: a fund's or area's subscriptions and each one's delivery log."""

from __future__ import annotations

from django.db.models import QuerySet

from kongtun.webhooks.models import Delivery, Scope, Subscription, scope_fields

LOG_LENGTH = 50


def subscriptions_of(scope: Scope) -> QuerySet[Subscription]:
    return Subscription.objects.filter(**scope_fields(scope))


def delivery_log(subscription: Subscription, limit: int = LOG_LENGTH) -> QuerySet[Delivery]:
    """The latest deliveries, newest first."""
    return subscription.deliveries.order_by("-created_at", "-pk")[:limit]


def scope_level(scope: Scope) -> str:
    return next(iter(scope_fields(scope)))


def scope_code(scope: Scope) -> str:
    return str(getattr(scope, "code", None) or scope.pk)
