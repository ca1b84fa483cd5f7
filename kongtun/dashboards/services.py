"""Writes of the dashboards app: keeping the roll-up tables (see models.py) up to date.

`rollup_refresh` rewrites a whole fiscal year (the `dashboards_refresh` command, the demo, the
bench generator: after a bulk import).
`rollup_update(fiscal_year=…, fund_ids=…)` rewrites the rows of the funds' districts in that year:
`dashboards.listeners` calls it after every committed change that the roll-ups count (a new
proposal, its plans, budget or status, an activity report and its spending, a deleted plan), so the
national, region and province dashboards show a fresh approval at once, without a cron job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from kongtun.core.thai import fiscal_year_of
from kongtun.dashboards.models import (
    FinanceMonth,
    IndicatorRollup,
    IssueRollup,
    ProjectRollup,
    RollupRun,
    TargetRollup,
)
from kongtun.finance.models import AccountKind, FundBooks, JournalLine
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.plans.selectors import plan_results
from kongtun.projects.models import Project
from kongtun.situations.models import SituationValue

# Per project of the year (and of one district when `{district}` is filled): its spending and its
# number of activity reports.
_PER_PROJECT = """
    SELECT p.id AS project_id, p.fund_id, p.status, p.support_type_id, p.requested_budget,
           COALESCE(p.approved_budget, 0) AS approved_budget,
           COALESCE((SELECT SUM(s.amount) FROM followups_reportspending s
                     JOIN followups_activityreport r ON r.id = s.report_id
                     WHERE r.project_id = p.id), 0) AS spent,
           (SELECT COUNT(*) FROM followups_activityreport r WHERE r.project_id = p.id) AS reports,
           (SELECT COUNT(*) FROM followups_activityreport r
            WHERE r.project_id = p.id AND r.date > p.report_due_date) AS late_reports
    FROM projects_project p WHERE p.fiscal_year = %s {district}
"""
_IN_DISTRICT = "AND p.fund_id IN (SELECT id FROM funds_fund WHERE district_id = %s)"

_PROJECTS = """
    INSERT INTO dashboards_projectrollup (fiscal_year, region_id, province_id, district_id, status,
        support_type_id, projects, requested, approved, spent, reports, late_reports)
    SELECT %s, f.region_id, f.province_id, f.district_id, x.status, x.support_type_id, COUNT(*),
           SUM(x.requested_budget), SUM(x.approved_budget), SUM(x.spent), SUM(x.reports),
           SUM(x.late_reports)
    FROM ({per_project}) x JOIN funds_fund f ON f.id = x.fund_id
    GROUP BY f.region_id, f.province_id, f.district_id, x.status, x.support_type_id
"""

_ISSUES = """
    INSERT INTO dashboards_issuerollup (fiscal_year, region_id, province_id, district_id, status, issue_id,
        projects, requested, approved, spent, reports, late_reports)
    SELECT %s, f.region_id, f.province_id, f.district_id, x.status, i.issue_id, COUNT(*),
           SUM(x.requested_budget), SUM(x.approved_budget), SUM(x.spent), SUM(x.reports),
           SUM(x.late_reports)
    FROM ({per_project}) x JOIN funds_fund f ON f.id = x.fund_id
    LEFT JOIN (SELECT DISTINCT pp.project_id, pl.issue_id FROM projects_project_plans pp
               JOIN plans_plan pl ON pl.id = pp.plan_id
               WHERE pp.project_id IN
                   (SELECT p.id FROM projects_project p WHERE p.fiscal_year = %s {district})
              ) i ON i.project_id = x.project_id
    GROUP BY f.region_id, f.province_id, f.district_id, x.status, i.issue_id
