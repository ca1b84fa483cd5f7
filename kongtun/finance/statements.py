"""Statements read from the ledger (posted entries only): the receipt–payment control book
(สมุดคุมรับ-จ่าย) and the income–expense–balance statement of a month, a quarter or a fiscal year.

The fund's money is what its asset accounts hold less what its liability accounts owe (cash and
bank, less deposits held for others). Every posted entry balances, so over any period
    money at the end = money brought forward + income − expense,
where income is what the revenue and fund-balance accounts were credited (NHSO transfer, local
contribution, interest, other income, refunds, a balance brought forward booked in the period)
and expense what the expense accounts were debited, grouped by support type 10(1)–10(5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from kongtun.core.thai import fiscal_year_bounds, format_date, to_ce_year
from kongtun.finance.models import AccountKind, JournalEntry, JournalLine
from kongtun.funds.models import Fund
from kongtun.programme.models import SupportType

ZERO = Decimal("0")
MONEY_KINDS = (AccountKind.ASSET, AccountKind.LIABILITY)
INCOME_KINDS = (AccountKind.REVENUE, AccountKind.EQUITY)
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)


@dataclass(frozen=True)
class Period:
    """A month (1–12, calendar months), a quarter (1–4 of the fiscal year) or a whole fiscal year."""

    kind: str  # "month", "quarter" or "year"
    fiscal_year: int
    number: int
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{THAI_MONTHS[self.number - 1]} {self.start.year + 543}"
        if self.kind == "quarter":
            return _("Quarter %(q)s of fiscal year %(year)s") % {"q": self.number, "year": self.fiscal_year}
        return _("Fiscal year %(year)s") % {"year": self.fiscal_year}

    @property
    def dates(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.end)}"

    @property
    def slug(self) -> str:
        return f"{self.fiscal_year}" + ("" if self.kind == "year" else f"-{self.kind[0]}{self.number}")


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def period_get(kind: str, fiscal_year: int, number: int = 0) -> Period:
    """The period a URL names (404 if there is no such period)."""
    if not 2400 < fiscal_year < 2700:
        raise Http404
    start, end = fiscal_year_bounds(fiscal_year)
    if kind == "year":
        return Period("year", fiscal_year, 0, start, end)
    if kind == "quarter" and 1 <= number <= 4:
        first = (10 + 3 * (number - 1) - 1) % 12 + 1
        year = to_ce_year(fiscal_year) - (1 if first >= 10 else 0)
        return Period(
            "quarter", fiscal_year, number, dt.date(year, first, 1), _month_end(year, (first + 1) % 12 + 1)
        )
    if kind == "month" and 1 <= number <= 12:
        year = to_ce_year(fiscal_year) - (1 if number >= 10 else 0)
        return Period("month", fiscal_year, number, dt.date(year, number, 1), _month_end(year, number))
    raise Http404


def fiscal_months(fiscal_year: int) -> list[Period]:
    """The twelve months of a fiscal year, October first."""
    return [period_get("month", fiscal_year, m) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]


def posted_lines(fund: Fund) -> Q:
    return Q(entry__fund=fund, entry__posted=True)


def money_on(fund: Fund, before: dt.date) -> Decimal:
    """The fund's money (assets less liabilities) from every posted entry dated before `before`."""
    total = JournalLine.objects.filter(
        posted_lines(fund), entry__date__lt=before, account__kind__in=MONEY_KINDS
    ).aggregate(total=Sum(F("debit") - F("credit")))["total"]
    return total or ZERO


@dataclass(frozen=True)
class Amount:
    code: str
    label: str
    amount: Decimal


@dataclass
class Statement:
    """Income, expense by support type and balance of a period (รายงานรับ-จ่ายและเงินคงเหลือ)."""

    fund: Fund
    period: Period
    brought_forward: Decimal
    income: list[Amount] = field(default_factory=list)
    expense: list[Amount] = field(default_factory=list)

    @property
    def total_income(self) -> Decimal:
        return sum((a.amount for a in self.income), ZERO)

    @property
    def total_expense(self) -> Decimal:
        return sum((a.amount for a in self.expense), ZERO)

    @property
    def balance(self) -> Decimal:
        return self.brought_forward + self.total_income - self.total_expense


