"""The chart of accounts, the opening balance and the booking of balanced entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from kongtun.finance.models import Account, AccountKind, AccountRole, EntrySource, JournalEntry
from kongtun.finance.services import (
    DEFAULT_CHART,
    Line,
    account_for,
    books_open,
    chart_seed,
    entry_book,
    month_close,
    opening_balance_set,
)
from kongtun.funds.services import fund_update
from kongtun.programme.models import SupportType


def test_a_new_fund_gets_the_default_chart(story: SimpleNamespace) -> None:
    accounts = Account.objects.filter(fund=story.fund_a)
    assert accounts.count() == len(DEFAULT_CHART)
    bank = accounts.get(role=AccountRole.BANK)
    assert (bank.code, bank.kind, bank.parent.code if bank.parent else None) == (
        "1102",
        AccountKind.ASSET,
        "1000",
    )
    for code in ("10(1)", "10(2)", "10(3)", "10(4)", "10(5)"):
        expense = accounts.get(support_type__code=code)
        assert expense.kind == AccountKind.EXPENSE and expense.role == AccountRole.EXPENSE


def test_seeding_again_keeps_the_funds_own_chart(story: SimpleNamespace) -> None:
    Account.objects.filter(fund=story.fund_a, role=AccountRole.BANK).update(name="ธนาคารกรุงไทย")
    assert chart_seed(fund=story.fund_a) == []
    fund_update(fund=story.fund_a, phone="074-000000")
    assert Account.objects.get(fund=story.fund_a, role=AccountRole.BANK).name == "ธนาคารกรุงไทย"
    assert Account.objects.filter(fund=story.fund_a).count() == len(DEFAULT_CHART)


def test_a_fund_without_a_chart_gets_one_at_its_first_booking(story: SimpleNamespace) -> None:
    Account.objects.filter(fund=story.fund_b).exclude(parent=None).delete()
    Account.objects.filter(fund=story.fund_b).delete()
    with transaction.atomic():
        books_open(fund=story.fund_b)
    assert Account.objects.filter(fund=story.fund_b).count() == len(DEFAULT_CHART)


def test_an_expense_is_booked_to_its_support_types_account(story: SimpleNamespace) -> None:
    ten_two = SupportType.objects.get(code="10(2)")
    assert account_for(fund=story.fund_a, role=AccountRole.EXPENSE, support_type=ten_two).code == "5102"
    assert account_for(fund=story.fund_a, role=AccountRole.EXPENSE).code == "5199"


def test_the_opening_balance_is_the_first_entry(story: SimpleNamespace) -> None:
    books = opening_balance_set(
        fund=story.fund_a, date=dt.date(2025, 10, 1), amount=Decimal("250000.00"), by=story.officer_a
    )
    assert (books.opening_date, books.opening_balance) == (dt.date(2025, 10, 1), Decimal("250000.00"))
    entry = JournalEntry.objects.get(fund=story.fund_a)
    assert (entry.source, entry.posted, entry.fiscal_year) == (EntrySource.OPENING, True, 2569)
    assert sorted((line.account.role, line.debit, line.credit) for line in entry.lines.all()) == [
        (AccountRole.BANK, Decimal("250000.00"), Decimal("0.00")),
        (AccountRole.FUND_BALANCE, Decimal("0.00"), Decimal("250000.00")),
    ]
    assert entry.history.count() == 2  # written, then posted
    with pytest.raises(ValidationError, match="มีรายการแล้ว"):
        opening_balance_set(fund=story.fund_a, date=dt.date(2025, 10, 1), amount=Decimal("1"), by=None)


def test_booking_refuses_an_unbalanced_entry_in_thai_words(story: SimpleNamespace) -> None:
    with pytest.raises(ValidationError, match="ต้องเท่ากัน"), transaction.atomic():
        books = books_open(fund=story.fund_a)
        entry_book(
            books=books,
            date=dt.date(2025, 11, 1),
            description="x",
            source=EntrySource.ADJUSTMENT,
            lines=[
                Line(account_for(fund=story.fund_a, role=AccountRole.BANK), debit=Decimal("10")),
                Line(account_for(fund=story.fund_a, role=AccountRole.NHSO), credit=Decimal("9")),
            ],
            by=story.officer_a,
        )
    assert not JournalEntry.objects.filter(fund=story.fund_a).exists()


def test_booking_refuses_a_date_in_a_closed_month(story: SimpleNamespace) -> None:
    month_close(fund=story.fund_a, month_end=dt.date(2025, 11, 30), by=story.officer_a)
    with pytest.raises(ValidationError, match="ปิดงวดบัญชีถึงวันที่"), transaction.atomic():
        books = books_open(fund=story.fund_a)
        entry_book(
            books=books,
            date=dt.date(2025, 11, 30),
            description="x",
            source=EntrySource.ADJUSTMENT,
            lines=[
                Line(account_for(fund=story.fund_a, role=AccountRole.BANK), debit=Decimal("10")),
                Line(account_for(fund=story.fund_a, role=AccountRole.NHSO), credit=Decimal("10")),
            ],
            by=story.officer_a,
        )
