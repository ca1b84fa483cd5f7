"""Writes of webhooks: subscriptions, and the deliveries of each event to each subscriber.

An event is published by the listener (`listeners.py`) after the write that caused it committed;
each matching subscription gets a `Delivery`, sent by the `webhook_deliver` task (`tasks.py`):
in the request with the immediate backend, by `manage.py db_worker` with the database one. A send
that fails is tried again after 1, 4, 16, 64 and 256 minutes, then given up; every attempt leaves
its status code or error on the delivery, for the subscriber to read."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.models import User
from kongtun.accounts.permissions import Action, can
from kongtun.core.events import after_commit, changed
from kongtun.funds.models import Fund
from kongtun.webhooks import signing, transport
from kongtun.webhooks.addresses import check_url
from kongtun.webhooks.models import (
    PING,
    Delivery,
    DeliveryStatus,
    EventType,
    Scope,
    Subscription,
    scope_fields,
)

MAX_ATTEMPTS = 6
FIRST_DELAY = dt.timedelta(minutes=1)
USER_AGENT = "Kongtun-Webhooks/1"


def _checked_url(url: str) -> str:
    try:
        return check_url(url)
    except ValidationError as exc:
        raise ValidationError({"url": exc.messages}) from None


def _clean_events(events: Sequence[str]) -> list[str]:
    chosen = [e for e in EventType.values if e in set(events)]
    if not chosen or len(chosen) != len(set(events)):
        raise ValidationError({"events": _("Choose at least one event, from the list.")})
    return chosen


def subscription_create(
    *, scope: Scope, url: str, events: Sequence[str], by: User, description: str = ""
) -> Subscription:
    subscription = Subscription.objects.create(
        **scope_fields(scope),
        url=_checked_url(url),
        events=_clean_events(events),
        description=description.strip(),
        secret=signing.new_secret(),
        created_by=by,
    )
    changed(subscription)
    return subscription


def subscription_update(
    *,
    subscription: Subscription,
    url: str,
    events: Sequence[str],
    description: str = "",
    is_active: bool = True,
) -> Subscription:
    subscription.url = _checked_url(url)
    subscription.events = _clean_events(events)
    subscription.description = description.strip()
    subscription.is_active = is_active
    subscription.save()
    changed(subscription)
    return subscription


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    changed(subscription, deleted=True)
    subscription.delete()


# Deliveries ------------------------------------------------------------------------------------


def _schedule(delivery: Delivery) -> None:
    from kongtun.webhooks.tasks import webhook_deliver  # the task module imports this one

    def enqueue() -> None:
        webhook_deliver.enqueue(delivery.pk)

    after_commit(enqueue)


def _envelope(event_id: uuid.UUID, event: str, fund: Fund | None, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(event_id),
        "type": event,
        "created": timezone.now().isoformat(),
        "fund": {"code": fund.code, "name": fund.name} if fund is not None else None,
        "data": data,
    }


def delivery_create(
    *, subscription: Subscription, event: str, data: dict[str, Any], fund: Fund | None = None
) -> Delivery:
    event_id = uuid.uuid4()
    payload = json.loads(json.dumps(_envelope(event_id, event, fund, data), cls=DjangoJSONEncoder))
    delivery = Delivery.objects.create(
        subscription=subscription, event_id=event_id, event=event, payload=payload
    )
    _schedule(delivery)
    return delivery


def subscriptions_to_tell(fund: Fund, event: str) -> list[Subscription]:
    """The active subscriptions for `event` of this fund or an area above it, whose subscriber may
    still subscribe there (someone who lost the role hears nothing more)."""
    found = Subscription.objects.filter(is_active=True).filter(
        Q(fund=fund)
        | Q(district_id=fund.district_id)
        | Q(province_id=fund.province_id)
        | Q(region_id=fund.region_id)
    )
    return [
        s
        for s in found.select_related("fund", "district", "province", "region", "created_by")
        if event in s.events and can(s.created_by, Action.SUBSCRIBE, s.scope)
    ]


def event_publish(*, fund: Fund, event: str, data: dict[str, Any]) -> list[Delivery]:
    """Tell every subscriber of `fund`'s `event` (called by the listener, after commit)."""
    return [
        delivery_create(subscription=s, event=event, data=data, fund=fund)
        for s in subscriptions_to_tell(fund, event)
    ]


def subscription_test(*, subscription: Subscription) -> Delivery:
    """A `ping` message, sent as any other, so the subscriber sees their receiver answer."""
    scope = subscription.scope
    return delivery_create(
        subscription=subscription,
        event=PING,
        data={"message": "Kongtun webhook test", "subscription": subscription.pk},
        fund=scope if isinstance(scope, Fund) else None,
    )


def _delay(attempts: int) -> dt.timedelta:
    return FIRST_DELAY * (4 ** (attempts - 1))


def delivery_attempt(*, delivery: Delivery) -> Delivery:
    """Send a delivery once (unless it was delivered or given up) and record what came of it."""
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().select_related("subscription").get(pk=delivery.pk)
        if delivery.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
            return delivery
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "Kongtun-Event": delivery.event,
        "Kongtun-Delivery": str(delivery.event_id),
        signing.HEADER: signing.sign(subscription.secret, body),
    }
    code: int | None = None
    error = ""
    try:
        check_url(subscription.url)
        reply = transport.post(subscription.url, body, headers)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    except Exception as exc:  # the receiver could not be reached: tried again later
        error = f"{type(exc).__name__}: {exc}"[:500]
    else:
        code = reply.status
        if not 200 <= code < 300:
            error = _("The receiver answered %(code)s.") % {"code": code}
            if reply.text:
                error += " " + reply.text[:300]
    now = timezone.now()
    delivery.status_code = code
    delivery.last_error = error
    delivery.next_attempt_at = None
    if not error:
        outcome, delivery.delivered_at = DeliveryStatus.DELIVERED, now
    elif delivery.attempts >= MAX_ATTEMPTS or not subscription.is_active:
        outcome = DeliveryStatus.FAILED
    else:
        outcome, delivery.next_attempt_at = DeliveryStatus.RETRYING, now + _delay(delivery.attempts)
    delivery.status = outcome
    delivery.save(update_fields=["status", "status_code", "last_error", "next_attempt_at", "delivered_at"])
    return delivery


def deliveries_retry_due(*, now: dt.datetime | None = None) -> int:
    """Send again every failed delivery whose time has come (`manage.py webhooks_retry`; the
    database backend's worker does it by itself, this catches what a stopped worker missed)."""
    due = Delivery.objects.filter(status=DeliveryStatus.RETRYING, next_attempt_at__lte=now or timezone.now())
    count = 0
    for delivery in due.order_by("next_attempt_at")[:500]:
        delivery_attempt(delivery=delivery)
        count += 1
    return count
