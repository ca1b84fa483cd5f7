"""The books' API, mounted at /api/v1/finance/: the chart with balances, entries, receipts, payment
vouchers, refunds, the opening balance and the monthly close. Same services and access helpers as
the web; a committee member reads (403 on writes), someone of another fund gets 404."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kongtun.accounts.permissions import Action, signed_in
from kongtun.core.limits import Date
from kongtun.finance import selectors, services
from kongtun.finance.closing_api import router as closing_router
from kongtun.finance.models import Account, JournalEntry, MonthClose, PaymentVoucher, Receipt, Refund
from kongtun.followups.access import followup_for
from kongtun.followups.models import PaymentPeriod
from kongtun.funds.access import fund_for
from kongtun.funds.models import Fund

router = Router(tags=["finance"])
router.add_router("", closing_router)


class AccountOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    parent: str | None = Field(None, alias="parent.code")
    role: str
    support_type: str | None = Field(None, alias="support_type.code")
    balance: Decimal


class LineOut(Schema):
    account: str = Field(alias="account.code")
    debit: Decimal
    credit: Decimal
    project: int | None = Field(None, alias="project_id")
    support_type: str | None = Field(None, alias="support_type.code")


class EntryOut(Schema):
    id: int
    date: dt.date
    fiscal_year: int
    description: str
    source: str
    lines: list[LineOut]

    @staticmethod
    def resolve_lines(obj: JournalEntry) -> list[object]:
        return list(obj.lines.all())


class BooksOut(Schema):
    opening_date: dt.date | None
    opening_balance: Decimal
    locked_through: dt.date | None
    cash: Decimal


class OpeningIn(Schema):
    date: Date
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=2)


class DocumentOut(Schema):
    id: int
    number: int
    fiscal_year: int
    date: dt.date
    amount: Decimal
    entry: int = Field(alias="entry_id")


class ReceiptIn(Schema):
    date: Date
    source: str
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    payer: str = Field(max_length=200)
    description: str = Field("", max_length=300)
    money_account: int | None = None


class VoucherIn(Schema):
    date: Date
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    payee: str = Field(max_length=200)
    period: int | None = None
    description: str = Field("", max_length=300)
    money_account: int | None = None


class RefundIn(Schema):
    date: Date
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    description: str = Field("", max_length=300)
    money_account: int | None = None


class CloseIn(Schema):
    month_end: Date


class ReopenIn(Schema):
    reason: str = Field(max_length=2000)


class CloseOut(Schema):
    month_end: dt.date
    fiscal_year: int
    closed_at: dt.datetime
    reopened_at: dt.datetime | None
    reopen_reason: str


def _account(fund: Fund, pk: int | None) -> Account | None:
    if pk is None:
        return None
    account = Account.objects.filter(fund=fund, pk=pk).first()
    if account is None:
        raise ValidationError({"money_account": [_("Unknown account of this fund.")]})
    return account


@router.get("/funds/{code}/books", response=BooksOut)
def books(request: HttpRequest, code: str) -> dict[str, object]:
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    return selectors.books_summary(fund)


@router.get("/funds/{code}/accounts", response=list[AccountOut])
def accounts(request: HttpRequest, code: str) -> list[Account]:
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    return selectors.chart_with_balances(fund)


@router.get("/funds/{code}/entries", response=list[EntryOut])
def entries(request: HttpRequest, code: str, fiscal_year: int | None = None) -> list[JournalEntry]:
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    return list(selectors.entries(fund, fiscal_year=fiscal_year))


@router.post("/funds/{code}/opening", response=BooksOut)
def opening(request: HttpRequest, code: str, payload: OpeningIn) -> dict[str, object]:
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    services.opening_balance_set(
        fund=fund, date=payload.date, amount=payload.amount, by=signed_in(request.user)
    )
    return selectors.books_summary(fund)


@router.post("/funds/{code}/receipts", response={201: DocumentOut})
def receipt_create(request: HttpRequest, code: str, payload: ReceiptIn) -> Status[Receipt]:
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    receipt = services.receipt_create(
        fund=fund,
        date=payload.date,
        source=payload.source,
        amount=payload.amount,
        payer=payload.payer,
        description=payload.description,
        money_account=_account(fund, payload.money_account),
        by=signed_in(request.user),
    )
    return Status(201, receipt)


@router.post("/projects/{project_id}/vouchers", response={201: DocumentOut})
def voucher_create(request: HttpRequest, project_id: int, payload: VoucherIn) -> Status[PaymentVoucher]:
    project = followup_for(request.user, project_id, Action.KEEP_BOOKS)
    period = None
    if payload.period is not None:
        period = PaymentPeriod.objects.filter(project=project, pk=payload.period).first()
        if period is None:
            raise ValidationError({"period": [_("Unknown payment period of this project.")]})
    voucher = services.voucher_create(
        project=project,
        period=period,
        date=payload.date,
        amount=payload.amount,
        payee=payload.payee,
        description=payload.description,
        money_account=_account(project.fund, payload.money_account),
        by=signed_in(request.user),
    )
    return Status(201, voucher)


@router.post("/projects/{project_id}/refunds", response={201: DocumentOut})
def refund_create(request: HttpRequest, project_id: int, payload: RefundIn) -> Status[Refund]:
    project = followup_for(request.user, project_id, Action.KEEP_BOOKS)
    refund = services.refund_create(
        project=project,
        date=payload.date,
        amount=payload.amount,
        description=payload.description,
        money_account=_account(project.fund, payload.money_account),
        by=signed_in(request.user),
    )
    return Status(201, refund)


@router.get("/funds/{code}/closes", response=list[CloseOut])
def closes(request: HttpRequest, code: str) -> list[MonthClose]:
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    return list(MonthClose.objects.filter(fund=fund))


@router.post("/funds/{code}/close", response={201: CloseOut})
def month_close(request: HttpRequest, code: str, payload: CloseIn) -> Status[MonthClose]:
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    return Status(
        201, services.month_close(fund=fund, month_end=payload.month_end, by=signed_in(request.user))
    )


@router.post("/funds/{code}/reopen", response=CloseOut)
def month_reopen(request: HttpRequest, code: str, payload: ReopenIn) -> MonthClose:
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    return services.month_reopen(fund=fund, by=signed_in(request.user), reason=payload.reason)
