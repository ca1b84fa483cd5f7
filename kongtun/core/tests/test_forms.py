"""The shared form fields: Thai dates and money, with Thai messages on bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import translation

from kongtun.core.forms import MoneyField, ThaiDateField


class _Form(forms.Form):
    day = ThaiDateField(required=False)
    amount = MoneyField(required=False)


def _form(**data: str) -> _Form:
    form = _Form(data)
    with translation.override("th"):
        form.is_valid()
    return form


def test_the_date_field_accepts_a_buddhist_era_date() -> None:
    assert _form(day="15/03/2567").cleaned_data["day"] == dt.date(2024, 3, 15)


def test_the_date_field_accepts_an_iso_date() -> None:
    assert _form(day="2024-03-15").cleaned_data["day"] == dt.date(2024, 3, 15)


def test_the_date_field_rejects_nonsense_in_thai() -> None:
    form = _Form({"day": "31/02/2567"})
    with translation.override("th"):
        assert not form.is_valid()
        assert form.errors["day"] == ["กรุณากรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2567"]


def test_the_date_field_shows_a_stored_date_in_the_buddhist_era() -> None:
    html = str(_Form(initial={"day": dt.date(2024, 3, 15)})["day"])
    assert 'value="15/03/2567"' in html
    assert 'inputmode="numeric"' in html


def test_money_accepts_thousands_separators_and_the_word_baht() -> None:
    assert _form(amount="1,040,000.50 บาท").cleaned_data["amount"] == Decimal("1040000.50")


def test_money_refuses_a_negative_amount_in_thai() -> None:
    form = _Form({"amount": "-5"})
    with translation.override("th"):
        assert not form.is_valid()
        assert form.errors["amount"] == ["จำนวนเงินต้องไม่ติดลบ"]


def test_money_refuses_words_in_thai() -> None:
    form = _Form({"amount": "ห้าพัน"})
    with translation.override("th"):
        assert not form.is_valid()
        assert form.errors["amount"] == ["กรุณากรอกจำนวนเงินเป็นบาท เช่น 15,000 หรือ 15000.50"]


def test_money_field_shows_a_saved_amount_with_thousands_separators_and_reads_it_back() -> None:
    from decimal import Decimal

    from kongtun.core.forms import MoneyField

    field = MoneyField()
    assert field.prepare_value(Decimal("18000000")) == "18,000,000.00"
    assert field.prepare_value("18000000") == "18000000"  # as the user typed it
    assert field.clean(field.prepare_value(Decimal("18000000"))) == Decimal("18000000")
