from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from kongtun.areas.models import Subdistrict
from kongtun.core.demo import SMALL_DISTRICTS, demo_years, rng_for
from kongtun.funds.models import Fund, FundYear, LocalGovernmentType, ProgrammeRole

_ROLES = [ProgrammeRole.LEARNING_CENTRE, ProgrammeRole.EXPANSION, ProgrammeRole.VOLUNTARY, ProgrammeRole.NONE]
_LG_PREFIX = {
    LocalGovernmentType.SAO: "องค์การบริหารส่วนตำบล",
    LocalGovernmentType.SUBDISTRICT_MUNICIPALITY: "เทศบาลตำบล",
    LocalGovernmentType.TOWN_MUNICIPALITY: "เทศบาลเมือง",
}


def _subdistricts(size: str) -> list[tuple[int, Subdistrict]]:
    """The sub-districts that get a fund, each with its position in the national list, so that a
    sub-district's fund has the same code in the small and the national data set."""
    rows = list(Subdistrict.objects.select_related("district__province").order_by("code"))
    numbered = list(enumerate(rows))
    if size == "national":
        return numbered
    return [(i, s) for i, s in numbered if s.district_id in SMALL_DISTRICTS]


def fund_code(index: int) -> str:
    return f"L{1000 + index:04d}"


@transaction.atomic
def load(size: str) -> None:
    """One fund per chosen sub-district, with deterministic codes, names and yearly facts.

    Rows are written with bulk_create: the national set has ~7,400 funds and must load in minutes.
    """
    subdistricts = _subdistricts(size)
    existing = set(Fund.objects.values_list("code", flat=True))
    new_funds: list[Fund] = []
    for index, sub in subdistricts:
        code = fund_code(index)
        if code in existing:
            continue
        rng = rng_for("fund", code)
        lg_type = rng.choices(list(_LG_PREFIX), weights=[80, 17, 3])[0]
        lg_name = f"{_LG_PREFIX[lg_type]}{sub.name_th}"
        new_funds.append(
            Fund(
                code=code,
                name=f"กองทุนหลักประกันสุขภาพ{lg_name}",
                lg_type=lg_type,
                lg_name=lg_name,
                district=sub.district,
                province=sub.district.province,
                region_id=sub.district.province.region_id,
                phone=f"07{rng.randint(4000000, 4999999)}",
            )
        )
    Fund.objects.bulk_create(new_funds, batch_size=1000)
    by_code = {f.code: f for f in Fund.objects.filter(code__in=[f.code for f in new_funds])}
    links = []
    years = []
    for index, sub in subdistricts:
        fund = by_code.get(fund_code(index))
        if fund is None:
            continue
        links.append(Fund.subdistricts.through(fund_id=fund.pk, subdistrict_id=sub.code))
        rng = rng_for("fund-year", fund.code)
        population = rng.randint(2500, 25000)
        role = rng.choices(_ROLES, weights=[5, 15, 30, 50])[0]
        for fiscal_year in demo_years():
            years.append(
                FundYear(
                    fund=fund,
                    fiscal_year=fiscal_year,
                    programme_role=role,
                    registered_population=population,
                    lg_revenue=Decimal(rng.randint(3, 60) * 1_000_000),
                    carry_over=Decimal(rng.randint(50, 900) * 1000),
                )
            )
    Fund.subdistricts.through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    FundYear.objects.bulk_create(years, batch_size=2000, ignore_conflicts=True)
