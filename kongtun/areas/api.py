"""Areas are public: no token needed."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from kongtun.areas.models import District, Province, Region
from kongtun.areas.selectors import area_search

router = Router(tags=["areas"], auth=None)


class AreaOut(Schema):
    level: str
    code: str
    name_th: str
    name_en: str


def _out(area: object) -> AreaOut:
    level = type(area).__name__.lower()
    if isinstance(area, Region):
        return AreaOut(level=level, code=area.code, name_th=str(area), name_en=f"Region {area.number}")
    return AreaOut(level=level, code=area.code, name_th=area.name_th, name_en=area.name_en)  # type: ignore[attr-defined]


@router.get("/regions", response=list[AreaOut])
def regions(request: HttpRequest) -> list[AreaOut]:
    return [_out(r) for r in Region.objects.all()]


@router.get("/regions/{number}/provinces", response=list[AreaOut])
def region_provinces(request: HttpRequest, number: int) -> list[AreaOut]:
    region = get_object_or_404(Region, number=number)
    return [_out(p) for p in region.provinces.all()]


@router.get("/provinces/{code}/districts", response=list[AreaOut])
def province_districts(request: HttpRequest, code: str) -> list[AreaOut]:
    province = get_object_or_404(Province, code=code)
    return [_out(d) for d in province.districts.all()]


@router.get("/districts/{code}/subdistricts", response=list[AreaOut])
def district_subdistricts(request: HttpRequest, code: str) -> list[AreaOut]:
    district = get_object_or_404(District, code=code)
    return [_out(s) for s in district.subdistricts.all()]


@router.get("/search", response=list[AreaOut])
def search(request: HttpRequest, q: str) -> list[AreaOut]:
    return [_out(a) for a in area_search(q)]
