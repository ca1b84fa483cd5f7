"""Books for the statement and export tests: receipts and payments booked through the ledger's
own services, so what the tests read is what the officer's documents write."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from kongtun.core.events import changed
from kongtun.finance.models import AccountRole, EntrySource, IncomeSource, JournalEntry, Receipt
from kongtun.finance.services import Line, account_for, books_open, entry_book
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType

INCOME_ROLE: dict[str, str] = {
    IncomeSource.NHSO: AccountRole.NHSO,
    IncomeSource.LOCAL_GOVERNMENT: AccountRole.LOCAL_GOVERNMENT,
    IncomeSource.INTEREST: AccountRole.INTEREST,
    IncomeSource.OTHER: AccountRole.OTHER_INCOME,
}


@transaction.atomic
def receive(fund: Fund, day: dt.date, amount: str, source: str = IncomeSource.NHSO) -> Receipt:
    books = books_open(fund=fund)
    bank = account_for(fund=fund, role=AccountRole.BANK)
    income = account_for(fund=fund, role=INCOME_ROLE[source])
    money = Decimal(amount)
    entry = entry_book(
        books=books,
        date=day,
        description=str(IncomeSource(source).label),
        source=EntrySource.RECEIPT,
        lines=[Line(bank, debit=money), Line(income, credit=money)],
        by=None,
    )
    number = Receipt.objects.filter(fund=fund, fiscal_year=entry.fiscal_year).count() + 1
    return Receipt.objects.create(
        fund=fund,
        number=number,
        date=day,
        fiscal_year=entry.fiscal_year,
        amount=money,
        money_account=bank,
        entry=entry,
        source=source,
        payer="สปสช.",
    )


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


@transaction.atomic
def close_through(fund: Fund, day: dt.date) -> None:
    """Close the fund's months up to `day` (what the monthly close writes, and announces)."""
    books = books_open(fund=fund)
    books.locked_through = day
    books.save(update_fields=["locked_through"])
    changed(books)
