"""Local health security funds (กองทุนหลักประกันสุขภาพระดับท้องถิ่น, กปท.)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.areas.models import District, Province, Region, Subdistrict
from kongtun.core.thai import short_lg_name


class LocalGovernmentType(models.TextChoices):
    SAO = "sao", _("Subdistrict administrative organisation (SAO)")
    SUBDISTRICT_MUNICIPALITY = "tambon", _("Subdistrict municipality")
    TOWN_MUNICIPALITY = "town", _("Town municipality")
    CITY_MUNICIPALITY = "city", _("City municipality")


class ProgrammeRole(models.TextChoices):
    NONE = "none", _("Not in the programme")
    LEARNING_CENTRE = "learning", _("Learning-centre fund")
    EXPANSION = "expansion", _("Expansion fund")
    VOLUNTARY = "voluntary", _("Voluntary fund")


class Fund(models.Model):
    code = models.CharField(_("fund code"), max_length=10, unique=True, help_text=_("For example L8009."))
    name = models.CharField(_("fund name"), max_length=200)
    lg_type = models.CharField(_("local-government type"), max_length=10, choices=LocalGovernmentType)
    lg_name = models.CharField(_("local government"), max_length=200)
    subdistricts = models.ManyToManyField(Subdistrict, related_name="funds", verbose_name=_("sub-districts"))
    # The home area, derived from the first sub-district by funds.services; kept on the row so that
    # every area filter and roll-up is one indexed column, not a join through the sub-districts.
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="funds")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="funds")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="funds")
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("fund")
        verbose_name_plural = _("funds")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("funds:detail", args=[self.code])

    @property
    def short_name(self) -> str:
        """The local government's name as officials shorten it (อบต.ป่าชิง), for narrow places."""
        return short_lg_name(self.lg_name)

    def breadcrumb(self) -> list[object]:
        return [*self.district.breadcrumb(), self]


class FundYear(models.Model):
    """What changes by fiscal year: the programme role, population and local revenue."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="years")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    programme_role = models.CharField(
        _("programme role"), max_length=12, choices=ProgrammeRole, default=ProgrammeRole.NONE
    )
    registered_population = models.PositiveIntegerField(_("registered population"), null=True, blank=True)
    lg_revenue = models.DecimalField(
        _("local-government revenue (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    carry_over = models.DecimalField(
        _("balance carried over (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "-fiscal_year"]
        constraints = [models.UniqueConstraint(fields=["fund", "fiscal_year"], name="fund_year_unique")]
        indexes = [models.Index(fields=["fiscal_year", "programme_role"])]
        verbose_name = _("fund fiscal year")
        verbose_name_plural = _("fund fiscal years")

    def __str__(self) -> str:
        return f"{self.fund.code} {self.fiscal_year}"
