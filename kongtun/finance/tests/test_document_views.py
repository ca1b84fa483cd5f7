"""The officer's forms and lists of receipts, payment vouchers and refunds, per role: the officer of
fund A records each and finds it in the year's list; the committee member reads the lists and the
documents but gets 403 on the forms; the officer of fund B gets 404 everywhere. What the books
refuse (over the approved budget, more than the fund has, a closed month) is said on the form in
the very words the API answers."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from kongtun.conftest import login
from kongtun.finance.models import PaymentVoucher, Receipt, Refund
from kongtun.finance.services import month_close
from kongtun.finance.tests.test_documents import fund_receives
from kongtun.followups.models import PaymentPeriod
from kongtun.followups.tests.factories import running_project

YEAR = 2569  # 1 October 2025 to 30 September 2026
RECEIPT = {"source": "nhso", "date": "15/10/2568", "payer": "สปสช.", "amount": "100,000"}


def new(story: SimpleNamespace, kind: str) -> str:
    return f"/finance/funds/{story.fund_a.code}/{kind}/new/"


def listed(story: SimpleNamespace, kind: str) -> str:
    return f"/finance/funds/{story.fund_a.code}/{kind}/{YEAR}/"


def api_errors(client: Client, path: str, data: dict[str, Any]) -> list[str]:
    response = client.post(f"/api/v1/finance{path}", json.dumps(data), content_type="application/json")
    assert response.status_code == 422
    return [e["message"] for e in response.json()["errors"]]


def test_the_officer_records_a_receipt_and_finds_it_in_the_years_list(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    assert client.get(new(story, "receipts")).status_code == 200
    response = client.post(new(story, "receipts"), RECEIPT)
    receipt = Receipt.objects.get(fund=story.fund_a)
    assert (
        response.status_code == 302 and response["Location"] == f"/finance/documents/receipts/{receipt.pk}/"
    )
    assert (receipt.number, receipt.fiscal_year, receipt.date) == (1, YEAR, dt.date(2025, 10, 15))
    page = client.get(listed(story, "receipts")).content.decode()
    assert "2569/0001" in page and "100,000.00" in page and "สปสช." in page
    document = client.get(response["Location"]).content.decode()
    assert "ใบเสร็จรับเงิน" in document and "หนึ่งแสนบาทถ้วน" in document


def test_the_officer_pays_a_project_period_chosen_after_the_project(story: SimpleNamespace) -> None:
    project = running_project(story)
    period = PaymentPeriod.objects.create(project=project, number=1, amount=6000)
    fund_receives(story, "50000")
    client = login(story.officer_a)
    options = client.get(
        f"/finance/funds/{story.fund_a.code}/vouchers/periods/",
        {"project": project.pk},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert f'value="{period.pk}"' in options and "6,000.00" in options
    response = client.post(
        new(story, "vouchers"),
        {"project": project.pk, "period": period.pk, "date": "01/11/2568", "payee": "ชมรม", "amount": "6000"},
    )
    voucher = PaymentVoucher.objects.get(project=project)
    assert response.status_code == 302 and voucher.period == period
    period.refresh_from_db()
    assert period.paid_on == dt.date(2025, 11, 1)
    assert "ชมรม" in client.get(listed(story, "vouchers")).content.decode()


def test_the_officer_records_a_refund_from_a_paid_project(story: SimpleNamespace) -> None:
    project = running_project(story)
    fund_receives(story, "50000")
    client = login(story.officer_a)
    client.post(
        new(story, "vouchers"),
        {"project": project.pk, "date": "01/11/2568", "payee": "ชมรม", "amount": "8000"},
    )
    response = client.post(
        new(story, "refunds"), {"project": project.pk, "date": "01/12/2568", "amount": "500"}
    )
    assert response.status_code == 302
    assert Refund.objects.get(project=project).amount == 500
    assert "500.00" in client.get(listed(story, "refunds")).content.decode()


def test_paying_over_the_approved_budget_is_refused_in_the_apis_words(story: SimpleNamespace) -> None:
    project = running_project(story)  # approved 10,000
    fund_receives(story, "50000")
    client = login(story.officer_a)
    data = {"project": project.pk, "date": "01/11/2568", "payee": "ชมรม", "amount": "10000.01"}
    response = client.post(new(story, "vouchers"), data)
    said = api_errors(
        client,
        f"/projects/{project.pk}/vouchers",
        {"date": "2025-11-01", "payee": "ชมรม", "amount": "10000.01"},
    )
    assert response.status_code == 200 and not PaymentVoucher.objects.exists()
    assert said and all(sentence in response.content.decode() for sentence in said)
    assert "10,000.00" in said[0]


def test_paying_money_the_fund_does_not_have_is_refused_in_the_apis_words(story: SimpleNamespace) -> None:
    project = running_project(story)
    fund_receives(story, "3000", dt.date(2025, 10, 20))
    client = login(story.officer_a)
    response = client.post(
        new(story, "vouchers"),
        {"project": project.pk, "date": "01/11/2568", "payee": "ชมรม", "amount": "3000.50"},
    )
    said = api_errors(
        client,
        f"/projects/{project.pk}/vouchers",
        {"date": "2025-11-01", "payee": "ชมรม", "amount": "3000.50"},
    )
    assert said and all(sentence in response.content.decode() for sentence in said)
    assert "3,000.00" in said[0]


def test_a_closed_month_refuses_a_back_dated_receipt_in_the_apis_words(story: SimpleNamespace) -> None:
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    client = login(story.officer_a)
    response = client.post(new(story, "receipts"), {**RECEIPT, "date": "31/10/2568"})
    said = api_errors(
        client,
        f"/funds/{story.fund_a.code}/receipts",
        {"date": "2025-10-31", "source": "nhso", "amount": "100000", "payer": "สปสช."},
    )
    assert response.status_code == 200 and not Receipt.objects.exists()
    assert said and all(sentence in response.content.decode() for sentence in said)
    assert "ปิดงวดบัญชีถึงวันที่" in said[0]


@pytest.mark.parametrize("kind", ["receipts", "vouchers", "refunds"])
def test_the_committee_member_reads_the_lists_but_may_not_record(story: SimpleNamespace, kind: str) -> None:
    fund_receives(story, "1000")
    client = login(story.committee_a)
    page = client.get(listed(story, kind))
    assert page.status_code == 200 and new(story, kind) not in page.content.decode()
    assert client.get(new(story, kind)).status_code == 403
    assert client.post(new(story, kind), RECEIPT).status_code == 403
    assert not Receipt.objects.exclude(number=1).exists()


@pytest.mark.parametrize("kind", ["receipts", "vouchers", "refunds"])
def test_the_officer_of_another_fund_gets_404(story: SimpleNamespace, kind: str) -> None:
    client = login(story.officer_b)
    assert client.get(listed(story, kind)).status_code == 404
    assert client.get(new(story, kind)).status_code == 404
    assert client.post(new(story, kind), RECEIPT).status_code == 404
    periods = f"/finance/funds/{story.fund_a.code}/vouchers/periods/"
    assert client.get(periods, {"project": running_project(story).pk}).status_code == 404


def test_the_documents_are_read_by_the_funds_readers_only(story: SimpleNamespace) -> None:
    fund_receives(story, "1000")
    receipt = Receipt.objects.get()
    page, pdf = f"/finance/documents/receipts/{receipt.pk}/", f"/finance/documents/receipts/{receipt.pk}/pdf/"
    assert login(story.committee_a).get(page).status_code == 200
    assert login(story.officer_b).get(page).status_code == 404
    assert login(story.officer_b).get(pdf).status_code == 404
    assert login(story.district_officer).get(page).status_code == 403
    assert login(story.officer_a).get("/finance/documents/ledgers/1/").status_code == 404


def test_a_list_of_an_unknown_kind_is_404(story: SimpleNamespace) -> None:
    assert login(story.officer_a).get(listed(story, "invoices")).status_code == 404


def test_the_funds_books_panel_links_the_documents(story: SimpleNamespace) -> None:
    fund_page = f"/funds/{story.fund_a.code}/"
    officer = login(story.officer_a).get(fund_page).content.decode()
    assert new(story, "vouchers") in officer and "/receipts/" in officer
    committee = login(story.committee_a).get(fund_page).content.decode()
    assert "/finance/funds/L9001/refunds/" in committee and new(story, "refunds") not in committee