"""


# The parts of the roll-ups, each rewritten when what it counts changes (dashboards.listeners).
PROJECTS, TARGETS, VALUES = "projects", "targets", "values"
PARTS = frozenset({PROJECTS, TARGETS, VALUES})


def _rewrite_projects(fiscal_year: int, district_id: str | None) -> None:
    """Delete and re-aggregate the project roll-up rows of a year (or of one district in it)."""
    rows: dict[str, Any] = {"fiscal_year": fiscal_year}
    district = ""
    in_year: list[Any] = [fiscal_year]  # the projects of the year (and district)
    if district_id is not None:
        rows["district_id"] = district_id
        district, in_year = _IN_DISTRICT, [fiscal_year, district_id]
    per_project = _PER_PROJECT.format(district=district)
    ProjectRollup.objects.filter(**rows).delete()
    IssueRollup.objects.filter(**rows).delete()
    with connection.cursor() as cursor:
        cursor.execute(_PROJECTS.format(per_project=per_project), [fiscal_year, *in_year])
        cursor.execute(
            _ISSUES.format(per_project=per_project, district=district), [fiscal_year, *in_year, *in_year]
        )


def _rewrite_targets(fiscal_year: int, district_id: str | None) -> None:
    """The plans of a year (or of one district in it) per district and issue, and whether they met
    their target: judged once, by `plans.selectors.plan_results`, for the plan page and here."""
    rows: dict[str, Any] = {"fiscal_year": fiscal_year}
    if district_id is not None:
        rows["district_id"] = district_id
    plans = Plan.objects.filter(
        fiscal_year=fiscal_year, **{f"fund__{k}": v for k, v in rows.items() if k != "fiscal_year"}
    )
    tallies: dict[tuple[Any, ...], TargetRollup] = {}
    for result in plan_results(plans.select_related("fund")).values():
        fund = result.plan.fund
        key = (fund.region_id, fund.province_id, fund.district_id, result.plan.issue_id)
        row = tallies.get(key)
        if row is None:
            row = tallies[key] = TargetRollup(
                fiscal_year=fiscal_year,
                region_id=fund.region_id,
                province_id=fund.province_id,
                district_id=fund.district_id,
                issue_id=result.plan.issue_id,
            )
        row.plans += 1
        outcome = result.outcome
        setattr(row, outcome.value, getattr(row, outcome.value) + 1)
    TargetRollup.objects.filter(**rows).delete()
    TargetRollup.objects.bulk_create(tallies.values(), batch_size=2000)


def _rewrite_values(fiscal_year: int, district_id: str | None) -> None:
    """Situation values of a year (or of one district in it): per district and indicator, the funds
    with a value and their sum."""
    rows: dict[str, Any] = {"fiscal_year": fiscal_year}
    if district_id is not None:
        rows["district_id"] = district_id
    values = SituationValue.objects.filter(
        fiscal_year=fiscal_year, **{f"fund__{k}": v for k, v in rows.items() if k != "fiscal_year"}
    )
    groups = (
        values.values_list("fund__region_id", "fund__province_id", "fund__district_id", "indicator_id")
        .annotate(n=Count("id"), total=Sum("value"))
        .order_by()
    )
    IndicatorRollup.objects.filter(**rows).delete()
    IndicatorRollup.objects.bulk_create(
        [
            IndicatorRollup(
                fiscal_year=fiscal_year,
                region_id=region,
                province_id=province,
                district_id=district,
                indicator_id=indicator,
                funds=n,
                total=total,
            )
            for region, province, district, indicator, n, total in groups
        ],
        batch_size=2000,
    )


_REWRITE = {PROJECTS: _rewrite_projects, TARGETS: _rewrite_targets, VALUES: _rewrite_values}


def _rewrite(fiscal_year: int, district_id: str | None = None, parts: Iterable[str] = PARTS) -> None:
    """Delete and re-aggregate the roll-up rows of a year (or of one district in it)."""
    for part in sorted(parts):
        _REWRITE[part](fiscal_year, district_id)


# PostgreSQL advisory-lock keys (two int4): the namespace, then the year or year × 10,000 + district.
_LOCK_SPACE = 0x6B74_0001  # "kt", roll-ups


def _lock(key: int, *, shared: bool = False) -> None:
    """Hold a PostgreSQL advisory lock until the transaction ends. SQLite needs none: it has one
    writer at a time."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        cursor.execute(f"SELECT {function}(%s, %s)", [_LOCK_SPACE, key])


def _run(fiscal_year: int) -> None:
    """The year's run row, made by the first write of the year. Two first writes of a new year
    both try; one inserts, the other's insert does nothing (no whole-year refresh: each rewrites
    its own district, and every district with data of the year had its own first write)."""
    if not RollupRun.objects.filter(fiscal_year=fiscal_year).exists():
        RollupRun.objects.bulk_create(
            [RollupRun(fiscal_year=fiscal_year, refreshed_at=timezone.now())], ignore_conflicts=True
        )


