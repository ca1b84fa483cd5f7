"""The database itself keeps the books balanced and the closed months shut: these writes go around
the services, in raw SQL, and must still be refused (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kongtun.finance.models import Account, AccountRole, EntrySource, JournalEntry, JournalLine
from kongtun.finance.services import books_open, month_close

DAY = dt.date(2025, 11, 10)
ENTRY = (
    "INSERT INTO finance_journalentry (fund_id, date, fiscal_year, description, source, posted, created_at) "
)
LINE = "INSERT INTO finance_journalline (entry_id, account_id, debit, credit, memo) "


def sql(statement: str, *params: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def refused(statement: str, *params: Any) -> None:
    with pytest.raises(IntegrityError, match="finance:"), transaction.atomic():
        sql(statement, *params)


def account(fund: Any, role: str) -> Account:
    return Account.objects.get(fund=fund, role=role)


def draft(fund: Any, day: dt.date = DAY) -> JournalEntry:
    with transaction.atomic():
        books_open(fund=fund)
    return JournalEntry.objects.create(
        fund=fund, date=day, fiscal_year=2569, description="test", source=EntrySource.ADJUSTMENT
    )


def add_line(entry: JournalEntry, acc: Account, debit: str = "0", credit: str = "0") -> None:
    sql(
        LINE + "VALUES (%s, %s, %s, %s, '')",
        entry.pk,
        acc.pk,
        Decimal(debit),
        Decimal(credit),
    )


def post(entry: JournalEntry) -> None:
    sql("UPDATE finance_journalentry SET posted = %s WHERE id = %s", True, entry.pk)


@pytest.fixture
def posted(story: SimpleNamespace) -> JournalEntry:
    entry = draft(story.fund_a)
    add_line(entry, account(story.fund_a, AccountRole.BANK), debit="1000.10")
    add_line(entry, account(story.fund_a, AccountRole.NHSO), credit="1000.10")
    post(entry)
    return entry


def test_an_unbalanced_entry_cannot_be_posted(story: SimpleNamespace) -> None:
    entry = draft(story.fund_a)
    add_line(entry, account(story.fund_a, AccountRole.BANK), debit="1000.00")
    add_line(entry, account(story.fund_a, AccountRole.NHSO), credit="999.99")
    refused("UPDATE finance_journalentry SET posted = %s WHERE id = %s", True, entry.pk)
    assert not JournalEntry.objects.get(pk=entry.pk).posted


def test_an_entry_without_lines_cannot_be_posted(story: SimpleNamespace) -> None:
    entry = draft(story.fund_a)
    refused("UPDATE finance_journalentry SET posted = %s WHERE id = %s", True, entry.pk)


def test_an_entry_cannot_be_inserted_already_posted(story: SimpleNamespace) -> None:
    with transaction.atomic():
        books_open(fund=story.fund_a)
    refused(
        ENTRY + "VALUES (%s, %s, 2569, 'x', 'adjustment', %s, %s)",
        story.fund_a.pk,
        DAY,
        True,
        timezone.now(),
    )


def test_satang_sums_balance_exactly(story: SimpleNamespace) -> None:
    """0.10 + 0.20 is 0.30: SQLite's floating-point storage does not unbalance an entry."""
    entry = draft(story.fund_a)
    add_line(entry, account(story.fund_a, AccountRole.BANK), debit="0.10")
    add_line(entry, account(story.fund_a, AccountRole.BANK), debit="0.20")
    add_line(entry, account(story.fund_a, AccountRole.NHSO), credit="0.30")
    post(entry)
    assert JournalEntry.objects.get(pk=entry.pk).posted


def test_the_lines_of_a_posted_entry_are_frozen(story: SimpleNamespace, posted: JournalEntry) -> None:
    line = posted.lines.first()
    assert line is not None
    refused(
        LINE + "VALUES (%s, %s, 5, 0, '')",
        posted.pk,
        line.account_id,
    )
    refused("UPDATE finance_journalline SET debit = 2000 WHERE id = %s", line.pk)
    refused("DELETE FROM finance_journalline WHERE id = %s", line.pk)
    refused("DELETE FROM finance_journalentry WHERE id = %s", posted.pk)
    refused("UPDATE finance_journalentry SET date = %s WHERE id = %s", DAY - dt.timedelta(days=1), posted.pk)
    assert JournalLine.objects.filter(entry=posted).count() == 2


def test_a_line_must_be_of_an_account_of_the_entrys_fund(story: SimpleNamespace) -> None:
    entry = draft(story.fund_a)
    with transaction.atomic():
        books_open(fund=story.fund_b)
    with pytest.raises(IntegrityError, match="finance:"), transaction.atomic():
        add_line(entry, account(story.fund_b, AccountRole.BANK), debit="10")


def test_a_line_is_a_debit_or_a_credit(story: SimpleNamespace) -> None:
    entry = draft(story.fund_a)
    bank = account(story.fund_a, AccountRole.BANK)
    for debit, credit in (("10", "10"), ("0", "0"), ("-5", "0")):
        with pytest.raises(IntegrityError), transaction.atomic():
            add_line(entry, bank, debit=debit, credit=credit)


def test_a_closed_month_refuses_every_write(story: SimpleNamespace, posted: JournalEntry) -> None:
    unposted = draft(story.fund_a, DAY + dt.timedelta(days=1))
    bank = account(story.fund_a, AccountRole.BANK)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 11, 30), by=story.officer_a)
    refused("UPDATE finance_journalentry SET description = 'changed' WHERE id = %s", posted.pk)
    refused("UPDATE finance_journalentry SET posted = %s WHERE id = %s", False, posted.pk)
    refused("DELETE FROM finance_journalentry WHERE id = %s", unposted.pk)
    refused(
        LINE + "VALUES (%s, %s, 5, 0, '')",
        unposted.pk,
        bank.pk,
    )
    refused(
        ENTRY + "VALUES (%s, %s, 2569, 'back-dated', 'adjustment', %s, %s)",
        story.fund_a.pk,
        dt.date(2025, 11, 30),
        False,
        timezone.now(),
    )
    later = draft(story.fund_a, dt.date(2025, 12, 1))
    refused("UPDATE finance_journalentry SET date = %s WHERE id = %s", dt.date(2025, 11, 5), later.pk)
    # The next month is open, and another fund's books are not locked by this one's close.
    sql("UPDATE finance_journalentry SET description = 'fine' WHERE id = %s", later.pk)
    draft(story.fund_b, DAY)


def test_an_open_posted_entry_can_be_unposted_and_corrected(
    story: SimpleNamespace, posted: JournalEntry
) -> None:
    sql("UPDATE finance_journalentry SET posted = %s WHERE id = %s", False, posted.pk)
    sql("UPDATE finance_journalline SET credit = 900 WHERE entry_id = %s AND credit > 0", posted.pk)
    refused("UPDATE finance_journalentry SET posted = %s WHERE id = %s", True, posted.pk)
    sql("UPDATE finance_journalline SET debit = 900 WHERE entry_id = %s AND debit > 0", posted.pk)
    post(posted)
    assert JournalEntry.objects.get(pk=posted.pk).posted
