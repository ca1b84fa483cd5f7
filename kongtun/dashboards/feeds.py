"""What NHSO's accounting program reads besides the monthly rows: the funds' charts of accounts and
their journal lines, for a fund, a district, a province, a region or the nation and a budget year,
a page at a time. Journal lines are those of closed months only, as the monthly rows.

Who reads: a fund's books, those who see them (officer, committee; 404 for anyone else); an area's
or the nation's ledgers, programme admins only (a district officer reads the roll-up, the monthly
rows, never another fund's entries: 403)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet

from kongtun.accounts.permissions import Action, AnyUser, is_admin
from kongtun.dashboards.selectors import Scope, scope_get
from kongtun.finance.models import Account, JournalEntry, JournalLine
from kongtun.funds.access import fund_for

MAX_PAGE = 1000


def ledger_scope_for(user: AnyUser, level: str, code: str, year: int | str | None) -> Scope:
    scope = scope_get(level, code, year)
    if scope.fund is not None:
        fund_for(user, scope.fund.code, Action.READ_BOOKS)
    elif not is_admin(user):
        raise PermissionDenied
    return scope


@dataclass(frozen=True)
class Page:
    count: int
    items: list[dict[str, Any]]


def _page(rows: QuerySet[Any], offset: int, limit: int) -> tuple[int, list[Any]]:
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    return rows.count(), list(rows[offset : offset + limit])


def account_feed(scope: Scope, *, offset: int = 0, limit: int = 500) -> Page:
    """The accounts of the funds in scope, by fund code and account code."""
    rows = (
        Account.objects.filter(scope.q("fund__"))
        .select_related("fund", "parent")
        .order_by("fund__code", "code", "pk")
    )
    count, accounts = _page(rows, offset, limit)
    items = [
        {
            "fund_code": a.fund.code,
            "code": a.code,
            "name": a.name,
            "kind": a.kind,
            "parent_code": a.parent.code if a.parent else "",
            "active": a.is_active,
        }
        for a in accounts
    ]
    return Page(count, items)


def entry_reference(entry: JournalEntry) -> str:
    """The document that booked the entry, as `receipt 2568/0001` (or the entry's own number)."""
    for attr in ("receipt", "paymentvoucher", "refund"):
        document = getattr(entry, attr, None)
        if document is not None:
            return f"{attr} {document}"
    return f"entry {entry.pk}"


def journal_feed(scope: Scope, *, offset: int = 0, limit: int = 500) -> Page:
    """The posted lines of the scope's budget year dated in a closed month of their fund, in date
    order: fund, date, reference, the account code on the debit or the credit side, and the sum."""
    rows = (
        JournalLine.objects.filter(
            scope.q("entry__fund__"),
            entry__posted=True,
            entry__fiscal_year=scope.fiscal_year,
            entry__date__lte=F("entry__fund__books__locked_through"),
        )
        .select_related("account", "entry__fund", "entry__receipt", "entry__paymentvoucher", "entry__refund")
        .order_by("entry__fund__code", "entry__date", "entry_id", "pk")
    )
    count, lines = _page(rows, offset, limit)
    zero = Decimal("0.00")
    items = [
        {
            "fund_code": line.entry.fund.code,
            "date": line.entry.date,
            "reference": entry_reference(line.entry),
            "description": line.entry.description,
            "debit_code": line.account.code if line.debit > 0 else "",
            "credit_code": line.account.code if line.credit > 0 else "",
            "debit": line.debit if line.debit > 0 else zero,
            "credit": line.credit if line.credit > 0 else zero,
        }
        for line in lines
    ]
    return Page(count, items)
