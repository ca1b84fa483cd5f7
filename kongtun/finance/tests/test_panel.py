"""The fund page shows the books to those who may read them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.urls import reverse

from kongtun.conftest import login
from kongtun.finance.models import IncomeSource
from kongtun.finance.services import receipt_create


def test_the_fund_page_shows_the_money_and_latest_entries_to_its_readers(story: SimpleNamespace) -> None:
    receipt_create(
        fund=story.fund_a,
        date=dt.date(2025, 10, 15),
        source=IncomeSource.NHSO,
        amount=Decimal("123456.50"),
        payer="สปสช.",
        by=story.officer_a,
    )
    url = reverse("funds:detail", args=["L9001"])
    for reader in (story.officer_a, story.committee_a):
        page = login(reader).get(url).content.decode()
        assert "บัญชีกองทุน" in page and "123,456.50 บาท" in page and "15 ต.ค. 68" in page
    assert "123,456.50" not in login(story.district_officer).get(url).content.decode()
