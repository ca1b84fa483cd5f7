"""Writes to the fund's books. Web views and the API both call these; the database guards the same
rules again (triggers.py), so a bug here cannot unbalance or back-date the books."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kongtun.accounts.models import User
from kongtun.core.events import changed
from kongtun.core.thai import fiscal_year_of, format_baht, format_date
from kongtun.finance.models import (
    Account,
    AccountKind,
    AccountRole,
    EntrySource,
    FundBooks,
    JournalEntry,
    JournalLine,
)
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType
from kongtun.projects.models import Project

ZERO = Decimal("0")

# The default chart: (code, name, kind, parent code, role, support type code). A fund's officer
# may rename, renumber and add accounts; the services find the seeded ones by their role.
DEFAULT_CHART: list[tuple[str, str, str, str, str, str]] = [
    ("1000", "สินทรัพย์", AccountKind.ASSET, "", "", ""),
    ("1101", "เงินสด", AccountKind.ASSET, "1000", AccountRole.CASH, ""),
    ("1102", "เงินฝากธนาคาร", AccountKind.ASSET, "1000", AccountRole.BANK, ""),
    ("2000", "หนี้สิน", AccountKind.LIABILITY, "", "", ""),
    ("2101", "เงินรับฝาก", AccountKind.LIABILITY, "2000", "", ""),
    ("3000", "ทุนของกองทุน", AccountKind.EQUITY, "", "", ""),
    ("3101", "เงินคงเหลือยกมา", AccountKind.EQUITY, "3000", AccountRole.FUND_BALANCE, ""),
    ("4000", "รายรับ", AccountKind.REVENUE, "", "", ""),
    ("4101", "เงินโอนจาก สปสช.", AccountKind.REVENUE, "4000", AccountRole.NHSO, ""),
    ("4102", "เงินสมทบจากองค์กรปกครองส่วนท้องถิ่น", AccountKind.REVENUE, "4000", AccountRole.LOCAL_GOVERNMENT, ""),
    ("4103", "ดอกเบี้ยเงินฝากธนาคาร", AccountKind.REVENUE, "4000", AccountRole.INTEREST, ""),
    ("4104", "รายได้อื่น", AccountKind.REVENUE, "4000", AccountRole.OTHER_INCOME, ""),
    ("4105", "เงินคืนจากโครงการ", AccountKind.REVENUE, "4000", AccountRole.REFUND, ""),
    ("5000", "รายจ่าย", AccountKind.EXPENSE, "", "", ""),
    ("5101", "รายจ่ายตามข้อ 10(1) หน่วยบริการ สถานบริการ หน่วยงานสาธารณสุข", AccountKind.EXPENSE, "5000",
     AccountRole.EXPENSE, "10(1)"),
    ("5102", "รายจ่ายตามข้อ 10(2) องค์กรหรือกลุ่มประชาชน หน่วยงานอื่น", AccountKind.EXPENSE, "5000",
     AccountRole.EXPENSE, "10(2)"),
    ("5103", "รายจ่ายตามข้อ 10(3) ศูนย์เด็กเล็ก ศูนย์ผู้สูงอายุและคนพิการ", AccountKind.EXPENSE, "5000",
     AccountRole.EXPENSE, "10(3)"),
    ("5104", "รายจ่ายตามข้อ 10(4) บริหารหรือพัฒนากองทุน", AccountKind.EXPENSE, "5000",
     AccountRole.EXPENSE, "10(4)"),
    ("5105", "รายจ่ายตามข้อ 10(5) กรณีเกิดโรคระบาดหรือภัยพิบัติ", AccountKind.EXPENSE, "5000",
     AccountRole.EXPENSE, "10(5)"),
    ("5199", "รายจ่ายอื่น", AccountKind.EXPENSE, "5000", AccountRole.EXPENSE, ""),
]  # fmt: skip


@transaction.atomic
def chart_seed(*, fund: Fund) -> list[Account]:
    """Give the fund the default chart of accounts, once: a fund that has accounts keeps its own.
    Returns the accounts created (none when the fund had a chart)."""
    Fund.objects.select_for_update().filter(pk=fund.pk).first()  # two first bookings seed once
    if Account.objects.filter(fund=fund).exists():
        return []
    types = {t.code: t for t in SupportType.objects.all()}
    parents = bulk_create_with_history(
        [
            Account(fund=fund, code=c, name=n, kind=k)
            for c, n, k, parent, _r, _t in DEFAULT_CHART
            if not parent
        ],
        Account,
    )
    by_code = {a.code: a for a in Account.objects.filter(fund=fund)}
    children = bulk_create_with_history(
        [
            Account(
                fund=fund,
                code=code,
                name=name,
                kind=kind,
                parent=by_code[parent],
                role=role,
                support_type=types.get(support_type),
            )
            for code, name, kind, parent, role, support_type in DEFAULT_CHART
            if parent
        ],
        Account,
    )
    return [*parents, *children]


def books_open(*, fund: Fund) -> FundBooks:
    """The fund's books row, locked for this transaction (one booking of a fund at a time, so the
    cash check and the numbering see every earlier booking); seeds the chart on first use."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("books_open locks the fund's books: call it inside transaction.atomic()")
    FundBooks.objects.get_or_create(fund=fund)
    books = FundBooks.objects.select_for_update().get(fund=fund)
    chart_seed(fund=fund)
    return books


