"""Plans (แผนงาน): one per fund × fiscal year × issue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.funds.models import Fund
from kongtun.programme.models import Indicator, Issue, OrgType, SupportType


class Outcome(models.TextChoices):
    """Whether a 1-year target was reached, read from the next fiscal year's situation value."""

    MET = "met", _("Target met")
    MISSED = "missed", _("Target missed")
    NO_DATA = "no_data", _("No data yet")


class Plan(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="plans")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="plans")
    situation = models.TextField(_("situation and problems"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    budget = models.DecimalField(_("budget (baht)"), max_digits=14, decimal_places=2, default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "-fiscal_year", "issue__order"]
        constraints = [models.UniqueConstraint(fields=["fund", "fiscal_year", "issue"], name="plan_unique")]
        indexes = [models.Index(fields=["fiscal_year", "issue"])]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return f"{self.issue} {self.fiscal_year} · {self.fund.name}"

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.pk])


class PlanTarget(models.Model):
    """A problem of the plan measured by an indicator: its size now and the 1-year target."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="plan_targets")
    problem = models.CharField(_("problem"), max_length=500, blank=True)
    baseline = models.DecimalField(_("size of the problem now"), max_digits=14, decimal_places=2, null=True)
    target = models.DecimalField(_("1-year target"), max_digits=14, decimal_places=2, null=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("plan target")
        verbose_name_plural = _("plan targets")

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.baseline} → {self.target}"


class PlannedProject(models.Model):
    """A project the plan says should be done; turned into a proposal with one action."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="planned_projects")
    title = models.CharField(_("project title"), max_length=300)
    support_type = models.ForeignKey(SupportType, on_delete=models.PROTECT, verbose_name=_("support type"))
    org_type = models.ForeignKey(
        OrgType, on_delete=models.PROTECT, verbose_name=_("responsible organisation type")
    )
    budget = models.DecimalField(_("budget (baht)"), max_digits=14, decimal_places=2, default=0)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("project to do")
        verbose_name_plural = _("projects to do")

    def __str__(self) -> str:
        return self.title
