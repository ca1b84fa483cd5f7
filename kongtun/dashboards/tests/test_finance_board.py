"""The finance dashboard and the fund home's spending rate, read from the month roll-up: money-use
and balance rates against the 20/50/80 % targets, funds behind flagged, which funds closed which
month, drill-down from the nation to the funds. Per role: the district officer reads the district's
roll-up; the committee of fund A its fund; the officer of fund B gets 404 on fund A; the nation is
the programme admins'."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kongtun.conftest import login
from kongtun.dashboards.finance import finance_board, target_in_force
from kongtun.dashboards.selectors import scope_get
from kongtun.dashboards.tests.test_finance import closed_books
from kongtun.finance.tests.books import pay
from kongtun.finance.tests.test_statements import YEAR

APRIL = dt.date(2025, 4, 15)  # quarter 2 is over: 20 % due


def books(story: SimpleNamespace) -> None:
    """Fund A: 100,000 forward, 504,120.25 in and 75,000 out in 2568 (closed through November);
    fund A2: 50,000 in, 21,234.56 out; fund B: 999,999 in, nothing out."""
    closed_books(story)
    pay(story.fund_a2, dt.date(2024, 12, 1), "20000.00", "10(1)")


def test_the_target_in_force_is_that_of_the_last_quarter_ended(db: None) -> None:
    assert target_in_force(YEAR, today=dt.date(2025, 3, 30)).percent is None
    assert (target_in_force(YEAR, today=APRIL).quarter, target_in_force(YEAR, today=APRIL).percent) == (2, 20)
    assert target_in_force(YEAR, today=dt.date(2025, 7, 1)).percent == 50
    after = target_in_force(YEAR, today=dt.date(2026, 12, 2))
    assert (after.as_of, after.quarter, after.percent) == (dt.date(2025, 9, 30), 4, 80)


def test_the_district_rates_are_the_hand_computed_figures(story: SimpleNamespace) -> None:
    books(story)
    scope = scope_get("district", story.district.code, YEAR)
    with CaptureQueriesContext(connection) as queries:
        board = finance_board(scope, today=APRIL)
    assert len(queries) <= 6
    a, a2 = board.funds
    assert (a.code, a.available, a.expense) == ("L9001", Decimal("604120.25"), Decimal("75000.00"))
    assert (a.use_rate, a.balance_rate) == (Decimal("12.4"), Decimal("87.6"))  # 75,000 / 604,120.25
    assert (a2.use_rate, a2.balance_rate) == (Decimal("42.5"), Decimal("57.5"))  # 21,234.56 / 50,000
    assert [board.behind(f) for f in board.funds] == [True, False]  # 20 % due by the end of March
    assert (board.total.with_books, board.total.behind) == (2, 1)
    assert board.total.use_rate == Decimal("14.7")  # 96,234.56 / 654,120.25
    assert a.closed_through == a2.closed_through == dt.date(2024, 11, 30)
    # Fund A2's books begin in November: October is no month of its export, so it did not close it.
    assert board.closes_by_month[:3] == [("ตุลาคม 2567", 1), ("พฤศจิกายน 2567", 2), ("ธันวาคม 2567", 0)]
    year_end = finance_board(scope, today=dt.date(2026, 1, 1))
    assert year_end.target.percent == 80 and year_end.total.behind == 2


def test_the_nation_drills_down_to_regions_and_the_region_to_provinces(story: SimpleNamespace) -> None:
    books(story)
    nation = finance_board(scope_get("nation", "", YEAR), today=APRIL)
    assert nation.child_level == "region" and nation.total.with_books == 3
    assert sum(c.with_books for c in nation.children) == 3
    body = login(story.admin).get(reverse("dashboards:nation_finance"), {"year": YEAR}).content.decode()
    for child in nation.children:
        assert reverse("dashboards:finance", args=["region", child.key]) in body
    region = login(story.region_officer).get(
        reverse("dashboards:finance", args=["region", "12"]), {"year": YEAR}
    )
    assert region.status_code == 200
    assert reverse("dashboards:finance", args=["province", "90"]) in region.content.decode()


def test_the_district_officer_reads_the_roll_up_and_the_funds_behind(story: SimpleNamespace) -> None:
    books(story)
    url = reverse("dashboards:finance", args=["district", story.district.code])
    body = login(story.district_officer).get(url, {"year": YEAR}).content.decode()
    assert "ต่ำกว่าเป้าหมาย" in body and "L9001" in body and "L9002" in body
    assert reverse("dashboards:finance", args=["fund", "L9001"]) in body
    assert login(story.district_officer).get(reverse("dashboards:nation_finance")).status_code == 403
    dashboard = login(story.district_officer).get(reverse("dashboards:district", args=[story.district.code]))
    assert url in dashboard.content.decode()
    assert (
        url
        not in login(story.nobody)
        .get(reverse("dashboards:district", args=[story.district.code]))
        .content.decode()
    )


def test_fund_finance_is_for_those_who_read_its_books(story: SimpleNamespace) -> None:
    books(story)
    url = reverse("dashboards:finance", args=["fund", story.fund_a.code])
    assert login(story.committee_a).get(url, {"year": YEAR}).status_code == 200
    assert login(story.officer_b).get(url, {"year": YEAR}).status_code == 404


def test_the_fund_home_shows_its_spending_rate_to_its_officer(story: SimpleNamespace) -> None:
    books(story)
    home = reverse("funds:detail", args=[story.fund_a.code])
    body = login(story.officer_a).get(home, {"year": YEAR}).content.decode()
    assert (
        "อัตราการใช้จ่ายเงิน ปีงบประมาณ 2568" in body
        and "12.4 %" in body
        and reverse("dashboards:finance", args=["fund", "L9001"]) in body
    )
    assert "อัตราการใช้จ่ายเงิน" not in login(story.officer_b).get(home).content.decode()
