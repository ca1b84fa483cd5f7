"""The contribution check on the fund page: due by the year's rules, against the posted receipts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from kongtun.conftest import login
from kongtun.finance.contributions import contribution_check
from kongtun.finance.models import IncomeSource
from kongtun.finance.tests.books import receive
from kongtun.funds.services import fund_year_save

YEAR = 2568


def _year(story: SimpleNamespace, population: int = 8_000, revenue: str = "7000000") -> None:
    fund_year_save(
        fund=story.fund_a,
        fiscal_year=YEAR,
        programme_role="none",
        registered_population=population,
        lg_revenue=Decimal(revenue),
        carry_over=None,
    )


def test_due_is_population_times_45_and_the_band_share_of_it(story: SimpleNamespace) -> None:
    _year(story)
    receive(story.fund_a, dt.date(2024, 11, 5), "200000.00")
    receive(story.fund_a, dt.date(2025, 1, 10), "50000.00", IncomeSource.LOCAL_GOVERNMENT)
    check = contribution_check(story.fund_a, YEAR)
    assert check.nhso_due == Decimal("360000.00")  # 8,000 × 45
    assert check.band is not None and check.band.min_rate == Decimal("40")  # 6–20 million
    assert check.lg_due == Decimal("144000.00")
    assert (check.nhso_received, check.lg_received) == (Decimal("200000.00"), Decimal("50000.00"))
    assert (check.nhso_missing, check.lg_missing) == (Decimal("160000.00"), Decimal("94000.00"))
    assert check.lg_rate_received == Decimal("25.00")


def test_receipts_of_another_year_or_fund_do_not_count(story: SimpleNamespace) -> None:
    _year(story)
    receive(story.fund_a, dt.date(2024, 9, 30), "1000.00")  # fiscal year 2567
    receive(story.fund_b, dt.date(2024, 11, 5), "1000.00")
    assert contribution_check(story.fund_a, YEAR).nhso_received == Decimal("0")


def test_without_population_or_revenue_the_due_is_unknown(story: SimpleNamespace) -> None:
    check = contribution_check(story.fund_a, YEAR)
    assert (check.nhso_due, check.lg_due, check.band) == (None, None, None)


def test_the_fund_page_shows_due_and_received_to_its_officer(story: SimpleNamespace) -> None:
    _year(story)
    receive(story.fund_a, dt.date(2024, 11, 5), "200000.00")
    page = login(story.officer_a).get(f"/funds/{story.fund_a.code}/?year={YEAR}").content.decode()
    assert 'id="contribution"' in page
    assert "360,000.00" in page and "200,000.00" in page and "144,000.00" in page


def test_the_committee_sees_the_check_and_the_district_officer_and_outsiders_do_not(
    story: SimpleNamespace,
) -> None:
    _year(story)
    url = f"/funds/{story.fund_a.code}/?year={YEAR}"
    assert 'id="contribution"' in login(story.committee_a).get(url).content.decode()
    for user in (story.district_officer, story.officer_b, story.nobody):
        assert 'id="contribution"' not in login(user).get(url).content.decode()
