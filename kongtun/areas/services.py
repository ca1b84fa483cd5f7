"""Loading the area hierarchy from geothai (DOPA codes, offline) and the NHSO region mapping."""

from __future__ import annotations

import csv
from collections.abc import Collection
from pathlib import Path

import geothai
from django.conf import settings
from django.db import transaction

from kongtun.areas.models import District, Province, Region, Subdistrict
from kongtun.core.events import changed

REGIONS_CSV = Path(settings.BASE_DIR) / "kongtun" / "areas" / "data" / "nhso_regions.csv"


def _region_of_province() -> dict[str, int]:
    with REGIONS_CSV.open(encoding="utf-8") as f:
        return {row["province_code"]: int(row["nhso_region"]) for row in csv.DictReader(f)}


@transaction.atomic
def areas_load(*, only: Collection[str] | None = None) -> dict[str, int]:
    """Create or update every region, province, district and sub-district (or only those of the
    province codes in `only`: tests load two). Idempotent: a second run changes nothing, and a newer
    geothai release updates names in place."""
    region_of = _region_of_province()
    Region.objects.bulk_create([Region(number=n) for n in range(1, 14)], ignore_conflicts=True)
    provinces = [
        Province(code=p.code, name_th=p.name_th, name_en=p.name_en, region_id=region_of[p.code])
        for p in geothai.provinces()
        if only is None or p.code in only
    ]
    districts = [
        District(code=d.code, name_th=d.name_th, name_en=d.name_en, province_id=d.province_code)
        for p in provinces
        for d in geothai.districts(p.code)
    ]
    subdistricts = [
        Subdistrict(code=s.code, name_th=s.name_th, name_en=s.name_en, district_id=s.district_code)
        for d in districts
        for s in geothai.subdistricts(d.code)
    ]
    common = {"update_conflicts": True, "update_fields": ["name_th", "name_en"]}
    Province.objects.bulk_create(
        provinces,
        update_conflicts=True,
        update_fields=["name_th", "name_en", "region"],
        unique_fields=["code"],
    )
    District.objects.bulk_create(districts, unique_fields=["code"], **common)  # type: ignore[arg-type]
    Subdistrict.objects.bulk_create(subdistricts, unique_fields=["code"], batch_size=2000, **common)  # type: ignore[arg-type]
    for province in provinces:  # the filters' lists of provinces (core.choices) are read again
        changed(province)
    return {"provinces": len(provinces), "districts": len(districts), "subdistricts": len(subdistricts)}
