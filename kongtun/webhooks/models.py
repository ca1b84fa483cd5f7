"""Webhooks: another system subscribes a URL for a fund or an area and is told, by a signed JSON
POST, when a project's status changes, an activity report is added, or a month of the books is
closed (or opened again). Every message to every subscriber is a `Delivery`, kept with its attempts,
last status code and last error for the subscriber to see."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kongtun.areas.models import District, Province, Region
from kongtun.funds.models import Fund


class EventType(models.TextChoices):
    PROJECT_STATUS = "project.status_changed", _("A project's status changed")
    REPORT_CREATED = "activity_report.created", _("A new activity report")
    MONTH_CLOSED = "month.closed", _("A month of the books was closed")
    MONTH_REOPENED = "month.reopened", _("A closed month was opened again")


PING = "ping"  # the test message a subscriber sends themselves

# What a subscription is for: one fund, or every fund of an area.
Scope = Fund | District | Province | Region


def scope_fields(scope: Scope) -> dict[str, Scope]:
    """The field of a subscription that names `scope` (`{"district": chana}`)."""
    name = {Fund: "fund", District: "district", Province: "province", Region: "region"}[type(scope)]
    return {name: scope}


class Subscription(models.Model):
    """A URL told of one fund's events, or of every fund in a district, province or region."""

    fund = models.ForeignKey(Fund, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    url = models.URLField(_("address (URL)"), max_length=500)
    description = models.CharField(_("what it is for"), max_length=200, blank=True)
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(max_length=80)
    is_active = models.BooleanField(_("sending"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="webhooks_subscription_one_scope",
                condition=(
                    Q(fund__isnull=False, district__isnull=True, province__isnull=True, region__isnull=True)
                    | Q(fund__isnull=True, district__isnull=False, province__isnull=True, region__isnull=True)
                    | Q(fund__isnull=True, district__isnull=True, province__isnull=False, region__isnull=True)
                    | Q(fund__isnull=True, district__isnull=True, province__isnull=True, region__isnull=False)
                ),
            )
        ]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.url

    @property
    def scope(self) -> Fund | District | Province | Region:
        """The fund or area the subscription is for (what the permission layer is asked about)."""
        scope = self.fund or self.district or self.province or self.region
        assert scope is not None
        return scope

    def event_labels(self) -> list[str]:
        labels = dict(EventType.choices)
        return [str(labels[e]) for e in self.events if e in labels]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    RETRYING = "retrying", _("Failed; tried again later")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Gave up")


class Delivery(models.Model):
    """One message to one subscriber, with what came of sending it."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.UUIDField(default=uuid.uuid4, editable=False)
    event = models.CharField(_("event"), max_length=40)
    payload = models.JSONField()
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription_id}"
