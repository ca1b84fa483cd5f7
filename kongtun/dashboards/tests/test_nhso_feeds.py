"""What NHSO's program reads besides the JSON rows: the same rows as an Excel workbook, and the feeds
of the funds' accounts and journal lines (closed months only, a page at a time). A district officer
reads the roll-up rows of the district but no fund's entries (403); fund B's officer gets 404."""

from __future__ import annotations

import io
from decimal import Decimal
from types import SimpleNamespace

from openpyxl import load_workbook

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.dashboards.tests.test_finance import closed_books
from kongtun.finance.models import Account
from kongtun.finance.tests.test_statements import YEAR

API = "/api/v1/dashboards"


def test_the_nhso_workbook_holds_the_rows_of_the_json(story: SimpleNamespace) -> None:
    closed_books(story)
    params = {"year": YEAR, "month": 11, "level": "district", "code": story.district.code}
    response = login(story.district_officer).get(f"{API}/nhso-export.xlsx", params)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('nhso-2568-11.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows == [
        ["REPORT_ID", "FUND_CODE", "BUDGET_YEAR", "MONTH_ID", "BALANCE_FORWARD", "REVENUE", "EXPENDITURE"],
        ["L9001-2568-11", "L9001", 2568, 11, 435000, 144000, 0],  # 100,000 + 360,000 − 25,000 forward
        ["L9002-2568-11", "L9002", 2568, 11, 0, 50000, 1234.56],
    ]
    assert {sheet.cell(row=2, column=i).data_type for i in (1, 2)} == {"s"}
    assert sheet.cell(row=3, column=7).data_type == "n"
    fund_a = {"year": YEAR, "month": 11, "level": "fund", "code": story.fund_a.code}
    assert login(story.officer_b).get(f"{API}/nhso-export.xlsx", fund_a).status_code == 404
    assert (
        login(story.district_officer).get(f"{API}/nhso-export.xlsx", {"year": YEAR, "month": 11}).status_code
        == 403
    )


def test_a_month_not_closed_gives_a_workbook_of_the_header_only(story: SimpleNamespace) -> None:
    closed_books(story)
    response = login(story.admin).get(f"{API}/nhso-export.xlsx", {"year": YEAR, "month": 12})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.max_row == 1


def test_the_account_feed_pages_through_a_funds_chart(story: SimpleNamespace) -> None:
    closed_books(story)
    _token, key = api_token_create(user=story.officer_a, name="nhso")
    headers = {"Authorization": f"Bearer {key}"}
    client = login(story.nobody)
    client.logout()
    params = {"level": "fund", "code": story.fund_a.code, "limit": 5}
    first = client.get(f"{API}/nhso-accounts", params, headers=headers).json()
    assert first["count"] == Account.objects.filter(fund=story.fund_a).count()
    assert [a["code"] for a in first["items"]][:3] == ["1000", "1101", "1102"]
    assert first["items"][1] == {
        "fund_code": "L9001",
        "code": "1101",
        "name": "เงินสด",
        "kind": "asset",
        "parent_code": "1000",
        "active": True,
    }
    second = client.get(f"{API}/nhso-accounts", {**params, "offset": 5}, headers=headers).json()
    assert second["items"][0]["code"] not in {a["code"] for a in first["items"]}
    assert client.get(f"{API}/nhso-accounts", params).status_code == 401
    assert login(story.officer_b).get(f"{API}/nhso-accounts", params).status_code == 404


def test_the_journal_feed_gives_the_lines_of_closed_months(story: SimpleNamespace) -> None:
    closed_books(story)
    params = {"year": YEAR, "level": "fund", "code": story.fund_a.code}
    lines = login(story.committee_a).get(f"{API}/nhso-journal", params).json()
    # Fund A closed October and November: two receipts and a payment; January onwards stay out.
    assert lines["count"] == 6
    first, second = lines["items"][:2]
    assert (first["date"], first["debit_code"], first["credit_code"], first["debit"]) == (
        "2024-10-15",
        "1102",
        "",
        "360000.00",
    )
    assert (second["debit_code"], second["credit_code"], second["credit"]) == ("", "4101", "360000.00")
    assert first["reference"].startswith("receipt 2568/")
    debits = sum(Decimal(x["debit"]) for x in lines["items"])
    assert debits == sum(Decimal(x["credit"]) for x in lines["items"]) == Decimal("529000.00")
    district = {"year": YEAR, "level": "district", "code": story.district.code}
    assert login(story.district_officer).get(f"{API}/nhso-journal", district).status_code == 403
    assert login(story.admin).get(f"{API}/nhso-journal", district).json()["count"] == 10
    assert login(story.admin).get(f"{API}/nhso-journal", {"year": YEAR, "limit": 1}).json()["count"] == 12
    assert login(story.officer_b).get(f"{API}/nhso-journal", params).status_code == 404
