"""Field entry: what phones sent while offline, and the invitations that bring data collectors in.

A record from a phone carries an id made on the device (`client_id`): the server keeps every record
it accepted or held for the officer under that id, so an upload repeated after a lost answer is
recognised and never saved twice. Records the server refused are not kept: they stay on the device
with their reason, to be corrected and sent again."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kongtun.core.history import History
from kongtun.followups.models import ReportPhoto
from kongtun.funds.models import Fund


class Kind(models.TextChoices):
    SITUATION = "situation", _("Situation survey")
    REPORT = "report", _("Activity report")


class RecordStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Saved")
    CONFLICT = "conflict", _("Waiting for the fund officer")
    RESOLVED = "resolved", _("Resolved by the fund officer")


class Resolution(models.TextChoices):
    DEVICE = "device", _("The phone's values were saved")
    SERVER = "server", _("The values on the server were kept")


class SyncRecord(models.Model):
    client_id = models.UUIDField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="sync_records")
    payload = models.JSONField(_("what the phone sent"))
    status = models.CharField(_("status"), max_length=10, choices=RecordStatus)
    # A conflict: the server's version of each item the phone would overwrite, when it was held.
    server = models.JSONField(default=dict, blank=True)
    object_id = models.PositiveIntegerField(null=True, blank=True)  # the activity report it made
    received_at = models.DateTimeField(auto_now_add=True)
    resolution = models.CharField(max_length=10, choices=Resolution, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Who changed its status or resolved it, and when; the payloads stay on the record only.
    history = History(excluded_fields=["payload", "server"])

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["fund", "status"])]
        verbose_name = _("record from a phone")
        verbose_name_plural = _("records from phones")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.client_id}"


class SyncPhoto(models.Model):
    """A photo sent by a phone under its own device-made id: sent twice, stored once."""

    client_id = models.UUIDField(unique=True)
    record = models.ForeignKey(SyncRecord, on_delete=models.CASCADE, related_name="photos")
    photo = models.ForeignKey(ReportPhoto, null=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo from a phone")
        verbose_name_plural = _("photos from phones")

    def __str__(self) -> str:
        return str(self.client_id)


class Invite(models.Model):
    """A link (and its QR code) by which volunteers join a fund as data collectors."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="field_invites")
    token = models.CharField(max_length=43, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    revoked = models.BooleanField(_("withdrawn"), default=False)
    joined = models.PositiveIntegerField(_("people who joined"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation link")
        verbose_name_plural = _("invitation links")

    def __str__(self) -> str:
        return f"{self.fund.code} {self.token[:6]}…"