def account_for(*, fund: Fund, role: str, support_type: SupportType | None = None) -> Account:
    """The fund's account of a role (for an expense: of the support type, else the other expense)."""
    accounts = Account.objects.filter(fund=fund, role=role, is_active=True)
    if role == AccountRole.EXPENSE:
        found = accounts.filter(support_type=support_type).first() if support_type else None
        found = found or accounts.filter(support_type__isnull=True).first()
    else:
        found = accounts.first()
    if found is None:
        raise ValidationError(
            _("The fund's chart of accounts has no account for “%(role)s”: add one first.")
            % {"role": AccountRole(role).label}
        )
    return found


@dataclass(frozen=True)
class Line:
    """One line of an entry to book: an amount on the debit or the credit side of an account."""

    account: Account
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    project: Project | None = None
    support_type: SupportType | None = None
    memo: str = ""


def refuse_if_locked(books: FundBooks, date: dt.date) -> None:
    """The rule of the monthly close, in Thai (the database refuses the same write without words)."""
    if books.locked_through is not None and date <= books.locked_through:
        raise ValidationError(
            {
                "date": _("The books are closed up to %(day)s: nothing dated on or before it can change.")
                % {"day": format_date(books.locked_through)}
            }
        )


def entry_book(
    *,
    books: FundBooks,
    date: dt.date,
    description: str,
    source: str,
    lines: Sequence[Line],
    by: User | None,
) -> JournalEntry:
    """Write a balanced entry: unposted, then its lines, then posted (the database checks the
    balance when it is posted). Call with the fund's books open (`books_open`)."""
    refuse_if_locked(books, date)
    debit = sum((line.debit for line in lines), ZERO)
    credit = sum((line.credit for line in lines), ZERO)
    if not lines or debit != credit or debit <= 0:
        raise ValidationError(
            _("An entry must balance: debits %(debit)s, credits %(credit)s.")
            % {"debit": format_baht(debit), "credit": format_baht(credit)}
        )
    entry = JournalEntry.objects.create(
        fund_id=books.fund_id,
        date=date,
        fiscal_year=fiscal_year_of(date),
        description=description[:300],
        source=source,
        created_by=by,
    )
    for line in lines:
        if line.account.fund_id != books.fund_id:
            raise ValidationError(_("The account belongs to another fund."))
        JournalLine.objects.create(
            entry=entry,
            account=line.account,
            debit=line.debit,
            credit=line.credit,
            project=line.project,
            support_type=line.support_type,
            memo=line.memo[:300],
        )
    entry.posted = True
    entry.save(update_fields=["posted"])
    changed(entry)
    return entry


@transaction.atomic
def opening_balance_set(*, fund: Fund, date: dt.date, amount: Decimal, by: User | None) -> FundBooks:
    """The money the fund held when it began keeping its books here: booked once, as the opening
    entry (bank deposit against the fund balance brought forward), before any other entry."""
    books = books_open(fund=fund)
    if amount < 0:
        raise ValidationError({"amount": _("The amount cannot be negative.")})
    if JournalEntry.objects.filter(fund=fund).exists():
        raise ValidationError(
            _("The opening balance is set before the first entry; this fund's books already have entries.")
        )
    books.opening_date = date
    books.opening_balance = amount
    books.save(update_fields=["opening_date", "opening_balance"])
    if amount > 0:
        entry_book(
            books=books,
            date=date,
            description=_("Opening balance"),
            source=EntrySource.OPENING,
            lines=[
                Line(account_for(fund=fund, role=AccountRole.BANK), debit=amount),
                Line(account_for(fund=fund, role=AccountRole.FUND_BALANCE), credit=amount),
            ],
            by=by,
        )
    changed(books)
    return books
