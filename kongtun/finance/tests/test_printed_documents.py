"""Each receipt, payment voucher and refund prints as a Thai document: the fund, its number, the
date in the Buddhist Era, the amount in figures and in words, and the lines to sign. Read back
from the PDF with pdftotext, as a reader copies it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from kongtun.conftest import login
from kongtun.finance.services import receipt_create, refund_create, voucher_create
from kongtun.finance.tests.test_documents import fund_receives
from kongtun.followups.models import PaymentPeriod
from kongtun.followups.tests.factories import running_project
from kongtun.reports.tests.poppler import pdf_text


def printed(story: SimpleNamespace, kind: str, pk: int) -> str:
    response = login(story.committee_a).get(f"/finance/documents/{kind}/{pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    return squashed(pdf_text(response.content))


def squashed(text: str) -> str:
    """The text without its spaces and line breaks (a long Thai line is wrapped where it fits)."""
    return "".join(text.split())


def test_a_receipt_prints_its_amount_in_thai_words(story: SimpleNamespace) -> None:
    receipt = receipt_create(
        fund=story.fund_a,
        date=dt.date(2025, 10, 15),
        source="local_government",
        amount=Decimal("40250.50"),
        payer="เทศบาลตำบลบ้านนา",
        by=story.officer_a,
    )
    text = printed(story, "receipts", receipt.pk)
    for words in (
        "ใบเสร็จรับเงิน",
        story.fund_a.name,
        "2569/0001",
        "15 ตุลาคม 2568",
        "เทศบาลตำบลบ้านนา",
        "เงินสมทบจาก อปท.",
        "40,250.50",
        "สี่หมื่นสองร้อยห้าสิบบาทห้าสิบสตางค์",
        "ผู้รับเงิน",
    ):
        assert squashed(words) in text, words


def test_a_voucher_prints_the_project_its_period_and_who_signs(story: SimpleNamespace) -> None:
    project = running_project(story, code="2568-L9001-01")
    period = PaymentPeriod.objects.create(project=project, number=2, amount=Decimal("6000"))
    fund_receives(story, "50000")
    paid: dict[str, Any] = {
        "period": period,
        "date": dt.date(2025, 11, 3),
        "amount": Decimal("6000"),
        "payee": "ชมรม",
    }
    voucher = voucher_create(project=project, by=None, **paid)
    text = printed(story, "vouchers", voucher.pk)
    for words in (
        "ใบเบิกเงิน",
        "2569/0001",
        "3 พฤศจิกายน 2568",
        "2568-L9001-01",
        project.title,
        "งวดที่ 2",
        "6,000.00",
        "หกพันบาทถ้วน",
        "ประธานกรรมการกองทุน",
    ):
        assert squashed(words) in text, words
    refund = refund_create(project=project, date=dt.date(2025, 12, 1), amount=Decimal("1001"), by=None)
    text = printed(story, "refunds", refund.pk)
    for words in ("บันทึกการคืนเงิน", "1 ธันวาคม 2568", "1,001.00", "หนึ่งพันเอ็ดบาทถ้วน", "ผู้คืนเงิน"):
        assert squashed(words) in text, words
