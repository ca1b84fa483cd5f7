"""The fund finance rules are configuration: per-head rate, contribution bands, spending targets."""

from __future__ import annotations

from decimal import Decimal

from kongtun.programme.models import FinanceRule
from kongtun.programme.selectors import (
    contribution_band,
    contribution_due,
    finance_rule,
    nhso_due,
    spending_target,
)


def test_the_rules_of_2564_are_seeded_45_baht_three_bands_and_targets(db: None) -> None:
    rule = finance_rule(2568)
    assert rule is not None and rule.from_year == 2564
    assert rule.per_head_rate == Decimal("45")
    assert [(b.revenue_from, b.min_rate) for b in rule.bands.all()] == [
        (Decimal("0"), Decimal("30")),
        (Decimal("6000000"), Decimal("40")),
        (Decimal("20000000.01"), Decimal("50")),
    ]
    assert [spending_target(rule, q) for q in (1, 2, 3, 4)] == [None, 20, 50, 80]


def test_no_rule_is_in_force_before_its_first_year(db: None) -> None:
    assert finance_rule(2563) is None


def test_the_transfer_is_population_times_the_rate(db: None) -> None:
    rule = finance_rule(2568)
    assert rule is not None
    assert nhso_due(rule, 8_000) == Decimal("360000.00")


def test_the_band_follows_the_local_revenue_20_million_still_in_the_middle_band(db: None) -> None:
    rule = finance_rule(2568)
    assert rule is not None
    rates = {
        revenue: band.min_rate if (band := contribution_band(rule, Decimal(revenue))) else None
        for revenue in ("5999999.99", "6000000", "20000000", "20000000.01")
    }
    assert rates == {
        "5999999.99": Decimal("30"),
        "6000000": Decimal("40"),
        "20000000": Decimal("40"),
        "20000000.01": Decimal("50"),
    }
    assert contribution_due(rule, Decimal("25000000"), Decimal("360000")) == Decimal("180000.00")


def test_a_later_rule_replaces_the_rate_from_its_year(db: None) -> None:
    FinanceRule.objects.create(from_year=2570, per_head_rate=Decimal("50"))
    older, newer = finance_rule(2569), finance_rule(2570)
    assert older is not None and older.per_head_rate == Decimal("45")
    assert newer is not None and newer.per_head_rate == Decimal("50")
    assert newer.target_q4 == 80