@transaction.atomic
def rollup_refresh(*, fiscal_year: int) -> RollupRun:
    """Rewrite the roll-ups of one fiscal year from the live tables (set-based SQL, any database).
    It waits for the district rewrites under way and holds off new ones until it commits."""
    _lock(fiscal_year)
    run, _created = RollupRun.objects.get_or_create(
        fiscal_year=fiscal_year, defaults={"refreshed_at": timezone.now()}
    )
    _rewrite(fiscal_year)
    run.refreshed_at = timezone.now()
    run.save(update_fields=["refreshed_at"])
    return run


def rollup_refresh_all() -> list[RollupRun]:
    years: set[int] = set()
    for model in (Project, Plan, SituationValue):
        years.update(model.objects.values_list("fiscal_year", flat=True).distinct().order_by())  # type: ignore[attr-defined]
    return [rollup_refresh(fiscal_year=year) for year in sorted(years)]


@transaction.atomic
def rollup_update(*, fiscal_year: int, fund_ids: Iterable[int], parts: Iterable[str] = PARTS) -> None:
    """Bring the roll-ups of a year up to date after a change in some funds: the rows of their
    districts are re-aggregated (a few milliseconds each). Each district of a year has a lock of its
    own, so rewrites of different districts run side by side and only two changes of one district
    take turns; a whole-year refresh holds the year's lock, which every update shares."""
    _run(fiscal_year)
    districts = Fund.objects.filter(pk__in=list(fund_ids)).values_list("district_id", flat=True)
    _lock(fiscal_year, shared=True)
    for district_id in sorted(set(districts)):  # always in the same order: no deadlock
        _lock(fiscal_year * 10_000 + int(district_id))
        _rewrite(fiscal_year, district_id, parts)


# --- The books, month by month ----------------------------------------------------------------

_MONEY = (AccountKind.ASSET, AccountKind.LIABILITY)
_INCOME = (AccountKind.REVENUE, AccountKind.EQUITY)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _fund_months(
    fund: Fund, moves: dict[dt.date, dict[str, Decimal]], locked_through: dt.date | None
) -> list[FinanceMonth]:
    """Every month from the fund's first booked month to its last booked or closed one, gaps
    included (a closed month without entries is still a row of the NHSO export)."""
    if not moves:
        return []
    month = min(moves)
    last = max([*moves, *([locked_through.replace(day=1)] if locked_through else [])])
    rows, money = [], Decimal(0)
    while month <= last:
        kinds = moves.get(month, {})
        end = _next_month(month) - dt.timedelta(days=1)
        income = -sum((kinds.get(k, Decimal(0)) for k in _INCOME), Decimal(0))
        expense = kinds.get(AccountKind.EXPENSE, Decimal(0))
        row = FinanceMonth(
            fund_id=fund.pk,
            region_id=fund.region_id,
            province_id=fund.province_id,
            district_id=fund.district_id,
            fiscal_year=fiscal_year_of(month),
            month=month.month,
            month_end=end,
            brought_forward=money,
            income=income,
            expense=expense,
            balance=money + income - expense,
            closed=locked_through is not None and end <= locked_through,
        )
        rows.append(row)
        money, month = row.balance, _next_month(month)
    return rows


@transaction.atomic
def finance_rollup_update(*, fund_ids: Iterable[int]) -> None:
    """Rewrite the month rows of some funds from their posted entries (2 queries and one insert per
    call, whatever the number of funds): after a write to their books, or for all funds after a
    bulk import. Income and expense are what the statements print (finance.statements)."""
    ids = sorted(set(fund_ids))
    moves: dict[int, dict[dt.date, dict[str, Decimal]]] = {pk: {} for pk in ids}
    lines = (
        JournalLine.objects.filter(entry__fund_id__in=ids, entry__posted=True)
        .annotate(month=TruncMonth("entry__date"))
        .values_list("entry__fund_id", "month", "account__kind")
        .annotate(total=Sum(F("debit") - F("credit")))
        .order_by()
    )
    for fund_id, month, kind, total in lines:
        day = month.date() if isinstance(month, dt.datetime) else month
        moves[fund_id].setdefault(day, {})[kind] = total or Decimal(0)
    locks = dict(FundBooks.objects.filter(fund_id__in=ids).values_list("fund_id", "locked_through"))
    rows = [
        row
        for fund in Fund.objects.filter(pk__in=ids).order_by("pk")
        for row in _fund_months(fund, moves[fund.pk], locks.get(fund.pk))
    ]
    FinanceMonth.objects.filter(fund_id__in=ids).delete()
    FinanceMonth.objects.bulk_create(rows, batch_size=2000)
