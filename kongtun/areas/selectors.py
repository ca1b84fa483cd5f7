"""Reads of the area hierarchy."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from kongtun.areas.models import District, Province, Region, Subdistrict

Area = Region | Province | District

LEVELS = ("region", "province", "district")


def area_get(level: str, code: str) -> Area:
    """An area by level and code, or 404. Region codes are their numbers."""
    if level == "region":
        return get_object_or_404(Region, number=int(code) if code.isdigit() else -1)
    if level == "province":
        return get_object_or_404(Province.objects.select_related("region"), code=code)
    if level == "district":
        return get_object_or_404(District.objects.select_related("province__region"), code=code)
    raise ValueError(level)


def area_level(area: Area) -> str:
    return {Region: "region", Province: "province", District: "district"}[type(area)]


def area_children(area: Area) -> QuerySet[Province] | QuerySet[District] | QuerySet[Subdistrict]:
    """The areas one level down, each with its number of active funds."""
    funds = Count("funds", filter=Q(funds__is_active=True), distinct=True)
    if isinstance(area, Region):
        return area.provinces.annotate(fund_count=funds)
    if isinstance(area, Province):
        return area.districts.annotate(fund_count=funds)
    return area.subdistricts.annotate(fund_count=funds)


def area_fund_filter(area: Area, *, prefix: str = "") -> Q:
    """Rows (funds, or rows with `prefix="fund__"`) inside the area."""
    field = {Region: "region_id", Province: "province_id", District: "district_id"}[type(area)]
    return Q(**{f"{prefix}{field}": area.pk})


def area_search(query: str, *, limit: int = 20) -> list[Area | Subdistrict]:
    """Areas whose Thai or English name contains the query, larger areas first."""
    query = query.strip()
    if not query:
        return []
    results: list[Area | Subdistrict] = []
    for model in (Province, District, Subdistrict):
        name = Q(name_th__icontains=query) | Q(name_en__icontains=query)
        results.extend(model.objects.filter(name)[: limit - len(results)])
        if len(results) >= limit:
            break
    return results
