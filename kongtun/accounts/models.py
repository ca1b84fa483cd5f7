"""People and their roles. A role is held at an area (region, province, district) or at a fund;
an area role reaches every fund below it. The rules live in accounts.permissions."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kongtun.areas.models import District, Province, Region
from kongtun.core.history import History


class NoticeEmail(models.TextChoices):
    EACH = "each", _("An e-mail for each notice")
    DAILY = "daily", _("One e-mail a day with the day's notices")
    OFF = "off", _("No e-mail: notices on the site only")


class User(AbstractUser):
    display_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="th")
    notice_email = models.CharField(
        _("notices by e-mail"), max_length=5, choices=NoticeEmail, default=NoticeEmail.EACH
    )
    # Never the password hash; a login's `last_login` stamp is no change worth a row.
    history = History(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="user_email_unique")
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username


class Role(models.TextChoices):
    ADMIN = "admin", _("Programme admin")
    REGION_OFFICER = "region_officer", _("Region officer")
    PROVINCE_OFFICER = "province_officer", _("Province officer")
    DISTRICT_OFFICER = "district_officer", _("District officer")
    MENTOR = "mentor", _("Mentor")
    FUND_OFFICER = "fund_officer", _("Fund officer")
    COMMITTEE = "committee", _("Fund committee member")
    DATA_COLLECTOR = "data_collector", _("Data collector")
    PROPOSER = "proposer", _("Proposer")


class Membership(models.Model):
    """A role of a user at exactly one scope: the whole country (admin), an area, or a fund."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE)
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.CASCADE)
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.CASCADE)
    # Named, not imported: accounts sits below funds in the layers (CONTRIBUTING.md).
    fund = models.ForeignKey(
        "funds.Fund", null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships_granted"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = History()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["fund", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.scope}"

    @property
    def scope(self) -> object:
        return self.fund or self.district or self.province or self.region or _("the whole country")


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a hash is stored; the key is shown once."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Never the key's hash: the trail keeps the name and the prefix shown on the profile page.
    history = History(excluded_fields=["key_hash", "last_used_at"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Notification(models.Model):
    """An in-app notice: a proposal came in, a comment was made, a report is late."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.message


class DigestDay(models.Model):
    """A day whose notice digest went out: the digest job runs once a day, however often it is
    enqueued or the command is run."""

    day = models.DateField(_("day"), unique=True)
    sent = models.PositiveIntegerField(_("e-mails sent"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest day")
        verbose_name_plural = _("digest days")

    def __str__(self) -> str:
        return self.day.isoformat()
