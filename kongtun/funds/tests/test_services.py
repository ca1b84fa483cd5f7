"""Writes of funds: the home area is derived from the sub-districts; codes are unique."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from kongtun.areas.models import Subdistrict
from kongtun.funds.models import FundYear
from kongtun.funds.services import fund_create, fund_update, fund_year_save


def _sub(district: str, index: int = 0) -> Subdistrict:
    return Subdistrict.objects.filter(district_id=district).order_by("code")[index]


def test_fund_create_derives_district_province_and_region(story: SimpleNamespace) -> None:
    fund = fund_create(
        code=" l9010 ",
        name="กองทุนทดสอบ",
        lg_type="sao",
        lg_name="อบต.ทดสอบ",
        subdistricts=[_sub("9303", 1).code],
    )
    assert fund.code == "L9010"
    assert (fund.district_id, fund.province_id, fund.region_id) == ("9303", "93", 12)
    assert [s.code for s in fund.subdistricts.all()] == [_sub("9303", 1).code]


def test_fund_create_takes_several_sub_districts_of_one_province(story: SimpleNamespace) -> None:
    subs = [_sub("9003", 2), _sub("9005", 0)]
    fund = fund_create(code="L9011", name="ก", lg_type="town", lg_name="ทม.ก", subdistricts=subs)
    assert fund.district_id == "9003"  # the first sub-district's district is the home
    assert fund.subdistricts.count() == 2


def test_fund_create_rejects_sub_districts_in_two_provinces(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as exc:
        fund_create(
            code="L9012",
            name="ก",
            lg_type="sao",
            lg_name="ก",
            subdistricts=[_sub("9003", 2).code, _sub("9303", 1).code],
        )
    assert "subdistricts" in exc.value.message_dict


def test_fund_create_rejects_a_duplicate_code(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as exc:
        fund_create(code="l9001", name="ก", lg_type="sao", lg_name="ก", subdistricts=[_sub("9003", 2).code])
    assert "code" in exc.value.message_dict


def test_fund_create_rejects_no_or_unknown_sub_districts(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError):
        fund_create(code="L9013", name="ก", lg_type="sao", lg_name="ก", subdistricts=[])
    with pytest.raises(ValidationError) as exc:
        fund_create(code="L9013", name="ก", lg_type="sao", lg_name="ก", subdistricts=["999999"])
    assert "999999" in str(exc.value)


def test_fund_create_rejects_an_unknown_local_government_type(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError):
        fund_create(
            code="L9014", name="ก", lg_type="city-state", lg_name="ก", subdistricts=[_sub("9003", 2).code]
        )


def test_fund_update_moves_the_home_area_with_the_sub_districts(story: SimpleNamespace) -> None:
    fund = fund_update(fund=story.fund_a, subdistricts=[_sub("9005", 0).code], phone="074")
    fund.refresh_from_db()
    assert (fund.district_id, fund.phone) == ("9005", "074")


def test_fund_update_without_sub_districts_keeps_them(story: SimpleNamespace) -> None:
    before = list(story.fund_a.subdistricts.all())
    fund_update(fund=story.fund_a, name="ชื่อใหม่")
    assert list(story.fund_a.subdistricts.all()) == before


def test_fund_year_save_creates_then_updates_one_row(story: SimpleNamespace) -> None:
    fund_year_save(fund=story.fund_a, fiscal_year=2568, programme_role="voluntary")
    fund_year_save(fund=story.fund_a, fiscal_year=2568, programme_role="learning", registered_population=900)
    row = FundYear.objects.get(fund=story.fund_a)
    assert (row.programme_role, row.registered_population) == ("learning", 900)
