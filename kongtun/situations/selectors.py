"""Reads of health-situation data: the entry sheet of one issue, completeness, area views."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from kongtun.areas.selectors import Area, area_fund_filter
from kongtun.funds.models import Fund
from kongtun.programme.models import Direction, Indicator, Issue, ProgrammeYear
from kongtun.situations.models import SituationValue

HISTORY_YEARS = 2


def year_issues(fiscal_year: int) -> list[Issue]:
    """The issues of a programme year; every issue when the year is not configured."""
    year = ProgrammeYear.objects.filter(fiscal_year=fiscal_year).first()
    if year is not None:
        issues = list(year.issues.all())
        if issues:
            return issues
    return list(Issue.objects.all())


def next_issue(*, fiscal_year: int, issue: Issue) -> Issue | None:
    """The issue after this one in the year's list, for "save and go on"."""
    issues = year_issues(fiscal_year)
    index = next((n for n, i in enumerate(issues) if i.pk == issue.pk), len(issues))
    return issues[index + 1] if index + 1 < len(issues) else None


def issue_indicators(issue: Issue) -> QuerySet[Indicator]:
    return issue.indicators.filter(is_active=True)


@dataclass
class SheetRow:
    indicator: Indicator
    current: SituationValue | None
    history: list[tuple[int, Decimal | None]] = field(default_factory=list)


def situation_sheet(*, fund: Fund, fiscal_year: int, issue: Issue) -> list[SheetRow]:
    """One row per active indicator of the issue: this year's value and the previous years'."""
    indicators = list(issue_indicators(issue))
    years = [fiscal_year - i for i in range(HISTORY_YEARS, -1, -1)]
    values = SituationValue.objects.filter(fund=fund, indicator__in=indicators, fiscal_year__in=years)
    by_key = {(v.indicator_id, v.fiscal_year): v for v in values}
    rows = []
    for indicator in indicators:
        history = []
        for year in years[:-1]:
            old = by_key.get((indicator.pk, year))
            history.append((year, old.value if old else None))
        rows.append(SheetRow(indicator, by_key.get((indicator.pk, fiscal_year)), history))
    return rows


def latest_values(*, fund: Fund, fiscal_year: int, indicators: list[Indicator]) -> dict[int, SituationValue]:
    """The newest value of each indicator up to `fiscal_year` (a plan's baseline)."""
    values = SituationValue.objects.filter(
        fund=fund, indicator__in=indicators, fiscal_year__lte=fiscal_year
    ).order_by("indicator_id", "-fiscal_year")
    latest: dict[int, SituationValue] = {}
    for value in values:
        latest.setdefault(value.indicator_id, value)
    return latest


@dataclass
class IssueStatus:
    issue: Issue
    entered: int
    total: int

    @property
    def done(self) -> bool:
        return self.total > 0 and self.entered >= self.total


def fund_issue_status(*, fund: Fund, fiscal_year: int) -> list[IssueStatus]:
    """Per issue of the year: how many of its indicators have a value this year."""
    issues = year_issues(fiscal_year)
    entered = set(
        SituationValue.objects.filter(fund=fund, fiscal_year=fiscal_year).values_list(
            "indicator_id", flat=True
        )
    )
    result = []
    for issue in issues:
        ids = [i.pk for i in issue_indicators(issue)]
        result.append(IssueStatus(issue, len([i for i in ids if i in entered]), len(ids)))
    return result


def issues_with_data(*, funds: Q, fiscal_year: int, issues: list[Issue]) -> dict[int, int]:
    """Per fund id (of the rows `funds` keeps, a filter on `fund__`): how many of `issues` have
    any value this year. One query."""
    pairs = (
        SituationValue.objects.filter(funds, fiscal_year=fiscal_year, indicator__issue__in=issues)
        .order_by()  # the model's ordering would make DISTINCT count every value
        .values_list("fund_id", "indicator__issue_id")
        .distinct()
    )
    counts: dict[int, int] = {}
    for fund_id, _issue_id in pairs:
        counts[fund_id] = counts.get(fund_id, 0) + 1
    return counts


def fund_completeness(*, fund: Fund, fiscal_year: int) -> tuple[int, int]:
    """(issues with any current-year value, issues of the year)."""
    issues = year_issues(fiscal_year)
    counts = issues_with_data(funds=Q(fund=fund), fiscal_year=fiscal_year, issues=issues)
    return counts.get(fund.pk, 0), len(issues)


@dataclass
class FundCompleteness:
    fund: Fund
    issues_with_data: int
    issues_total: int

    @property
    def percent(self) -> int:
        return round(100 * self.issues_with_data / self.issues_total) if self.issues_total else 0


def area_completeness(*, area: Area, fiscal_year: int) -> list[FundCompleteness]:
    """Every active fund of the area with how many of the year's issues have current data."""
    issues = year_issues(fiscal_year)
    funds = list(Fund.objects.filter(area_fund_filter(area), is_active=True).order_by("code"))
    counts = issues_with_data(
        funds=area_fund_filter(area, prefix="fund__"), fiscal_year=fiscal_year, issues=issues
    )
    return [FundCompleteness(f, counts.get(f.pk, 0), len(issues)) for f in funds]


@dataclass(frozen=True)
class AreaIndicator:
    """What the indicator page's panels (slot `indicator.sections`) are given."""

    area: Area
    indicator: Indicator
    fiscal_year: int


@dataclass
class IndicatorRow:
    fund: Fund
    value: Decimal | None
    previous: Decimal | None
    lower_is_better: bool = True

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def improved(self) -> bool | None:
        change = self.change
        if change is None or change == 0:
            return None
        return (change < 0) == self.lower_is_better


def indicator_area_rows(*, indicator: Indicator, area: Area, fiscal_year: int) -> list[IndicatorRow]:
    """The funds of an area with their value this year and last year."""
    funds = list(Fund.objects.filter(area_fund_filter(area), is_active=True).order_by("code"))
    values = SituationValue.objects.filter(
        area_fund_filter(area, prefix="fund__"),
        indicator=indicator,
        fiscal_year__in=[fiscal_year, fiscal_year - 1],
    ).values_list("fund_id", "fiscal_year", "value")
    by_key = {(f, y): v for f, y, v in values}
    lower = indicator.direction == Direction.LOWER
    return [
        IndicatorRow(f, by_key.get((f.pk, fiscal_year)), by_key.get((f.pk, fiscal_year - 1)), lower)
        for f in funds
    ]


def indicator_chart_data(rows: list[IndicatorRow], fiscal_year: int) -> dict[str, Any]:
    """Chart.js data: one bar per fund with a value, this year beside last year."""
    shown = [r for r in rows if r.value is not None or r.previous is not None]
    return {
        "labels": [r.fund.short_name for r in shown],
        "years": [fiscal_year - 1, fiscal_year],
        "previous": [float(r.previous) if r.previous is not None else None for r in shown],
        "current": [float(r.value) if r.value is not None else None for r in shown],
    }


def values_for_export(*, funds: QuerySet[Fund], fiscal_year: int | None = None) -> QuerySet[SituationValue]:
    values = SituationValue.objects.filter(fund__in=funds).select_related("fund", "indicator__issue")
    if fiscal_year is not None:
        values = values.filter(fiscal_year=fiscal_year)
    return values.order_by("fund__code", "fiscal_year", "indicator__issue__order", "indicator__order")
