"""Health-situation data (สถานการณ์สุขภาพ): one value per fund × fiscal year × indicator."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.funds.models import Fund
from kongtun.programme.models import Indicator


class SituationValue(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="situation_values")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, blank=True)
    survey_date = models.DateField(_("survey date"), null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["fund", "-fiscal_year", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "fiscal_year", "indicator"], name="situation_value_unique"
            )
        ]
        indexes = [models.Index(fields=["fiscal_year", "indicator"])]
        verbose_name = _("situation value")
        verbose_name_plural = _("situation values")

    def __str__(self) -> str:
        return f"{self.fund.code} {self.fiscal_year} {self.indicator.code}={self.value}"
