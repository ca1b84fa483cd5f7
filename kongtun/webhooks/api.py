"""Webhooks' API, mounted at /api/v1/webhooks/: a fund's (`fund/<code>`) or an area's
(`district|province|region/<code>`) subscriptions, one subscription, its delivery log and its test
message. Same services and access helpers as the web pages: someone with no role there gets 404,
a read-only role 403."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from kongtun.accounts.permissions import signed_in
from kongtun.webhooks import selectors, services
from kongtun.webhooks.access import scope_for, subscription_for
from kongtun.webhooks.models import Delivery, Subscription

router = Router(tags=["webhooks"])


class SubscriptionIn(Schema):
    url: str
    events: list[str]
    description: str = ""
    is_active: bool = True


class SubscriptionOut(Schema):
    id: int
    url: str
    description: str
    events: list[str]
    is_active: bool
    secret: str
    created_at: dt.datetime


class DeliveryOut(Schema):
    id: int
    event_id: uuid.UUID
    event: str
    status: str
    attempts: int
    status_code: int | None
    last_error: str
    next_attempt_at: dt.datetime | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None


@router.get("/subscriptions/{pk}", response=SubscriptionOut, url_name="webhooks_detail")
def subscription_detail(request: HttpRequest, pk: int) -> Subscription:
    return subscription_for(request.user, pk)


@router.put("/subscriptions/{pk}", response=SubscriptionOut, url_name="webhooks_update")
def subscription_update(request: HttpRequest, pk: int, payload: SubscriptionIn) -> Subscription:
    return services.subscription_update(subscription=subscription_for(request.user, pk), **payload.dict())


@router.delete("/subscriptions/{pk}", response={204: None}, url_name="webhooks_delete")
def subscription_delete(request: HttpRequest, pk: int) -> Any:
    services.subscription_delete(subscription=subscription_for(request.user, pk))
    return Status(204, None)


@router.get("/subscriptions/{pk}/deliveries", response=list[DeliveryOut], url_name="webhooks_deliveries")
def deliveries(request: HttpRequest, pk: int) -> Any:
    return list(selectors.delivery_log(subscription_for(request.user, pk)))


@router.post("/subscriptions/{pk}/test", response={201: DeliveryOut}, url_name="webhooks_test")
def subscription_test(request: HttpRequest, pk: int) -> Any:
    """Send a `ping` message now; the answer is the delivery as it stands after the first try."""
    delivery = services.subscription_test(subscription=subscription_for(request.user, pk))
    return Status(201, Delivery.objects.get(pk=delivery.pk))


# The fund's or area's list is matched last: `subscriptions/<id>` is not a level and a code.
@router.get("/{level}/{code}", response=list[SubscriptionOut], url_name="webhooks_list")
def subscriptions(request: HttpRequest, level: str, code: str) -> Any:
    return list(selectors.subscriptions_of(scope_for(request.user, level, code)))


@router.post("/{level}/{code}", response={201: SubscriptionOut}, url_name="webhooks_create")
def subscription_create(request: HttpRequest, level: str, code: str, payload: SubscriptionIn) -> Any:
    scope = scope_for(request.user, level, code)
    user = signed_in(request.user)
    assert user is not None  # the API's authentication let only a user through
    subscription = services.subscription_create(
        scope=scope, url=payload.url, events=payload.events, description=payload.description, by=user
    )
    return Status(201, subscription)