def statement(fund: Fund, period: Period) -> Statement:
    """The statement of one fund and period (3 queries). Every support type has its row, with 0
    when nothing was paid under it; income has one row per account that received money."""
    lines = JournalLine.objects.filter(posted_lines(fund), entry__date__range=(period.start, period.end))
    income = (
        lines.filter(account__kind__in=INCOME_KINDS)
        .values_list("account__code", "account__name")
        .annotate(total=Sum(F("credit") - F("debit")))
        .order_by("account__code")
    )
    expense = dict(
        lines.filter(account__kind=AccountKind.EXPENSE)
        .annotate(kind=Coalesce("support_type_id", "account__support_type_id"))
        .values_list("kind")
        .annotate(total=Sum(F("debit") - F("credit")))
        .order_by()
    )
    result = Statement(fund=fund, period=period, brought_forward=money_on(fund, period.start))
    result.income = [Amount(code, name, total) for code, name, total in income if total]
    for support in SupportType.objects.all():
        result.expense.append(Amount(support.code, str(support), expense.pop(support.pk, ZERO) or ZERO))
    other = sum((v or ZERO for v in expense.values()), ZERO)
    if other:
        result.expense.append(Amount("", _("Other expense"), other))
    return result


@dataclass(frozen=True)
class BookLine:
    """One entry in the control book: the money it brought in or paid out, and the balance after."""

    date: dt.date
    reference: str
    description: str
    received: Decimal
    paid: Decimal
    balance: Decimal


@dataclass
class ControlBook:
    fund: Fund
    period: Period
    brought_forward: Decimal
    lines: list[BookLine] = field(default_factory=list)

    @property
    def total_received(self) -> Decimal:
        return sum((line.received for line in self.lines), ZERO)

    @property
    def total_paid(self) -> Decimal:
        return sum((line.paid for line in self.lines), ZERO)

    @property
    def balance(self) -> Decimal:
        return self.brought_forward + self.total_received - self.total_paid


def _reference(entry: JournalEntry) -> str:
    """The number of the document that booked the entry (receipt, voucher, refund), if any."""
    for attr, label in (("receipt", _("Receipt")), ("paymentvoucher", _("Voucher")), ("refund", _("Refund"))):
        document = getattr(entry, attr, None)
        if document is not None:
            return f"{label} {document}"
    return ""


def control_book(fund: Fund, period: Period) -> ControlBook:
    """The receipt–payment control book of a period: every posted entry that moved the fund's
    money, in date order, with the running balance (2 queries)."""
    moves = dict(
        JournalLine.objects.filter(
            posted_lines(fund), entry__date__range=(period.start, period.end), account__kind__in=MONEY_KINDS
        )
        .values_list("entry_id")
        .annotate(total=Sum(F("debit") - F("credit")))
        .order_by()
    )
    entries = (
        JournalEntry.objects.filter(pk__in=[pk for pk, total in moves.items() if total])
        .select_related("receipt", "paymentvoucher", "refund")
        .order_by("date", "pk")
    )
    book = ControlBook(fund=fund, period=period, brought_forward=money_on(fund, period.start))
    balance = book.brought_forward
    for entry in entries:
        move = moves[entry.pk]
        balance += move
        book.lines.append(
            BookLine(
                date=entry.date,
                reference=_reference(entry),
                description=entry.description,
                received=max(move, ZERO),
                paid=max(-move, ZERO),
                balance=balance,
            )
        )
    return book


def period_parse(fiscal_year: int, text: str) -> Period:
    """`year`, `q1`–`q4` or `m1`–`m12` (calendar months) of a fiscal year, as URLs name them."""
    if text == "year":
        return period_get("year", fiscal_year)
    kind = {"q": "quarter", "m": "month"}.get(text[:1])
    if kind is None or not text[1:].isdigit():
        raise Http404
    return period_get(kind, fiscal_year, int(text[1:]))


def period_choices(fiscal_year: int) -> list[tuple[str, str]]:
    """Every period of a fiscal year a statement is offered for: the year, its quarters, its months."""
    quarters = [(f"q{q}", _("Quarter %(q)s") % {"q": q}) for q in (1, 2, 3, 4)]
    months = [(f"m{p.number}", p.label) for p in fiscal_months(fiscal_year)]
    return [("year", _("Whole year")), *quarters, *months]
