"""Reads of the trend and compare pages: figures of an area over several fiscal years beside the
median of the areas of its parent, and the areas one level down side by side.

Every figure is kept as the sums it is made of (a `Tally`), so that an area's figure is its own
sums' figure (a region's share of reports on time is all its reports, not a mean of shares), and
the median and spread are over the areas one level down. The nation, a region and a province read
the roll-ups (dashboards.models, kept by dashboards.listeners); the funds of a district are few
enough to read the live tables.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from kongtun.areas.models import District, Province, Region
from kongtun.areas.selectors import Area
from kongtun.dashboards.models import IndicatorRollup, ProjectRollup, TargetRollup
from kongtun.dashboards.selectors import Scope, fiscal_year_default
from kongtun.followups.models import ActivityReport, ReportSpending
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.plans.selectors import plan_results
from kongtun.programme.models import Indicator, Issue
from kongtun.projects.models import APPROVED_STATUSES, Project
from kongtun.situations.models import SituationValue

ZERO = Decimal("0")
HUNDRED = Decimal("100")
CENT = Decimal("0.01")
YEARS = 5  # the trend pages' default span

# The figures of the trend and compare pages (indicators are added as "indicator-<code>").
FIGURES: dict[str, Any] = {
    "plans": _("Plans"),
    "approved": _("Approved projects"),
    "approved_budget": _("Approved budget (baht)"),
    "spent": _("Spent (baht)"),
    "on_time": _("Activity reports on time"),
    "met_share": _("Plans that met their target"),
}
MONEY = {"approved_budget", "spent"}
INDICATOR = "indicator-"


@dataclass
class Tally:
    """The sums one area's figures of one year are made of."""

    plans: int = 0
    met: int = 0
    missed: int = 0
    no_data: int = 0
    approved: int = 0
    approved_budget: Decimal = ZERO
    spent: Decimal = ZERO
    reports: int = 0
    late: int = 0
    values: dict[int, tuple[Decimal, int]] = field(default_factory=dict)  # indicator id → sum, funds

    def add_value(self, indicator_id: int, total: Decimal, funds: int) -> None:
        before, n = self.values.get(indicator_id, (ZERO, 0))
        self.values[indicator_id] = (before + total, n + funds)

    def merge(self, other: Tally) -> None:
        for name in ("plans", "met", "missed", "no_data", "approved", "approved_budget", "spent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.reports += other.reports
        self.late += other.late
        for indicator_id, (total, funds) in other.values.items():
            self.add_value(indicator_id, total, funds)

    def figure(self, key: str, indicators: dict[str, Indicator] | None = None) -> Decimal | None:
        """The figure `key` (see FIGURES), or None where it cannot be told (no reports, no plan
        judged yet, no value of the indicator)."""
        if key == "on_time":
            return _share(self.reports - self.late, self.reports)
        if key == "met_share":
            return _share(self.met, self.met + self.missed)
        if key.startswith(INDICATOR):
            indicator = (indicators or {}).get(key)
            total, funds = self.values.get(indicator.pk, (ZERO, 0)) if indicator else (ZERO, 0)
            return (total / funds).quantize(CENT) if funds else None
        return Decimal(getattr(self, key))


def _share(part: int, whole: int) -> Decimal | None:
    return (HUNDRED * part / whole).quantize(CENT) if whole else None


def _median(values: Iterable[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return Decimal(statistics.median(known)).quantize(CENT) if known else None


@dataclass
class Child:
    """An area (or fund) one level down: its key in the roll-ups, the code its page takes."""

    key: Any
    code: str
    label: str
    level: str


_CHILD_KEY = {"nation": "region_id", "region": "province_id", "province": "district_id", "district": "id"}
_CHILD_LEVEL = {"nation": "region", "region": "province", "province": "district", "district": "fund"}


def children_of(scope: Scope) -> list[Child]:
    """The areas one level down of the nation, a region, a province; the active funds of a district."""
    level = _CHILD_LEVEL[scope.level]
    if level == "region":
        return [Child(r.pk, str(r.pk), str(r), level) for r in Region.objects.all()]
    if level in ("province", "district"):
        model = Province if level == "province" else District
        parent = {"province": "region_id", "district": "province_id"}[level]
        rows = model.objects.filter(**{parent: scope.code}).values_list("code", "name_th")
        return [Child(code, code, name, level) for code, name in rows]
    funds = Fund.objects.filter(scope.q(), is_active=True).order_by("code")
    return [
        Child(pk, code, lg_name or name, level)
        for pk, code, name, lg_name in funds.values_list("id", "code", "name", "lg_name")
    ]


def parent_of(scope: Scope) -> Scope | None:
    """The scope one level up (a fund's district, a district's province…); none for the nation."""
    year = scope.fiscal_year
    if scope.fund is not None:
        return Scope(fiscal_year=year, area=scope.fund.district)
    area = scope.area
    if isinstance(area, District):
        return Scope(fiscal_year=year, area=area.province)
    if isinstance(area, Province):
        return Scope(fiscal_year=year, area=area.region)
    return Scope(fiscal_year=year) if area is not None else None


def _rollup_tallies(scope: Scope, years: list[int], issue_id: int | None) -> dict[tuple[Any, int], Tally]:
    """Per (child key, year), from the roll-ups (three grouped queries)."""
    key = _CHILD_KEY[scope.level]
    where = Q(scope.q(), fiscal_year__in=years)
    tallies: dict[tuple[Any, int], Tally] = defaultdict(Tally)
    projects = (
        ProjectRollup.objects.filter(where, status__in=APPROVED_STATUSES)
        .values_list(key, "fiscal_year")
        .annotate(Sum("projects"), Sum("approved"), Sum("spent"), Sum("reports"), Sum("late_reports"))
        .order_by()
    )
    for k, year, n, budget, spent, reports, late in projects:
        t = tallies[k, year]
        t.approved, t.approved_budget, t.spent, t.reports, t.late = n, budget, spent, reports, late
    targets = TargetRollup.objects.filter(where, **({"issue_id": issue_id} if issue_id else {}))
    for k, year, plans, met, missed, no_data in (
        targets.values_list(key, "fiscal_year")
        .annotate(Sum("plans"), Sum("met"), Sum("missed"), Sum("no_data"))
        .order_by()
    ):
        t = tallies[k, year]
        t.plans, t.met, t.missed, t.no_data = plans, met, missed, no_data
    values = (
        IndicatorRollup.objects.filter(where)
        .values_list(key, "fiscal_year", "indicator_id")
        .annotate(Sum("total"), Sum("funds"))
        .order_by()
    )
    for k, year, indicator_id, total, funds in values:
        tallies[k, year].add_value(indicator_id, total, funds)
    return tallies


def _live_tallies(scope: Scope, years: list[int], issue_id: int | None) -> dict[tuple[Any, int], Tally]:
    """Per (fund id, year) of a district, from the live tables (five queries and the plans')."""
    tallies: dict[tuple[Any, int], Tally] = defaultdict(Tally)
    approved = Q(scope.q("fund__"), fiscal_year__in=years, status__in=APPROVED_STATUSES)
    for fund_id, year, n, budget in (
        Project.objects.filter(approved)
        .values_list("fund_id", "fiscal_year")
        .annotate(Count("id"), Sum("approved_budget"))
        .order_by()
    ):
        t = tallies[fund_id, year]
        t.approved, t.approved_budget = n, budget or ZERO
    for fund_id, year, spent in (
        ReportSpending.objects.filter(
            scope.q("report__project__fund__"),
            report__project__fiscal_year__in=years,
            report__project__status__in=APPROVED_STATUSES,
        )
        .values_list("report__project__fund_id", "report__project__fiscal_year")
        .annotate(Sum("amount"))
        .order_by()
    ):
        tallies[fund_id, year].spent = spent or ZERO
    for fund_id, year, reports, late in (
        ActivityReport.objects.filter(
            scope.q("project__fund__"),
            project__fiscal_year__in=years,
            project__status__in=APPROVED_STATUSES,
        )
        .values_list("project__fund_id", "project__fiscal_year")
        .annotate(n=Count("id"), late=Count("id", filter=Q(date__gt=F("project__report_due_date"))))
        .order_by()
    ):
        t = tallies[fund_id, year]
        t.reports, t.late = reports, late
    plans = Plan.objects.filter(scope.q("fund__"), fiscal_year__in=years)
    for result in plan_results(plans.filter(issue_id=issue_id) if issue_id else plans).values():
        t = tallies[result.plan.fund_id, result.plan.fiscal_year]
        t.plans += 1
        outcome = result.outcome.value
        setattr(t, outcome, getattr(t, outcome) + 1)
    for fund_id, year, indicator_id, value in SituationValue.objects.filter(
        scope.q("fund__"), fiscal_year__in=years
    ).values_list("fund_id", "fiscal_year", "indicator_id", "value"):
        tallies[fund_id, year].add_value(indicator_id, value, 1)
    return tallies


def child_tallies(
    scope: Scope, years: list[int], issue_id: int | None = None
) -> dict[tuple[Any, int], Tally]:
    """Per (child key, year): the sums of the areas one level down of `scope` (not of a fund)."""
    if scope.level == "district":
        return _live_tallies(scope, years, issue_id)
    return _rollup_tallies(scope, years, issue_id)


def trend_years(last: int | str | None = None, count: int = YEARS) -> list[int]:
    """`count` fiscal years ending with `last` (default: the dashboards' default year), oldest first."""
    raw = str(last or "")
    end = int(raw) if raw.isdigit() and 2400 < int(raw) < 2700 else fiscal_year_default()
    return list(range(end - count + 1, end + 1))


def indicator_figures(indicators: Iterable[Indicator]) -> dict[str, Indicator]:
    return {f"{INDICATOR}{i.code}": i for i in indicators}


@dataclass
class TrendLine:
    """One figure over the years: the area's value and the median of its parent's areas."""

    key: str
    label: str
    unit: str
    years: list[int]
    values: list[Decimal | None]
    medians: list[Decimal | None]

    @property
    def is_money(self) -> bool:
        return self.key in MONEY

    @property
    def year_rows(self) -> list[tuple[int, tuple[Decimal | None, Decimal | None]]]:
        return list(zip(self.years, zip(self.values, self.medians, strict=True), strict=True))

    @property
    def has_data(self) -> bool:
        return any(v is not None and v != 0 for v in self.values + self.medians)


@dataclass
class Trend:
    scope: Scope
    parent: Scope | None
    years: list[int]
    lines: list[TrendLine]


def _own_key(scope: Scope) -> Any:
    if scope.fund is not None:
        return scope.fund.pk
    return scope.area.pk if scope.area is not None else None


def trend(scope: Scope, years: list[int], indicators: Iterable[Indicator] = ()) -> Trend:
    """The area's figures of each year beside the median of the areas of its parent (a fund beside
    the funds of its district, a district beside the districts of its province); the nation alone."""
    by_key = indicator_figures(indicators)
    parent = parent_of(scope)
    own: dict[int, Tally] = defaultdict(Tally)
    siblings: dict[int, list[Tally]] = defaultdict(list)
    if parent is None:
        for (_k, year), t in child_tallies(scope, years).items():
            own[year].merge(t)
    else:
        tallies = child_tallies(parent, years)
        keys = [c.key for c in children_of(parent)]
        mine = _own_key(scope)
        for year in years:
            siblings[year] = [tallies.get((k, year), Tally()) for k in keys]
            own[year] = tallies.get((mine, year), Tally())
    lines = []
    for key, label in [*FIGURES.items(), *((k, i.name) for k, i in by_key.items())]:
        indicator = by_key.get(key)
        unit = indicator.unit if indicator else ("%" if key in ("on_time", "met_share") else "")
        values = [own[y].figure(key, by_key) for y in years]
        medians = [_median(t.figure(key, by_key) for t in siblings[y]) if parent else None for y in years]
        lines.append(TrendLine(key, str(label), unit, years, values, medians))
    return Trend(scope=scope, parent=parent, years=years, lines=lines)


@dataclass
class CompareRow:
    child: Child
    value: Decimal | None
    tally: Tally


@dataclass
class Comparison:
    scope: Scope
    figure: str
    label: str
    unit: str
    rows: list[CompareRow]
    median: Decimal | None
    low: Decimal | None
    high: Decimal | None
    quartiles: tuple[Decimal, Decimal] | None
    lower_is_better: bool = False

    @property
    def is_money(self) -> bool:
        return self.figure in MONEY

    @property
    def lagging(self) -> list[CompareRow]:
        """The areas on the wrong side of the median: the ones to help first."""
        if self.median is None:
            return []
        if self.lower_is_better:
            return [r for r in self.rows if r.value is not None and r.value > self.median]
        return [r for r in self.rows if r.value is not None and r.value < self.median]


def figure_choices(indicators: Iterable[Indicator]) -> list[tuple[str, str]]:
    return [
        *((k, str(v)) for k, v in FIGURES.items()),
        *((k, i.name) for k, i in indicator_figures(indicators).items()),
    ]


def compare(
    scope: Scope, figure: str, indicators: Iterable[Indicator], issue_id: int | None = None
) -> Comparison:
    """The areas one level down of `scope` for one figure of its year, with their median, lowest,
    highest and quartiles, sorted best first (the one that lags last)."""
    by_key = indicator_figures(indicators)
    if figure not in FIGURES and figure not in by_key:
        figure = "plans"
    indicator = by_key.get(figure)
    tallies = child_tallies(scope, [scope.fiscal_year], issue_id)
    rows = []
    for child in children_of(scope):
        t = tallies.get((child.key, scope.fiscal_year), Tally())
        rows.append(CompareRow(child, t.figure(figure, by_key), t))
    known = sorted(r.value for r in rows if r.value is not None)
    quartiles = None
    if len(known) >= 2:
        q = statistics.quantiles(known, n=4, method="inclusive")
        quartiles = (Decimal(q[0]).quantize(CENT), Decimal(q[2]).quantize(CENT))
    lower_first = indicator is not None and indicator.direction == "lower"
    rows.sort(
        key=lambda r: (
            r.value is None,
            (r.value or ZERO) if lower_first else -(r.value or ZERO),
            r.child.label,
        )
    )
    label = indicator.name if indicator else str(FIGURES[figure])
    unit = indicator.unit if indicator else ("%" if figure in ("on_time", "met_share") else "")
    return Comparison(
        scope=scope,
        figure=figure,
        label=label,
        unit=unit,
        rows=rows,
        median=_median(known),
        low=known[0] if known else None,
        high=known[-1] if known else None,
        quartiles=quartiles,
        lower_is_better=lower_first,
    )


@dataclass
class TargetRow:
    """Plans of one issue in the scope's year and whether they met their 1-year target."""

    issue: Issue
    plans: int = 0
    met: int = 0
    missed: int = 0
    no_data: int = 0

    @property
    def share(self) -> Decimal | None:
        return _share(self.met, self.met + self.missed)


def targets_by_issue(scope: Scope) -> list[TargetRow]:
    """Per issue: the plans of the year, how many met their target, missed it or cannot be judged
    yet (one query on the roll-ups; a fund's own plans are judged on the spot)."""
    rows: dict[int, TargetRow] = {}
    issues = {i.pk: i for i in Issue.objects.all()}
    if scope.fund is not None:
        plans = Plan.objects.filter(fund=scope.fund, fiscal_year=scope.fiscal_year)
        for result in plan_results(plans).values():
            row = rows.setdefault(result.plan.issue_id, TargetRow(issues[result.plan.issue_id]))
            row.plans += 1
            setattr(row, result.outcome.value, getattr(row, result.outcome.value) + 1)
    else:
        for issue_id, plans, met, missed, no_data in (
            TargetRollup.objects.filter(scope.q(), fiscal_year=scope.fiscal_year)
            .values_list("issue_id")
            .annotate(Sum("plans"), Sum("met"), Sum("missed"), Sum("no_data"))
            .order_by()
        ):
            if issue_id in issues:
                rows[issue_id] = TargetRow(issues[issue_id], plans, met, missed, no_data)
    return sorted(rows.values(), key=lambda r: (r.issue.order, r.issue.code))


def trend_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True).select_related("issue"))


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


_MEDIAN_OF = {
    "region": _("Median of the regions"),
    "province": _("Median of the provinces of %(parent)s"),
    "district": _("Median of the districts of %(parent)s"),
    "fund": _("Median of the funds of %(parent)s"),
}


def median_label(the_trend: Trend) -> str:
    """What the medians beside the area are of: "the median of the districts of Songkhla"."""
    if the_trend.parent is None:
        return ""
    return str(_MEDIAN_OF[the_trend.scope.level]) % {"parent": the_trend.parent.name}


def trend_chart_data(the_trend: Trend) -> dict[str, Any]:
    """Chart.js data of the trend page: one line chart per figure with data, the area beside the
    median of its parent's areas (the same numbers as the tables under the charts)."""
    return {
        "years": the_trend.years,
        "area": the_trend.scope.name,
        "median": median_label(the_trend),
        "lines": [
            {
                "key": line.key,
                "values": [_number(v) for v in line.values],
                "medians": [_number(v) for v in line.medians],
            }
            for line in the_trend.lines
            if line.has_data
        ],
    }


def indicator_trend(area: Area, indicator: Indicator, fiscal_year: int) -> Trend:
    """One indicator's trend for the indicator page: the area beside the median of its parent's."""
    years = trend_years(fiscal_year)
    the_trend = trend(Scope(fiscal_year=years[-1], area=area), years, [indicator])
    the_trend.lines = [line for line in the_trend.lines if line.key.startswith(INDICATOR)]
    return the_trend
