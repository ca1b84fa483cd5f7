"""Programme configuration that changes by year and by announcement, kept as data, not code:
issues and their indicators, and the NHSO classifications of projects."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kongtun.core.thai import local_name


class IssueKind(models.TextChoices):
    ISSUE = "issue", _("Programme issue")
    TARGET_GROUP = "group", _("Target-group plan")


class Issue(models.Model):
    """An issue (ประเด็น) or target-group plan that a fund plans for, e.g. tobacco, elderly."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=IssueKind, default=IssueKind.ISSUE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")

    def __str__(self) -> str:
        return local_name(self.name_th, self.name_en)


class ProgrammeYear(models.Model):
    """A fiscal year of the programme and the issues it uses (some areas run only 8)."""

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"), unique=True)
    issues = models.ManyToManyField(Issue, related_name="years", verbose_name=_("issues"))
    is_open = models.BooleanField(_("open for data entry"), default=True)

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("programme year")
        verbose_name_plural = _("programme years")

    def __str__(self) -> str:
        return str(self.fiscal_year)


class Direction(models.TextChoices):
    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class Indicator(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="indicators")
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example %, persons, per 1,000."))
    direction = models.CharField(_("direction"), max_length=6, choices=Direction)
    definition = models.TextField(_("definition"), blank=True)
    min_value = models.DecimalField(_("lowest valid value"), max_digits=14, decimal_places=2, default=0)
    max_value = models.DecimalField(
        _("highest valid value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # The change a fund usually reaches in a year, in the indicator's unit; used to suggest targets.
    typical_change = models.DecimalField(
        _("typical yearly change"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["issue__order", "order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class Classification(models.Model):
    """Common shape of the NHSO classification lists below."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=300)
    legal_reference = models.CharField(_("legal reference"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class SupportType(Classification):
    """ข้อ 10(1)–10(5) of the NHSO announcement on local health funds."""

    class Meta(Classification.Meta):
        verbose_name = _("support type")
        verbose_name_plural = _("support types")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class OrgType(Classification):
    """Type of the organisation responsible for a project."""

    class Meta(Classification.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")


class TargetGroup(Classification):
    """Main target groups (pregnant women, young children, elderly…)."""

    class Meta(Classification.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class FinanceRule(models.Model):
    """The money rules of the NHSO announcement, in force from a fiscal year until a later rule:
    the per-head rate NHSO transfers per registered person and the spending-rate targets (the share
    of the year's money used by the end of quarters 2, 3 and 4). Its bands give the local
    government's minimum contribution by the size of its own revenue."""

    from_year = models.PositiveSmallIntegerField(_("in force from fiscal year (B.E.)"), unique=True)
    per_head_rate = models.DecimalField(
        _("NHSO rate per registered person (baht)"), max_digits=8, decimal_places=2
    )
    target_q2 = models.PositiveSmallIntegerField(_("money used by the end of quarter 2 (%)"), default=20)
    target_q3 = models.PositiveSmallIntegerField(_("money used by the end of quarter 3 (%)"), default=50)
    target_q4 = models.PositiveSmallIntegerField(_("money used by the end of quarter 4 (%)"), default=80)

    class Meta:
        ordering = ["-from_year"]
        verbose_name = _("fund finance rule")
        verbose_name_plural = _("fund finance rules")

    def __str__(self) -> str:
        return str(self.from_year)


class ContributionBand(models.Model):
    """A band of local-government revenue (without subsidies) and the least it must add to the
    NHSO transfer, in per cent of that transfer: the band applies from `revenue_from` (inclusive)
    up to the next band's."""

    rule = models.ForeignKey(FinanceRule, on_delete=models.CASCADE, related_name="bands")
    revenue_from = models.DecimalField(_("revenue from (baht)"), max_digits=14, decimal_places=2)
    min_rate = models.DecimalField(
        _("least contribution (per cent of the NHSO transfer)"), max_digits=5, decimal_places=2
    )

    class Meta:
        ordering = ["rule", "revenue_from"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "revenue_from"], name="contribution_band_unique")
        ]
        verbose_name = _("contribution band")
        verbose_name_plural = _("contribution bands")

    def __str__(self) -> str:
        return f"≥ {self.revenue_from:,.2f}: {self.min_rate} %"
