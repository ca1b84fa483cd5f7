"""The books through the API, per role: the officer of fund A books and closes a month, its
committee member reads only (403 on writes), the officer of fund B gets 404, the district officer
may not touch the ledger; a closed month refuses a back-dated receipt with the services' words."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from django.test import Client

from kongtun.conftest import login
from kongtun.finance.models import MonthClose, Receipt
from kongtun.followups.models import PaymentPeriod
from kongtun.followups.tests.factories import running_project

BASE = "/api/v1/finance"
RECEIPT = {"date": "2025-10-15", "source": "nhso", "amount": "100000.00", "payer": "สปสช."}


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(BASE + path, json.dumps(data), content_type="application/json")


def test_the_officer_books_pays_and_closes_a_month(story: SimpleNamespace) -> None:
    client = login(story.officer_a)
    project = running_project(story)
    period = PaymentPeriod.objects.create(project=project, number=1, amount=10000)
    assert post(client, "/funds/L9001/receipts", RECEIPT).status_code == 201
    paid = post(
        client,
        f"/projects/{project.pk}/vouchers",
        {"date": "2025-10-20", "amount": "10000", "payee": "ชมรมผู้สูงอายุ", "period": period.pk},
    )
    assert paid.status_code == 201, paid.content
    over = post(
        client, f"/projects/{project.pk}/vouchers", {"date": "2025-10-21", "amount": "1", "payee": "x"}
    )
    assert over.status_code == 422 and "เบิกได้อีก" in str(over.json())
    assert post(client, "/funds/L9001/close", {"month_end": "2025-10-31"}).status_code == 201
    back_dated = post(client, "/funds/L9001/receipts", {**RECEIPT, "date": "2025-10-31"})
    assert back_dated.status_code == 422 and "ปิดงวดบัญชีถึงวันที่" in str(back_dated.json())
    books = client.get(BASE + "/funds/L9001/books").json()
    assert (books["cash"], books["locked_through"]) == ("90000.00", "2025-10-31")
    entries = client.get(BASE + "/funds/L9001/entries").json()
    assert [e["source"] for e in entries] == ["payment", "receipt"]
    reopened = post(client, "/funds/L9001/reopen", {"reason": "ลงวันที่ผิด"})
    assert reopened.status_code == 200 and reopened.json()["reopen_reason"] == "ลงวันที่ผิด"
    assert MonthClose.objects.get().history.first().history_user == story.officer_a


def test_the_committee_reads_the_books_but_may_not_write(story: SimpleNamespace) -> None:
    post(login(story.officer_a), "/funds/L9001/receipts", RECEIPT)
    client = login(story.committee_a)
    assert client.get(BASE + "/funds/L9001/accounts").status_code == 200
    assert client.get(BASE + "/funds/L9001/entries").status_code == 200
    assert post(client, "/funds/L9001/receipts", RECEIPT).status_code == 403
    assert post(client, "/funds/L9001/close", {"month_end": "2025-10-31"}).status_code == 403
    assert Receipt.objects.count() == 1


def test_another_funds_officer_finds_nothing(story: SimpleNamespace) -> None:
    client = login(story.officer_b)
    project = running_project(story)
    assert client.get(BASE + "/funds/L9001/books").status_code == 404
    assert post(client, "/funds/L9001/receipts", RECEIPT).status_code == 404
    assert (
        post(client, f"/projects/{project.pk}/refunds", {"date": "2025-10-15", "amount": "1"}).status_code
        == 404
    )


def test_the_district_officer_has_no_ledger_writes(story: SimpleNamespace) -> None:
    client = login(story.district_officer)
    project = running_project(story)
    assert client.get(BASE + "/funds/L9001/entries").status_code == 403
    assert post(client, "/funds/L9001/receipts", RECEIPT).status_code == 403
    voucher = {"date": "2025-10-15", "amount": "1", "payee": "x"}
    assert post(client, f"/projects/{project.pk}/vouchers", voucher).status_code == 403
    assert not Receipt.objects.exists()
