"""Reads of the fund's books: balances come from posted lines only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from kongtun.finance.models import DEBIT_KINDS, Account, AccountRole, FundBooks, JournalEntry, Receipt, Refund
from kongtun.finance.models import Document as BooksDocument
from kongtun.followups.models import ProjectClosing
from kongtun.funds.models import Fund
from kongtun.projects.models import Project

ZERO = Decimal("0")
CENT = Decimal("0.01")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def chart_with_balances(fund: Fund) -> list[Account]:
    """The fund's accounts in code order, each with `balance` in its own sense (debit − credit for
    assets and expenses, credit − debit for the others), from the posted lines."""
    posted = Q(lines__entry__posted=True)
    accounts: list[Account] = list(
        Account.objects.filter(fund=fund)
        .select_related("parent", "support_type")
        .annotate(
            debit=Coalesce(Sum("lines__debit", filter=posted), Value(ZERO), output_field=_MONEY),
            credit=Coalesce(Sum("lines__credit", filter=posted), Value(ZERO), output_field=_MONEY),
        )
        .order_by("code")
    )
    for a in accounts:
        own = a.debit - a.credit  # type: ignore[attr-defined]
        a.balance = (own if a.kind in DEBIT_KINDS else -own).quantize(CENT)  # type: ignore[attr-defined]
    return accounts


def entries(
    fund: Fund, *, fiscal_year: int | None = None, limit: int | None = None
) -> QuerySet[JournalEntry]:
    """The fund's posted entries, newest first, with their lines and `amount` (the sum of debits)."""
    rows = JournalEntry.objects.filter(fund=fund, posted=True).annotate(amount=Sum("lines__debit"))
    if fiscal_year is not None:
        rows = rows.filter(fiscal_year=fiscal_year)
    rows = rows.order_by("-date", "-pk").prefetch_related("lines__account", "lines__support_type")
    return rows[:limit] if limit else rows


def books_summary(fund: Fund) -> dict[str, Any]:
    books = FundBooks.objects.filter(fund=fund).first()
    cash = sum(
        (a.balance for a in chart_with_balances(fund) if a.role in (AccountRole.CASH, AccountRole.BANK)),  # type: ignore[attr-defined]
        ZERO,
    )
    return {
        "opening_date": books.opening_date if books else None,
        "opening_balance": books.opening_balance if books else ZERO,
        "locked_through": books.locked_through if books else None,
        "cash": cash,
    }


def closings_with_refunds(project: Project) -> list[ProjectClosing]:
    """The project's closings, the one in force first, each with `refund_booked` (its refund
    document, or None) for the page."""
    closings = list(ProjectClosing.objects.filter(project=project).select_related("reopened_by"))
    refunds = {
        r.closing_id: r for r in Refund.objects.filter(closing__in=closings).select_related("reversal")
    }
    for closing in closings:
        closing.refund_booked = refunds.get(closing.pk)  # type: ignore[attr-defined]
    closings.sort(key=lambda c: (c.reopened_at is not None, -c.pk))
    return closings


def document_list(fund: Fund, model: type[BooksDocument], fiscal_year: int) -> list[BooksDocument]:
    """A fund's receipts, payment vouchers or refunds of a fiscal year, in number order."""
    related = ("money_account",) if model is Receipt else ("money_account", "project")
    rows = model._default_manager.filter(fund=fund, fiscal_year=fiscal_year).select_related(*related)
    return list(rows.order_by("number"))
