"""Receipts, payment vouchers and refunds book balanced entries; over-budget and over-cash
payments are refused in Thai; the monthly close locks what it closes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from kongtun.finance.models import AccountRole, FundBooks, IncomeSource, JournalLine, MonthClose
from kongtun.finance.services import (
    account_balance,
    account_for,
    month_close,
    month_reopen,
    receipt_create,
    refund_create,
    voucher_create,
)
from kongtun.followups.models import PaymentPeriod
from kongtun.followups.tests.factories import running_project
from kongtun.programme.models import SupportType

D = Decimal


def fund_receives(story: SimpleNamespace, amount: str, day: dt.date = dt.date(2025, 10, 15)) -> None:
    receipt_create(
        fund=story.fund_a,
        date=day,
        source=IncomeSource.NHSO,
        amount=D(amount),
        payer="สปสช.",
        by=story.officer_a,
    )


def bank(story: SimpleNamespace) -> D:
    return account_balance(account_for(fund=story.fund_a, role=AccountRole.BANK))


def test_a_receipt_books_income_into_the_bank(story: SimpleNamespace) -> None:
    fund_receives(story, "100000")
    receipt = receipt_create(
        fund=story.fund_a,
        date=dt.date(2025, 10, 20),
        source=IncomeSource.LOCAL_GOVERNMENT,
        amount=D("40000"),
        payer="เทศบาลตำบลบ้านนา",
        by=story.officer_a,
    )
    assert (receipt.number, receipt.fiscal_year) == (2, 2569)
    assert bank(story) == D("140000")
    assert account_balance(account_for(fund=story.fund_a, role=AccountRole.LOCAL_GOVERNMENT)) == D("40000")
    assert receipt.history.count() == 1


def test_a_voucher_pays_a_project_period_as_expense_of_its_support_type(story: SimpleNamespace) -> None:
    ten_two = SupportType.objects.get(code="10(2)")
    project = running_project(story, support_type=ten_two)
    period = PaymentPeriod.objects.create(project=project, number=1, amount=D("6000"))
    fund_receives(story, "50000")
    voucher = voucher_create(
        project=project,
        period=period,
        date=dt.date(2025, 11, 1),
        amount=D("6000"),
        payee="ชมรม",
        by=story.officer_a,
    )
    expense = JournalLine.objects.get(entry=voucher.entry, debit__gt=0)
    assert (expense.account.code, expense.project, expense.support_type) == ("5102", project, ten_two)
    assert bank(story) == D("44000")
    period.refresh_from_db()
    assert period.paid_on == dt.date(2025, 11, 1)


def test_it_refuses_to_pay_beyond_the_approved_budget(story: SimpleNamespace) -> None:
    project = running_project(story)  # approved 10,000
    fund_receives(story, "50000")
    voucher_create(project=project, date=dt.date(2025, 11, 1), amount=D("6000"), payee="ชมรม", by=None)
    with pytest.raises(ValidationError, match=r"4,000\.00"):
        voucher_create(project=project, date=dt.date(2025, 11, 2), amount=D("4000.01"), payee="ชมรม", by=None)


def test_it_refuses_to_pay_money_the_fund_does_not_have(story: SimpleNamespace) -> None:
    project = running_project(story)
    fund_receives(story, "3000", dt.date(2025, 11, 10))
    with pytest.raises(ValidationError, match=r"3,000\.00"):
        voucher_create(
            project=project, date=dt.date(2025, 11, 11), amount=D("3000.50"), payee="ชมรม", by=None
        )
    # Nor on a day before the money came in.
    with pytest.raises(ValidationError, match=r"0\.00"):
        voucher_create(project=project, date=dt.date(2025, 11, 9), amount=D("100"), payee="ชมรม", by=None)


def test_a_refund_returns_at_most_what_was_paid(story: SimpleNamespace) -> None:
    project = running_project(story)
    fund_receives(story, "50000")
    voucher_create(project=project, date=dt.date(2025, 11, 1), amount=D("8000"), payee="ชมรม", by=None)
    refund_create(project=project, date=dt.date(2025, 12, 1), amount=D("500"), by=story.officer_a)
    assert account_balance(account_for(fund=story.fund_a, role=AccountRole.REFUND)) == D("500")
    with pytest.raises(ValidationError, match=r"7,500\.00"):
        refund_create(project=project, date=dt.date(2025, 12, 2), amount=D("7500.01"), by=None)


def test_a_closed_month_refuses_documents_dated_in_it(story: SimpleNamespace) -> None:
    fund_receives(story, "1000", dt.date(2025, 10, 15))
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    assert FundBooks.objects.get(fund=story.fund_a).locked_through == dt.date(2025, 10, 31)
    with pytest.raises(ValidationError, match="ปิดงวดบัญชีถึงวันที่"):
        fund_receives(story, "1000", dt.date(2025, 10, 31))
    fund_receives(story, "1000", dt.date(2025, 11, 1))


def test_months_close_in_order_and_only_when_over(story: SimpleNamespace) -> None:
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=None)
    with pytest.raises(ValidationError, match="30 พฤศจิกายน 2568"):
        month_close(fund=story.fund_a, month_end=dt.date(2025, 12, 31), by=None)
    with pytest.raises(ValidationError):
        month_close(fund=story.fund_a, month_end=dt.date(2099, 1, 31), by=None)


def test_reopening_needs_a_reason_and_is_audited(story: SimpleNamespace) -> None:
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 11, 30), by=story.officer_a)
    with pytest.raises(ValidationError):
        month_reopen(fund=story.fund_a, by=story.officer_a, reason=" ")
    close = month_reopen(fund=story.fund_a, by=story.officer_a, reason="ลงใบเสร็จดอกเบี้ยผิดวัน")
    assert close.month_end == dt.date(2025, 11, 30)
    assert FundBooks.objects.get(fund=story.fund_a).locked_through == dt.date(2025, 10, 31)
    last = close.history.first()
    assert (
        last is not None
        and (last.history_user, last.history_change_reason)
        == (
            None,
            "ลงใบเสร็จดอกเบี้ยผิดวัน",
        )
    ) or last.reopen_reason == "ลงใบเสร็จดอกเบี้ยผิดวัน"
    fund_receives(story, "1000", dt.date(2025, 11, 20))
    month_close(fund=story.fund_a, month_end=dt.date(2025, 11, 30), by=story.officer_a)
    assert MonthClose.objects.filter(fund=story.fund_a).count() == 3
