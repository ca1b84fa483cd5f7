"""Statements and the control book add up to the ledger."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db.models import F, Sum
from django.http import Http404

from kongtun.finance.models import AccountKind, IncomeSource, JournalLine
from kongtun.finance.services import opening_balance_set
from kongtun.finance.statements import control_book, fiscal_months, period_get, statement
from kongtun.finance.tests.books import pay, receive

YEAR = 2568  # 1 Oct 2024 – 30 Sep 2025


def book_year(story: SimpleNamespace) -> None:
    """Fund A: 100,000 brought forward on 30 Sep 2024; in fiscal year 2568 an NHSO transfer, the
    local share, interest and three payments; fund B has books of its own."""
    opening_balance_set(fund=story.fund_a, date=dt.date(2024, 9, 30), amount=Decimal("100000"), by=None)
    receive(story.fund_a, dt.date(2024, 10, 15), "360000.00")
    pay(story.fund_a, dt.date(2024, 10, 20), "25000.00", "10(1)")
    receive(story.fund_a, dt.date(2024, 11, 3), "144000.00", IncomeSource.LOCAL_GOVERNMENT)
    pay(story.fund_a, dt.date(2025, 1, 8), "40000.50", "10(2)")
    pay(story.fund_a, dt.date(2025, 2, 1), "9999.50", "10(4)")
    receive(story.fund_a, dt.date(2025, 3, 31), "120.25", IncomeSource.INTEREST)
    receive(story.fund_b, dt.date(2024, 10, 15), "999999.00")


def test_periods_follow_the_fiscal_year() -> None:
    assert period_get("month", YEAR, 10).start == dt.date(2024, 10, 1)
    assert period_get("month", YEAR, 2).end == dt.date(2025, 2, 28)
    q1, q2 = period_get("quarter", YEAR, 1), period_get("quarter", YEAR, 2)
    assert (q1.start, q1.end) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert (q2.start, q2.end) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert period_get("quarter", YEAR, 4).end == dt.date(2025, 9, 30)
    assert [p.number for p in fiscal_months(YEAR)][:3] == [10, 11, 12]
    assert period_get("month", YEAR, 10).label == "ตุลาคม 2567"
    for kind, number in (("month", 13), ("quarter", 5), ("week", 1)):
        with pytest.raises(Http404):
            period_get(kind, YEAR, number)


def test_the_year_statement_adds_up_to_the_ledger(story: SimpleNamespace) -> None:
    book_year(story)
    year = statement(story.fund_a, period_get("year", YEAR))
    assert year.brought_forward == Decimal("100000.00")
    assert {a.code: a.amount for a in year.income} == {
        "4101": Decimal("360000.00"),
        "4102": Decimal("144000.00"),
        "4103": Decimal("120.25"),
    }
    assert {a.code: a.amount for a in year.expense} == {
        "10(1)": Decimal("25000.00"),
        "10(2)": Decimal("40000.50"),
        "10(3)": Decimal("0"),
        "10(4)": Decimal("9999.50"),
        "10(5)": Decimal("0"),
    }
    ledger_money = JournalLine.objects.filter(
        entry__fund=story.fund_a,
        entry__posted=True,
        account__kind__in=[AccountKind.ASSET, AccountKind.LIABILITY],
    ).aggregate(total=Sum(F("debit") - F("credit")))["total"]
    assert year.balance == ledger_money == Decimal("529120.25")


def test_the_quarters_chain_into_the_year(story: SimpleNamespace) -> None:
    book_year(story)
    quarters = [statement(story.fund_a, period_get("quarter", YEAR, q)) for q in (1, 2, 3, 4)]
    year = statement(story.fund_a, period_get("year", YEAR))
    for before, after in itertools.pairwise(quarters):
        assert after.brought_forward == before.balance
    assert sum((q.total_income for q in quarters), Decimal(0)) == year.total_income
    assert sum((q.total_expense for q in quarters), Decimal(0)) == year.total_expense
    assert quarters[-1].balance == year.balance


def test_the_control_book_runs_the_balance_entry_by_entry(story: SimpleNamespace) -> None:
    book_year(story)
    book = control_book(story.fund_a, period_get("quarter", YEAR, 1))
    assert book.brought_forward == Decimal("100000.00")
    assert [(line.received, line.paid, line.balance) for line in book.lines] == [
        (Decimal("360000.00"), Decimal("0"), Decimal("460000.00")),
        (Decimal("0"), Decimal("25000.00"), Decimal("435000.00")),
        (Decimal("144000.00"), Decimal("0"), Decimal("579000.00")),
    ]
    assert book.lines[0].reference.endswith("2568/0001")
    assert book.balance == statement(story.fund_a, period_get("quarter", YEAR, 1)).balance
