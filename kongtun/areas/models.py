"""The area hierarchy: NHSO region → province → district → sub-district, with DOPA codes."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kongtun.core.thai import local_name


class Region(models.Model):
    """NHSO region (เขต 1–13; 13 is Bangkok)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("NHSO region")
        verbose_name_plural = _("NHSO regions")

    def __str__(self) -> str:
        return str(_("Region %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("areas:region", args=[self.number])

    @property
    def code(self) -> str:
        return str(self.number)

    def breadcrumb(self) -> list[Region | Province | District | Subdistrict]:
        return [self]


class NamedArea(models.Model):
    """A province, district or sub-district: a DOPA code (primary key, by level) and its names."""

    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        abstract = True
        ordering = ["name_th"]

    def __str__(self) -> str:
        return local_name(self.name_th, self.name_en)


class Province(NamedArea):
    code = models.CharField(_("DOPA code"), max_length=2, primary_key=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="provinces")

    class Meta(NamedArea.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def get_absolute_url(self) -> str:
        return reverse("areas:province", args=[self.code])

    def breadcrumb(self) -> list[Region | Province | District | Subdistrict]:
        return [self.region, self]


class District(NamedArea):
    code = models.CharField(_("DOPA code"), max_length=4, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="districts")

    class Meta(NamedArea.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def get_absolute_url(self) -> str:
        return reverse("areas:district", args=[self.code])

    def breadcrumb(self) -> list[Region | Province | District | Subdistrict]:
        return [*self.province.breadcrumb(), self]


class Subdistrict(NamedArea):
    code = models.CharField(_("DOPA code"), max_length=6, primary_key=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="subdistricts")

    class Meta(NamedArea.Meta):
        verbose_name = _("sub-district")
        verbose_name_plural = _("sub-districts")

    def breadcrumb(self) -> list[Region | Province | District | Subdistrict]:
        return [*self.district.breadcrumb(), self]
