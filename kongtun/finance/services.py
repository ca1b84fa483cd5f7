"""Writes to the fund's books. Web views and the API both call these; the database guards the same
rules again (triggers.py), so a bug here cannot unbalance or back-date the books."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kongtun.accounts.models import User
from kongtun.core.events import changed
from kongtun.core.thai import fiscal_year_of, format_baht, format_date
from kongtun.finance.models import (
    DEBIT_KINDS,
    Account,
    AccountKind,
    AccountRole,
    EntrySource,
    FundBooks,
    IncomeSource,
    JournalEntry,
    JournalLine,
    MonthClose,
    PaymentVoucher,
    Receipt,
    Refund,
)
from kongtun.finance.models import Document as BooksDocument
from kongtun.followups.models import PaymentPeriod, ProjectClosing
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType
from kongtun.projects.models import Project, Status

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


# Balances --------------------------------------------------------------------------------------


def account_balance(account: Account, *, through: dt.date | None = None) -> Decimal:
    """The balance of an account in its own sense (debit − credit for assets and expenses), from
    the posted lines, up to and including `through` when given."""
    lines = JournalLine.objects.filter(account=account, entry__posted=True)
    if through is not None:
        lines = lines.filter(entry__date__lte=through)
    sums = lines.aggregate(debit=Sum("debit"), credit=Sum("credit"))
    debit, credit = sums["debit"] or ZERO, sums["credit"] or ZERO
    return debit - credit if account.kind in DEBIT_KINDS else credit - debit


def project_paid(project: Project) -> Decimal:
    """What the fund has paid to a project on its payment vouchers."""
    return PaymentVoucher.objects.filter(project=project).aggregate(s=Sum("amount"))["s"] or ZERO


def project_refunded(project: Project) -> Decimal:
    """What the project returned to the fund (refunds not reversed by a reopened closing)."""
    rows = Refund.objects.filter(project=project, reversal=None)
    return rows.aggregate(s=Sum("amount"))["s"] or ZERO


# Documents -------------------------------------------------------------------------------------

INCOME_ACCOUNT = {
    IncomeSource.CARRY_OVER: AccountRole.FUND_BALANCE,
    IncomeSource.NHSO: AccountRole.NHSO,
    IncomeSource.LOCAL_GOVERNMENT: AccountRole.LOCAL_GOVERNMENT,
    IncomeSource.INTEREST: AccountRole.INTEREST,
    IncomeSource.OTHER: AccountRole.OTHER_INCOME,
}


def _money_account(fund: Fund, account: Account | None) -> Account:
    if account is None:
        return account_for(fund=fund, role=AccountRole.BANK)
    if account.fund_id != fund.pk or account.role not in (AccountRole.CASH, AccountRole.BANK):
        raise ValidationError({"money_account": _("Choose one of the fund's cash or bank accounts.")})
    return account


def _check_amount(amount: Decimal) -> None:
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be above zero.")})


def _next_number(model: type[BooksDocument], fund_id: int, fiscal_year: int) -> int:
    last = model._default_manager.filter(fund_id=fund_id, fiscal_year=fiscal_year).aggregate(n=Max("number"))[
        "n"
    ]
    return (last or 0) + 1


DocumentT = TypeVar("DocumentT", bound=BooksDocument)

# The entry source each kind of document books.
DOCUMENT_SOURCE: dict[type[BooksDocument], str] = {
    Receipt: EntrySource.RECEIPT,
    PaymentVoucher: EntrySource.PAYMENT,
    Refund: EntrySource.REFUND,
}


def _document_book(
    model: type[DocumentT],
    *,
    books: FundBooks,
    date: dt.date,
    amount: Decimal,
    money_account: Account,
    entry_text: str,
    lines: Sequence[Line],
    description: str,
    by: User | None,
    **fields: object,
) -> DocumentT:
    """Book the document's entry and file the document under the next number of its fund and
    fiscal year (the fund's books are open, so numbers do not collide). What each kind does before
    and after (checks, a payment period marked paid) and the announcement stay with its service."""
    entry = entry_book(
        books=books, date=date, description=entry_text, source=DOCUMENT_SOURCE[model], lines=lines, by=by
    )
    return model._default_manager.create(
        entry=entry,
        fund_id=entry.fund_id,
        date=entry.date,
        fiscal_year=entry.fiscal_year,
        number=_next_number(model, entry.fund_id, entry.fiscal_year),
        amount=amount,
        description=description,
        money_account=money_account,
        created_by=by,
        **fields,
    )


@transaction.atomic
def receipt_create(
    *,
    fund: Fund,
    date: dt.date,
    source: str,
    amount: Decimal,
    payer: str,
    description: str = "",
    money_account: Account | None = None,
    by: User | None,
) -> Receipt:
    """ใบเสร็จรับเงิน: money into a cash or bank account, against its income account."""
    books = books_open(fund=fund)
    refuse_if_locked(books, date)
    _check_amount(amount)
    if source not in INCOME_ACCOUNT:
        raise ValidationError({"source": _("Choose the kind of income.")})
    into = _money_account(fund, money_account)
    label = IncomeSource(source).label
    receipt = _document_book(
        Receipt,
        books=books,
        date=date,
        amount=amount,
        money_account=into,
        entry_text=f"{label} {payer}".strip(),
        lines=[
            Line(into, debit=amount),
            Line(account_for(fund=fund, role=INCOME_ACCOUNT[IncomeSource(source)]), credit=amount),
        ],
        description=description,
        by=by,
        source=source,
        payer=payer,
    )
    changed(receipt)
    return receipt


def _refuse_over_budget(project: Project, amount: Decimal) -> None:
    approved = project.approved_budget or ZERO
    paid = project_paid(project)
    if amount > approved - paid:
        raise ValidationError(
            {
                "amount": _(
                    "This is more than the project may still be paid: approved %(approved)s, "
                    "paid %(paid)s, left %(left)s."
                )
                % {
                    "approved": format_baht(approved),
                    "paid": format_baht(paid),
                    "left": format_baht(max(approved - paid, ZERO)),
                }
            }
        )


def _refuse_over_cash(account: Account, date: dt.date, amount: Decimal) -> None:
    # The money must be there on the day it is paid, and must not be owed to a later payment.
    available = min(account_balance(account, through=date), account_balance(account))
    if amount > available:
        raise ValidationError(
            {
                "amount": _("The fund does not have this money: %(account)s holds %(available)s.")
                % {"account": account.name, "available": format_baht(max(available, ZERO))}
            }
        )


@transaction.atomic
def voucher_create(
    *,
    project: Project,
    date: dt.date,
    amount: Decimal,
    payee: str,
    period: PaymentPeriod | None = None,
    description: str = "",
    money_account: Account | None = None,
    by: User | None,
) -> PaymentVoucher:
    """ใบเบิกเงิน: pay a running project (for one of its payment periods) from a cash or bank
    account, to the expense account of its support type. Refused beyond the approved budget less
    what was paid, and beyond the money the account holds."""
    fund = project.fund
    books = books_open(fund=fund)
    project = Project.objects.select_for_update().get(pk=project.pk)
    refuse_if_locked(books, date)
    _check_amount(amount)
    if project.status != Status.RUNNING:
        raise ValidationError(_("Only a running project can be paid."))
    if period is not None and period.project_id != project.pk:
        raise ValidationError({"period": _("This payment period belongs to another project.")})
    _refuse_over_budget(project, amount)
    paid_from = _money_account(fund, money_account)
    _refuse_over_cash(paid_from, date, amount)
    support_type = project.support_type
    label = _("Payment to project %(code)s") % {"code": project.code or project.pk}
    voucher = _document_book(
        PaymentVoucher,
        books=books,
        date=date,
        amount=amount,
        money_account=paid_from,
        entry_text=f"{label} {project.title}",
        lines=[
            Line(
                account_for(fund=fund, role=AccountRole.EXPENSE, support_type=support_type),
                debit=amount,
                project=project,
                support_type=support_type,
            ),
            Line(paid_from, credit=amount, project=project),
        ],
        description=description,
        by=by,
        project=project,
        period=period,
        payee=payee,
    )
    if period is not None and period.paid_on is None:
        # The period is paid on the day its vouchers reach its amount.
        period_paid = PaymentVoucher.objects.filter(period=period).aggregate(s=Sum("amount"))["s"] or ZERO
        if period_paid >= period.amount:
            PaymentPeriod.objects.filter(pk=period.pk).update(paid_on=date)
            period.paid_on = date
            changed(period)
    changed(voucher)
    return voucher


@transaction.atomic
def refund_create(
    *,
    project: Project,
    date: dt.date,
    amount: Decimal,
    closing: ProjectClosing | None = None,
    description: str = "",
    money_account: Account | None = None,
    by: User | None,
) -> Refund:
    """บันทึกการคืนเงิน: a project's unused money back into a cash or bank account, as income
    from refunds (with the project and its support type on the line)."""
    fund = project.fund
    books = books_open(fund=fund)
    refuse_if_locked(books, date)
    _check_amount(amount)
    returnable = project_paid(project) - project_refunded(project)
    if amount > returnable:
        raise ValidationError(
            {
                "amount": _("More cannot be returned than the fund paid the project less refunds (%(left)s).")
                % {"left": format_baht(max(returnable, ZERO))}
            }
        )
    into = _money_account(fund, money_account)
    label = _("Refund from project %(code)s") % {"code": project.code or project.pk}
    refund = _document_book(
        Refund,
        books=books,
        date=date,
        amount=amount,
        money_account=into,
        entry_text=f"{label} {project.title}",
        lines=[
            Line(into, debit=amount, project=project),
            Line(
                account_for(fund=fund, role=AccountRole.REFUND),
                credit=amount,
                project=project,
                support_type=project.support_type,
            ),
        ],
        description=description,
        by=by,
        project=project,
        closing=closing,
    )
    changed(refund)
    return refund


# Monthly close ---------------------------------------------------------------------------------


def month_end_of(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@transaction.atomic
def month_close(*, fund: Fund, month_end: dt.date, by: User | None) -> MonthClose:
    """ปิดงวดเดือน: lock every entry dated up to the month's end. Months close in order, once over."""
    books = books_open(fund=fund)
    month_end = month_end_of(month_end)
    if month_end >= timezone.localdate():
        raise ValidationError({"month_end": _("A month can be closed once it is over.")})
    if books.locked_through is not None:
        expected = month_end_of(books.locked_through + dt.timedelta(days=1))
        if month_end != expected:
            raise ValidationError(
                {
                    "month_end": _("The next month to close is the one ending %(day)s.")
                    % {"day": format_date(expected)}
                }
            )
    close = MonthClose.objects.create(
        fund=fund,
        month_end=month_end,
        fiscal_year=fiscal_year_of(month_end),
        closed_at=timezone.now(),
        closed_by=by,
    )
    books.locked_through = month_end
    books.save(update_fields=["locked_through"])
    changed(close)
    return close


@transaction.atomic
def month_reopen(*, fund: Fund, by: User | None, reason: str) -> MonthClose:
    """Open the last closed month again, for a reason kept in the audit history."""
    books = books_open(fund=fund)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for reopening the month.")})
    close = None
    if books.locked_through is not None:
        close = MonthClose.objects.filter(fund=fund, month_end=books.locked_through, reopened_at=None).first()
    if close is None:
        raise ValidationError(_("No month of this fund is closed."))
    close.reopened_at = timezone.now()
    close.reopened_by = by
    close.reopen_reason = reason
    close._change_reason = reason[:100]  # type: ignore[attr-defined]
    close.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    earlier = MonthClose.objects.filter(fund=fund, reopened_at=None, month_end__lt=close.month_end)
    books.locked_through = earlier.aggregate(m=Max("month_end"))["m"]
    books.save(update_fields=["locked_through"])
    changed(close)
    return close
