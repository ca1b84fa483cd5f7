"""Roll-up tables for the national, region and province dashboards.

Half a million projects with millions of activity reports and spending lines are too many to
aggregate on every page view, so these tables hold per district, fiscal year and status the
projects with their budgets, spending and reports, once per support type and once per issue.
`dashboards.services.rollup_update` rewrites the rows of one district after every change the
projects, plans and follow-ups services make; `rollup_refresh` (the `dashboards_refresh` command
and the demo) rewrites a whole year. The district and fund dashboards read the live tables.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RollupBase(models.Model):
    fiscal_year = models.PositiveSmallIntegerField()
    region_id = models.PositiveSmallIntegerField()
    province_id = models.CharField(max_length=2)
    district_id = models.CharField(max_length=4)
    status = models.CharField(max_length=12)
    projects = models.PositiveIntegerField(default=0)
    requested = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    approved = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    spent = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    reports = models.PositiveIntegerField(default=0)
    # Activity reports dated after their project's report due date.
    late_reports = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.district_id} {self.status}: {self.projects}"


class ProjectRollup(RollupBase):
    """Distinct projects: each project is in exactly one row."""

    support_type_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["fiscal_year", "region_id"]),
            models.Index(fields=["fiscal_year", "province_id"]),
            models.Index(fields=["fiscal_year", "district_id"]),
        ]
        verbose_name = _("project roll-up")
        verbose_name_plural = _("project roll-ups")

    def __str__(self) -> str:
        return super().__str__()


class IssueRollup(RollupBase):
    """Projects per issue of their plans: a project is in one row per issue (null: in no plan)."""

    issue_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["fiscal_year", "region_id"]),
            models.Index(fields=["fiscal_year", "province_id"]),
            models.Index(fields=["fiscal_year", "district_id"]),
        ]
        verbose_name = _("issue roll-up")
        verbose_name_plural = _("issue roll-ups")

    def __str__(self) -> str:
        return super().__str__()


class AreaRollup(models.Model):
    """Common shape of the roll-ups of plans and of situation data: one row per district and year."""

    fiscal_year = models.PositiveSmallIntegerField()
    region_id = models.PositiveSmallIntegerField()
    province_id = models.CharField(max_length=2)
    district_id = models.CharField(max_length=4)

    class Meta:
        abstract = True
        indexes = [
            models.Index(fields=["fiscal_year", "region_id"]),
            models.Index(fields=["fiscal_year", "province_id"]),
            models.Index(fields=["fiscal_year", "district_id"]),
        ]


class TargetRollup(AreaRollup):
    """Plans per district, year and issue, and how many met their 1-year target, missed it or cannot
    be judged yet (against the next year's situation data: `plans.selectors.plan_results`)."""

    issue_id = models.BigIntegerField()
    plans = models.PositiveIntegerField(default=0)
    met = models.PositiveIntegerField(default=0)
    missed = models.PositiveIntegerField(default=0)
    no_data = models.PositiveIntegerField(default=0)

    class Meta(AreaRollup.Meta):
        verbose_name = _("target roll-up")
        verbose_name_plural = _("target roll-ups")

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.district_id} {self.issue_id}: {self.met}/{self.plans}"


class IndicatorRollup(AreaRollup):
    """Situation values per district, year and indicator: how many funds gave one and their sum
    (an area's value is the mean of its funds' values)."""

    indicator_id = models.BigIntegerField()
    funds = models.PositiveIntegerField(default=0)
    total = models.DecimalField(max_digits=18, decimal_places=2, default=0)

    class Meta(AreaRollup.Meta):
        verbose_name = _("indicator roll-up")
        verbose_name_plural = _("indicator roll-ups")

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.district_id} {self.indicator_id}: {self.total}/{self.funds}"


class RollupRun(models.Model):
    fiscal_year = models.PositiveSmallIntegerField(unique=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("roll-up refresh")
        verbose_name_plural = _("roll-up refreshes")

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.refreshed_at}"


class FinanceMonth(models.Model):
    """A fund's books month by month (read from posted entries): the money brought forward, the
    income and expense of the month and the money at its end, and whether the month is closed.
    The NHSO export and the finance dashboards read these rows; `dashboards.services.
    finance_rollup_update` rewrites a fund's rows after every committed write to its books."""

    fund_id = models.BigIntegerField()
    region_id = models.PositiveSmallIntegerField()
    province_id = models.CharField(max_length=2)
    district_id = models.CharField(max_length=4)
    fiscal_year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()  # calendar month 1–12, as NHSO numbers them
    month_end = models.DateField()
    brought_forward = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    income = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    expense = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    balance = models.DecimalField(max_digits=16, decimal_places=2, default=0)
    closed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["fund_id", "month_end"], name="finance_month_unique")]
        indexes = [
            models.Index(fields=["fiscal_year", "month", "region_id"]),
            models.Index(fields=["fiscal_year", "province_id"]),
            models.Index(fields=["fiscal_year", "district_id"]),
        ]
        verbose_name = _("finance roll-up")
        verbose_name_plural = _("finance roll-ups")

    def __str__(self) -> str:
        return f"{self.fund_id} {self.month_end}: {self.balance}"
