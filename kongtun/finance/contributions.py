"""The contribution check (DOMAIN.md §9): what the fund should receive in a fiscal year, from NHSO
(registered population × the year's per-head rate) and from its local government (the least share
of that transfer for the band of the local government's own revenue), beside what the books show
arrived (posted receipts of the year)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from kongtun.finance.models import IncomeSource, Receipt
from kongtun.funds.models import Fund, FundYear
from kongtun.programme.models import ContributionBand, FinanceRule
from kongtun.programme.selectors import contribution_band, contribution_due, finance_rule, nhso_due

ZERO = Decimal("0")


@dataclass(frozen=True)
class Contribution:
    fiscal_year: int
    rule: FinanceRule | None
    population: int | None
    revenue: Decimal | None
    band: ContributionBand | None
    nhso_due: Decimal | None
    lg_due: Decimal | None
    nhso_received: Decimal
    lg_received: Decimal

    @property
    def nhso_missing(self) -> Decimal | None:
        """What NHSO has still to transfer (None when the due amount is unknown)."""
        return None if self.nhso_due is None else max(self.nhso_due - self.nhso_received, ZERO)

    @property
    def lg_missing(self) -> Decimal | None:
        return None if self.lg_due is None else max(self.lg_due - self.lg_received, ZERO)

    @property
    def lg_rate_received(self) -> Decimal | None:
        """The local government's contribution so far, in per cent of what NHSO transferred."""
        if not self.nhso_received:
            return None
        return (self.lg_received * 100 / self.nhso_received).quantize(Decimal("0.01"))


def received(fund: Fund, fiscal_year: int) -> dict[str, Decimal]:
    """Posted receipts of the year per income source (one query)."""
    rows = (
        Receipt.objects.filter(fund=fund, fiscal_year=fiscal_year, entry__posted=True)
        .values_list("source")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {source: total or ZERO for source, total in rows}


def contribution_check(fund: Fund, fiscal_year: int) -> Contribution:
    """Due against arrived for one fund and year. The NHSO transfer due needs the year's registered
    population; the local share needs the local revenue (both on the fund's fiscal-year details)."""
    rule = finance_rule(fiscal_year)
    year = FundYear.objects.filter(fund=fund, fiscal_year=fiscal_year).first()
    population = year.registered_population if year else None
    revenue = year.lg_revenue if year else None
    transfer = nhso_due(rule, population) if rule and population is not None else None
    band = contribution_band(rule, revenue) if rule and revenue is not None else None
    lg_due = (
        contribution_due(rule, revenue, transfer)
        if rule is not None and revenue is not None and transfer is not None
        else None
    )
    money = received(fund, fiscal_year)
    return Contribution(
        fiscal_year=fiscal_year,
        rule=rule,
        population=population,
        revenue=revenue,
        band=band,
        nhso_due=transfer,
        lg_due=lg_due,
        nhso_received=money.get(IncomeSource.NHSO, ZERO),
        lg_received=money.get(IncomeSource.LOCAL_GOVERNMENT, ZERO),
    )
