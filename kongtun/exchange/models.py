"""Stable keys of exchanged records. A project, activity or activity report keeps the key it was
first exported (or imported) with, so a file read back into this or another database updates the
same record instead of adding a copy. Plans and situation values need none: their natural keys
(fund × fiscal year × issue or indicator) are unique already."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordKey(models.Model):
    model = models.CharField(max_length=40)  # label of the model, e.g. "projects.project"
    object_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="record_key_object"),
            models.UniqueConstraint(fields=["model", "key"], name="record_key_key"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.key}"


class CodeKind(models.TextChoices):
    INDICATOR = "indicator", _("Indicator → DHIS2 data element")
    FUND = "fund", _("Fund → DHIS2 organisation unit")


class Dhis2Code(models.Model):
    """How a health office's DHIS2 names one of our indicators (its data element) or funds (its
    organisation unit). Without a row, the code itself is sent, for DHIS2's `idScheme=CODE`."""

    kind = models.CharField(_("kind"), max_length=10, choices=CodeKind)
    local_code = models.CharField(_("code here"), max_length=60)
    dhis2_code = models.CharField(_("code in DHIS2"), max_length=60)
    category_option_combo = models.CharField(_("category option combo"), max_length=60, blank=True)

    class Meta:
        ordering = ["kind", "local_code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "local_code"], name="dhis2_code_local"),
            models.UniqueConstraint(fields=["kind", "dhis2_code"], name="dhis2_code_remote"),
        ]
        verbose_name = _("DHIS2 code")
        verbose_name_plural = _("DHIS2 codes")

    def __str__(self) -> str:
        return f"{self.kind} {self.local_code} → {self.dhis2_code}"
