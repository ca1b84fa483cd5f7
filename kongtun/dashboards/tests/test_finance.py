"""The books' month roll-up and the NHSO export read from it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.dashboards.models import FinanceMonth
from kongtun.finance.tests.books import close_through, pay, receive
from kongtun.finance.tests.test_statements import YEAR, book_year

EXPORT = "/api/v1/dashboards/nhso-export"


def closed_books(story: SimpleNamespace) -> None:
    book_year(story)  # fund A: Oct 2024 +360,000 −25,000; Nov +144,000
    close_through(story.fund_a, dt.date(2024, 11, 30))
    receive(story.fund_a2, dt.date(2024, 11, 2), "50000.00")
    pay(story.fund_a2, dt.date(2024, 11, 20), "1234.56", "10(3)")
    close_through(story.fund_a2, dt.date(2024, 11, 30))
    close_through(story.fund_b, dt.date(2024, 11, 30))


def test_every_write_to_the_books_rewrites_the_funds_months(story: SimpleNamespace) -> None:
    book_year(story)
    rows = FinanceMonth.objects.filter(fund_id=story.fund_a.pk).order_by("month_end")
    # September 2024 (opening balance) to March 2025 (interest), April has no row yet.
    assert [r.month for r in rows] == [9, 10, 11, 12, 1, 2, 3]
    october = rows.get(month=10)
    assert (october.brought_forward, october.income, october.expense, october.balance) == (
        Decimal("100000.00"),
        Decimal("360000.00"),
        Decimal("25000.00"),
        Decimal("435000.00"),
    )
    assert not october.closed
    close_through(story.fund_a, dt.date(2024, 10, 31))
    assert FinanceMonth.objects.get(fund_id=story.fund_a.pk, month_end=dt.date(2024, 10, 31)).closed


def test_the_nhso_export_of_november_is_the_hand_computed_figures(story: SimpleNamespace) -> None:
    closed_books(story)
    rows = login(story.admin).get(EXPORT, {"year": YEAR, "month": 11}).json()
    assert rows == [
        {
            "REPORT_ID": "L9001-2568-11",
            "FUND_CODE": "L9001",
            "BUDGET_YEAR": 2568,
            "MONTH_ID": 11,
            "BALANCE_FORWARD": "435000.00",  # 100,000 + 360,000 − 25,000
            "REVENUE": "144000.00",
            "EXPENDITURE": "0.00",
        },
        {
            "REPORT_ID": "L9002-2568-11",
            "FUND_CODE": "L9002",
            "BUDGET_YEAR": 2568,
            "MONTH_ID": 11,
            "BALANCE_FORWARD": "0.00",
            "REVENUE": "50000.00",
            "EXPENDITURE": "1234.56",
        },
        {
            "REPORT_ID": "L9301-2568-11",
            "FUND_CODE": "L9301",
            "BUDGET_YEAR": 2568,
            "MONTH_ID": 11,
            "BALANCE_FORWARD": "999999.00",  # its October transfer
            "REVENUE": "0.00",
            "EXPENDITURE": "0.00",
        },
    ]


def test_months_not_closed_are_not_exported(story: SimpleNamespace) -> None:
    closed_books(story)
    assert login(story.admin).get(EXPORT, {"year": YEAR, "month": 12}).json() == []


def test_the_district_officer_reads_the_district_rows_with_a_token(story: SimpleNamespace) -> None:
    closed_books(story)
    _token, key = api_token_create(user=story.district_officer, name="nhso")
    client = login(story.nobody)
    client.logout()
    headers = {"Authorization": f"Bearer {key}"}
    params = {"year": YEAR, "month": 11, "level": "district", "code": story.district.code}
    rows = client.get(EXPORT, params, headers=headers).json()
    assert [r["FUND_CODE"] for r in rows] == ["L9001", "L9002"]
    province = {**params, "level": "province", "code": "90"}
    assert client.get(EXPORT, province, headers=headers).status_code == 404
    assert client.get(EXPORT, {"year": YEAR, "month": 11}, headers=headers).status_code == 403
    assert client.get(EXPORT, {"year": YEAR, "month": 11}).status_code == 401


def test_the_officer_of_fund_b_gets_404_on_fund_a(story: SimpleNamespace) -> None:
    closed_books(story)
    params = {"year": YEAR, "month": 11, "level": "fund", "code": story.fund_a.code}
    assert login(story.officer_b).get(EXPORT, params).status_code == 404
    assert [r["FUND_CODE"] for r in login(story.officer_a).get(EXPORT, params).json()] == ["L9001"]


def test_a_month_outside_1_to_12_is_404(story: SimpleNamespace) -> None:
    assert login(story.admin).get(EXPORT, {"year": YEAR, "month": 13}).status_code == 404
