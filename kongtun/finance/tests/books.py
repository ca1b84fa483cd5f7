"""Books for the statement and export tests: receipts and payments booked through the ledger's
own services, so what the tests read is what the officer's documents write."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from kongtun.finance.models import AccountRole, EntrySource, FundBooks, IncomeSource, JournalEntry, Receipt
from kongtun.finance.services import (
    Line,
    account_for,
    books_open,
    entry_book,
    month_close,
    month_end_of,
    receipt_create,
)
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType

INCOME_ROLE: dict[str, str] = {
    IncomeSource.NHSO: AccountRole.NHSO,
    IncomeSource.LOCAL_GOVERNMENT: AccountRole.LOCAL_GOVERNMENT,
    IncomeSource.INTEREST: AccountRole.INTEREST,
    IncomeSource.OTHER: AccountRole.OTHER_INCOME,
}


def receive(fund: Fund, day: dt.date, amount: str, source: str = IncomeSource.NHSO) -> Receipt:
    return receipt_create(fund=fund, date=day, source=source, amount=Decimal(amount), payer="สปสช.", by=None)


@transaction.atomic
def pay(fund: Fund, day: dt.date, amount: str, support: str = "10(1)") -> JournalEntry:
    books = books_open(fund=fund)
    support_type = SupportType.objects.get(code=support)
    expense = account_for(fund=fund, role=AccountRole.EXPENSE, support_type=support_type)
    money = Decimal(amount)
    return entry_book(
        books=books,
        date=day,
        description=f"จ่ายตามข้อ {support}",
        source=EntrySource.PAYMENT,
        lines=[
            Line(expense, debit=money, support_type=support_type),
            Line(account_for(fund=fund, role=AccountRole.BANK), credit=money),
        ],
        by=None,
    )


def close_through(fund: Fund, day: dt.date) -> None:
    """Close the fund's months up to `day` through the monthly close, one month after another: from
    the month after the last closed one, or, when none is closed, from the fund's first entry."""
    books = FundBooks.objects.filter(fund=fund).first()
    first = JournalEntry.objects.filter(fund=fund).order_by("date").values_list("date", flat=True).first()
    if books is not None and books.locked_through is not None:
        month = books.locked_through + dt.timedelta(days=1)
    else:
        month = min(first or day, day)
    while month <= day:
        month_close(fund=fund, month_end=month, by=None)
        month = month_end_of(month) + dt.timedelta(days=1)
