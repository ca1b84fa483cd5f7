"""Closing a project with its money, per role: the officer of fund A closes (the unused money comes
back by default, never more than paid less spent, the refund is booked in the same transaction) and
reopens with a reason (the closing row stays, audited; the refund is reversed); the committee reads;
the officer of fund B gets 404; the district officer may not close."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.finance.closing import closing_create, closing_terms
from kongtun.finance.models import AccountRole, EntrySource, JournalEntry, Refund
from kongtun.finance.services import account_balance, account_for, receipt_create, voucher_create
from kongtun.finance.tests.books import close_through
from kongtun.followups import services as followups
from kongtun.followups.models import PaymentPeriod, ProjectClosing
from kongtun.followups.tests.factories import running_project
from kongtun.projects.models import ExpenseGroup, Project

API = "/api/v1/finance"
CLOSE = {"status": "completed", "closed_on": "01/10/2568", "returned_amount": "", "note": ""}


def api(user: Any) -> Client:
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def post(client: Client, path: str, data: dict[str, Any]) -> Any:
    return client.post(API + path, json.dumps(data), content_type="application/json")


def paid_and_spent(story: SimpleNamespace, *, spent: str = "1500", report_all: bool = True) -> Project:
    """A project of fund A paid its whole 10,000 baht in one period, with `spent` reported."""
    project = running_project(story)
    receipt_create(
        fund=story.fund_a,
        date=dt.date(2025, 2, 1),
        source="nhso",
        amount=Decimal("50000"),
        payer="สปสช.",
        by=None,
    )
    period = PaymentPeriod.objects.create(project=project, number=1, amount=Decimal("10000"))
    voucher_create(
        project=project,
        period=period,
        date=dt.date(2025, 2, 5),
        amount=Decimal("10000"),
        payee="ชมรม",
        by=None,
    )
    for activity in project.activities.all()[: None if report_all else 1]:
        followups.report_create(
            project=project,
            by=story.proposer_a,
            title=activity.title,
            activity=activity,
            date=dt.date(2025, 3, 10),
            done="ทำแล้ว",
            spending=[{"expense_group": ExpenseGroup.values[0], "amount": Decimal(spent) / 2}],
        )
    return project


def bank(story: SimpleNamespace) -> Decimal:
    return account_balance(account_for(fund=story.fund_a, role=AccountRole.BANK))


def test_closing_returns_the_unused_money_by_default_and_books_it(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    response = login(story.officer_a).post(reverse("finance:closing", args=[project.pk]), CLOSE)
    assert response.status_code == 302
    closing = ProjectClosing.objects.get(project=project)
    refund = Refund.objects.get(closing=closing)
    assert closing.returned_amount == refund.amount == Decimal("8500.00")
    assert refund.date == dt.date(2025, 10, 1) and refund.entry.source == EntrySource.REFUND
    assert bank(story) == Decimal("48500.00")  # 50,000 received − 10,000 paid + 8,500 back
    project.refresh_from_db()
    assert project.status == "completed"


def test_closing_refuses_returning_more_than_paid_less_spent(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    page = login(story.officer_a).post(
        reverse("finance:closing", args=[project.pk]), {**CLOSE, "returned_amount": "8500.01"}
    )
    assert page.status_code == 200 and "คืนได้ไม่เกิน 8,500.00 บาท" in page.content.decode()
    over = post(
        api(story.officer_a),
        f"/projects/{project.pk}/closing",
        {"status": "completed", "closed_on": "2025-10-01", "returned_amount": "9000"},
    )
    assert over.status_code == 422 and "คืนได้ไม่เกิน 8,500.00 บาท" in str(over.json())
    project.refresh_from_db()
    assert project.status == "running" and not Refund.objects.exists()


def test_a_project_never_paid_returns_nothing(story: SimpleNamespace) -> None:
    project = running_project(story)
    assert closing_terms(project).returnable == 0
    with pytest.raises(ValidationError):
        closing_create(
            project=project,
            by=story.officer_a,
            status="completed",
            closed_on=dt.date(2025, 10, 1),
            returned_amount=Decimal("1"),
        )
    closing = closing_create(
        project=project, by=story.officer_a, status="completed", closed_on=dt.date(2025, 10, 1)
    )
    assert closing.returned_amount == 0 and not Refund.objects.exists()


def test_closing_warns_of_unreported_activities_and_periods(story: SimpleNamespace) -> None:
    project = paid_and_spent(story, report_all=False)
    PaymentPeriod.objects.filter(project=project).update(amount=Decimal("6000"), paid_on=None)
    body = login(story.officer_a).get(reverse("finance:closing", args=[project.pk])).content.decode()
    assert "ออกกำลังกายร่วมกัน" in body  # the activity with no report
    assert "ไม่ตรงกับงบประมาณที่อนุมัติ" in body and "งวดเงินที่ยังไม่ได้จ่าย: 1" in body
    terms = api(story.officer_a).get(f"{API}/projects/{project.pk}/closing").json()["terms"]
    assert len(terms["warnings"]) == 3 and terms["returnable"] == "9250.00"
    bare = running_project(story, title="ไม่มีงวด")
    assert "ยังไม่ได้กำหนดงวดเงิน" in " ".join(closing_terms(bare).warnings)


def test_a_closing_in_a_closed_month_is_refused_whole(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    close_through(story.fund_a, dt.date(2025, 10, 31))
    page = login(story.officer_a).post(reverse("finance:closing", args=[project.pk]), CLOSE)
    assert "ปิดงวดบัญชีถึงวันที่" in page.content.decode()
    project.refresh_from_db()
    assert project.status == "running" and not ProjectClosing.objects.exists()


def test_officer_reopens_a_closing_with_a_reason_and_closes_again(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    client = api(story.officer_a)
    closed = post(
        client, f"/projects/{project.pk}/closing", {"status": "completed", "closed_on": "2025-10-01"}
    )
    assert closed.status_code == 201 and closed.json()["refund"] == "2569/0001"
    assert post(client, f"/projects/{project.pk}/closing/reopen", {"reason": " "}).status_code == 422
    reopened = post(client, f"/projects/{project.pk}/closing/reopen", {"reason": "ยอดเงินคืนผิด"})
    assert reopened.status_code == 200, reopened.content
    closing = ProjectClosing.objects.get()
    assert (closing.reopened_by, closing.reopen_reason) == (story.officer_a, "ยอดเงินคืนผิด")
    assert closing.history.first().history_user == story.officer_a
    refund = Refund.objects.get()
    assert refund.reversal is not None and refund.reversal.source == EntrySource.ADJUSTMENT
    assert bank(story) == Decimal("40000.00")
    project.refresh_from_db()
    assert project.status == "running"
    again = post(
        client,
        f"/projects/{project.pk}/closing",
        {"status": "completed", "closed_on": "2025-10-02", "returned_amount": "8000"},
    )
    assert again.status_code == 201
    assert ProjectClosing.objects.filter(project=project).count() == 2
    assert bank(story) == Decimal("48000.00")
    body = login(story.officer_a).get(reverse("followups:project", args=[project.pk])).content.decode()
    assert "ยอดเงินคืนผิด" in body and "เปิดการปิดโครงการอีกครั้ง" in body
    assert JournalEntry.objects.filter(source=EntrySource.REFUND).count() == 2


def test_the_close_button_is_offered_to_the_officer_only(story: SimpleNamespace) -> None:
    project = running_project(story)
    url = reverse("followups:project", args=[project.pk])
    closing = reverse("finance:closing", args=[project.pk])
    assert closing in login(story.officer_a).get(url).content.decode()
    for who in ("committee_a", "mentor", "proposer_a"):
        assert closing not in login(getattr(story, who)).get(url).content.decode(), who


def test_the_committee_reads_the_closing_but_may_not_close(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    closing_create(project=project, by=story.officer_a, status="completed", closed_on=dt.date(2025, 10, 1))
    page = login(story.committee_a).get(reverse("followups:project", args=[project.pk])).content.decode()
    assert "8,500.00 บาท" in page
    assert api(story.committee_a).get(f"{API}/projects/{project.pk}/closing").status_code == 200
    assert (
        post(api(story.committee_a), f"/projects/{project.pk}/closing/reopen", {"reason": "x"}).status_code
        == 403
    )
    assert (
        login(story.committee_a)
        .post(reverse("finance:closing_reopen", args=[project.pk]), {"reason": "x"})
        .status_code
        == 403
    )


def test_outsiders_and_the_district_find_no_closing_to_make(story: SimpleNamespace) -> None:
    project = paid_and_spent(story)
    url = reverse("finance:closing", args=[project.pk])
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.officer_b).post(url, CLOSE).status_code == 404
    assert api(story.officer_b).get(f"{API}/projects/{project.pk}/closing").status_code == 404
    assert login(story.district_officer).post(url, CLOSE).status_code == 403
    payload = {"status": "completed", "closed_on": "2025-10-01"}
    assert post(api(story.district_officer), f"/projects/{project.pk}/closing", payload).status_code == 403
    assert not ProjectClosing.objects.exists()
