"""Reads of the programme configuration: the fund finance rules in force in a fiscal year."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kongtun.programme.models import ContributionBand, FinanceRule

CENT = Decimal("0.01")


def finance_rule(fiscal_year: int) -> FinanceRule | None:
    """The rule in force in `fiscal_year` (the latest from that year or before), bands read with it."""
    return (
        FinanceRule.objects.filter(from_year__lte=fiscal_year)
        .prefetch_related("bands")
        .order_by("-from_year")
        .first()
    )


def nhso_due(rule: FinanceRule, population: int) -> Decimal:
    """What NHSO transfers for the year: registered persons × the per-head rate."""
    return (rule.per_head_rate * population).quantize(CENT, ROUND_HALF_UP)


def contribution_band(rule: FinanceRule, revenue: Decimal) -> ContributionBand | None:
    """The band a local government's own revenue falls in (None below the lowest band)."""
    found = None
    for band in sorted(rule.bands.all(), key=lambda b: b.revenue_from):
        if revenue >= band.revenue_from:
            found = band
    return found


def contribution_due(rule: FinanceRule, revenue: Decimal, transfer: Decimal) -> Decimal | None:
    """The least the local government adds: its band's per cent of the NHSO transfer."""
    band = contribution_band(rule, revenue)
    if band is None:
        return None
    return (transfer * band.min_rate / 100).quantize(CENT, ROUND_HALF_UP)


def spending_target(rule: FinanceRule, quarter: int) -> int | None:
    """The per cent of the year's money to be used by the end of `quarter` (None for quarter 1)."""
    return {2: rule.target_q2, 3: rule.target_q3, 4: rule.target_q4}.get(quarter)
