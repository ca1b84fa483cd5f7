"""Writes for funds. Web views and the API both call these."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kongtun.areas.models import Subdistrict
from kongtun.funds.models import Fund, FundYear

FUND_FIELDS = ("name", "lg_type", "lg_name", "address", "phone", "email", "is_active")


def _home_area(fund: Fund, subdistricts: list[Subdistrict]) -> None:
    if not subdistricts:
        raise ValidationError({"subdistricts": _("Choose at least one sub-district that the fund covers.")})
    provinces = {s.district.province_id for s in subdistricts}
    if len(provinces) > 1:
        raise ValidationError({"subdistricts": _("All sub-districts of a fund must be in one province.")})
    # The home district stays put while the fund still covers a sub-district of it: the order in
    # which a form sends the sub-districts must not move the fund.
    districts = [s.district for s in subdistricts]
    home = next((d for d in districts if d.pk == fund.district_id), districts[0])
    fund.district = home
    fund.province = home.province
    fund.region_id = home.province.region_id


def _subdistricts(codes: Iterable[str | Subdistrict]) -> list[Subdistrict]:
    wanted = [c.code if isinstance(c, Subdistrict) else c for c in codes]
    found = {
        s.code: s for s in Subdistrict.objects.select_related("district__province").filter(code__in=wanted)
    }
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ValidationError(
            {"subdistricts": _("Unknown sub-district code: %(codes)s") % {"codes": ", ".join(missing)}}
        )
    return [found[c] for c in wanted]


@transaction.atomic
def fund_create(*, code: str, subdistricts: Iterable[str | Subdistrict], **fields: Any) -> Fund:
    code = code.strip().upper()
    if Fund.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A fund with code %(code)s already exists.") % {"code": code}})
    fund = Fund(code=code, **{k: v for k, v in fields.items() if k in FUND_FIELDS})
    areas = _subdistricts(subdistricts)
    _home_area(fund, areas)
    fund.full_clean()
    fund.save()
    fund.subdistricts.set(areas)
    return fund


@transaction.atomic
def fund_update(
    *, fund: Fund, subdistricts: Iterable[str | Subdistrict] | None = None, **fields: Any
) -> Fund:
    for name, value in fields.items():
        if name in FUND_FIELDS:
            setattr(fund, name, value)
    areas = _subdistricts(subdistricts) if subdistricts is not None else None
    if areas is not None:
        _home_area(fund, areas)
    fund.full_clean()
    fund.save()
    if areas is not None:
        fund.subdistricts.set(areas)
    return fund


def fund_year_save(
    *,
    fund: Fund,
    fiscal_year: int,
    programme_role: str,
    registered_population: int | None = None,
    lg_revenue: Decimal | None = None,
    carry_over: Decimal | None = None,
) -> FundYear:
    row, _created = FundYear.objects.update_or_create(
        fund=fund,
        fiscal_year=fiscal_year,
        defaults={
            "programme_role": programme_role,
            "registered_population": registered_population,
            "lg_revenue": lg_revenue,
            "carry_over": carry_over,
        },
    )
    return row
