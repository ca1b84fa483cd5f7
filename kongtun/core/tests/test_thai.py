"""Thai conventions: Buddhist-Era dates, the October–September fiscal year, baht."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template

from kongtun.core import thai


def test_a_date_is_shown_long_in_the_buddhist_era() -> None:
    assert thai.format_date(dt.date(2024, 3, 15)) == "15 มีนาคม 2567"


def test_a_date_is_shown_short_with_a_two_digit_buddhist_year() -> None:
    assert thai.format_date_short(dt.date(2024, 3, 15)) == "15 มี.ค. 67"


def test_no_date_shows_as_nothing() -> None:
    assert thai.format_date(None) == ""
    assert thai.format_date_short(None) == ""


def test_an_aware_datetime_is_shown_in_bangkok_time() -> None:
    moment = dt.datetime(2024, 3, 14, 20, 30, tzinfo=dt.UTC)  # 03:30 the next day in Bangkok
    assert thai.format_datetime(moment) == "15 มี.ค. 67 03:30"


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (dt.date(2024, 9, 30), 2567),
        (dt.date(2024, 10, 1), 2568),
        (dt.date(2024, 1, 1), 2567),
        (dt.date(2024, 12, 31), 2568),
    ],
)
def test_the_fiscal_year_starts_on_the_first_of_october(day: dt.date, fiscal_year: int) -> None:
    assert thai.fiscal_year_of(day) == fiscal_year


def test_fiscal_year_bounds_run_from_october_to_september() -> None:
    assert thai.fiscal_year_bounds(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))


def test_fiscal_quarters_start_in_october() -> None:
    assert [thai.fiscal_quarter(dt.date(2024, m, 1)) for m in (10, 12, 1, 4, 7, 9)] == [1, 1, 2, 3, 4, 4]


@pytest.mark.parametrize(
    "text", ["15/03/2567", "15/3/2567", "15.03.2567", "2024-03-15", "15/03/2024", " 15/03/2567 "]
)
def test_it_reads_buddhist_era_ce_and_iso_dates(text: str) -> None:
    assert thai.parse_date(text) == dt.date(2024, 3, 15)


@pytest.mark.parametrize("text", ["", "abc", "15/03/67", "31/02/2567", "15/13/2567", "2567", "15-03"])
def test_it_rejects_nonsense_dates(text: str) -> None:
    with pytest.raises(ValueError):
        thai.parse_date(text)


def test_a_form_field_shows_a_date_back_in_the_buddhist_era() -> None:
    assert thai.format_input_date(dt.date(2024, 3, 5)) == "05/03/2567"


def test_baht_have_thousands_separators_and_satang() -> None:
    assert thai.format_baht(Decimal("1040000")) == "1,040,000.00 บาท"
    assert thai.format_baht(1234.5, unit=False) == "1,234.50"
    assert thai.format_baht(None) == ""


def test_baht_in_words() -> None:
    assert thai.baht_in_words(Decimal("1040000")) == "หนึ่งล้านสี่หมื่นบาทถ้วน"
    assert thai.baht_in_words(Decimal("1500.50")) == "หนึ่งพันห้าร้อยบาทห้าสิบสตางค์"


def test_money_refuses_what_is_not_a_number() -> None:
    with pytest.raises(ValueError):
        thai.to_money("lots")


def test_template_filters_are_available_without_load() -> None:
    html = Template(
        "{{ d|thaidate }}|{{ d|thaidate_short }}|{{ m|baht }}|{{ m|money }}|{{ m|bahtwords }}"
    ).render(Context({"d": dt.date(2024, 3, 15), "m": Decimal("1040000")}))
    assert html == "15 มีนาคม 2567|15 มี.ค. 67|1,040,000.00 บาท|1,040,000.00|หนึ่งล้านสี่หมื่นบาทถ้วน"


def test_money_and_names_follow_the_page_language() -> None:
    from django.utils import translation

    from kongtun.core.thai import format_baht, local_name

    assert format_baht(1040000) == "1,040,000.00 บาท"
    assert local_name("จะนะ", "Chana") == "จะนะ"
    with translation.override("en"):
        assert format_baht(1040000) == "1,040,000.00 baht"
        assert local_name("จะนะ", "Chana") == "Chana"
        assert local_name("จะนะ", "") == "จะนะ"


def test_local_government_names_shorten_as_officials_write_them() -> None:
    from kongtun.core.thai import short_lg_name

    assert short_lg_name("องค์การบริหารส่วนตำบลป่าชิง") == "อบต.ป่าชิง"
    assert short_lg_name("เทศบาลตำบลบ้านนา") == "ทต.บ้านนา"
    assert short_lg_name("เทศบาลนครหาดใหญ่") == "ทน.หาดใหญ่"
    assert short_lg_name("กรุงเทพมหานคร") == "กรุงเทพมหานคร"
