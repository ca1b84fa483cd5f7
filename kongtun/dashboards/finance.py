"""The finance dashboard: how far the funds of an area have used the year's money against the
spending-rate targets (programme.FinanceRule: 20 / 50 / 80 % by the end of quarters 2 / 3 / 4), the
balance rate, and which funds have closed which month. Read from the month roll-up
(dashboards.FinanceMonth), never from the ledger: three grouped queries for any area.

The year's money of a fund is what it brought forward into the fiscal year plus its income of the
year so far; the money-use rate is its expense over that, the balance rate its balance over that.
The target in force is that of the last quarter ended by the day the figures are read for (today,
or the year's last day for a year that is over); a fund below it is behind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from kongtun.accounts.permissions import Action, AnyUser, can, is_admin
from kongtun.areas.models import District, Province, Region
from kongtun.core.thai import fiscal_year_bounds
from kongtun.dashboards.models import FinanceMonth
from kongtun.dashboards.selectors import Scope
from kongtun.finance.statements import period_get
from kongtun.funds.models import Fund
from kongtun.programme.selectors import finance_rule, spending_target

ZERO = Decimal("0")
HUNDRED = Decimal("100")
# The calendar month that ends each quarter of the fiscal year (October → September).
QUARTER_END_MONTH = {2: 3, 3: 6, 4: 9}
FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def rate(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` in per cent of `whole`, to one decimal (None when there is nothing to divide)."""
    if whole <= 0:
        return None
    return (part * HUNDRED / whole).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Target:
    """The spending-rate target in force on `as_of`: `percent` by the end of `quarter`."""

    as_of: dt.date
    quarter: int | None = None
    percent: int | None = None


def target_in_force(fiscal_year: int, *, today: dt.date | None = None) -> Target:
    start, end = fiscal_year_bounds(fiscal_year)
    today = today or timezone.localdate()
    as_of = min(max(today, start), end)
    rule = finance_rule(fiscal_year)
    found = Target(as_of=as_of)
    for quarter, month in QUARTER_END_MONTH.items():
        year = start.year + 1  # quarters 2–4 end in the calendar year after the October start
        quarter_end = dt.date(year, month, 30 if month in (6, 9) else 31)
        if quarter_end <= as_of and rule is not None:
            found = Target(as_of=as_of, quarter=quarter, percent=spending_target(rule, quarter))
    return found


class _Rates:
    """What was used and what is left of the money available, for a fund or an area."""

    expense: Decimal
    if TYPE_CHECKING:  # a field of an area's sum, a property of a fund's books

        @property
        def available(self) -> Decimal: ...

    @property
    def balance(self) -> Decimal:
        return self.available - self.expense

    @property
    def use_rate(self) -> Decimal | None:
        return rate(self.expense, self.available)

    @property
    def balance_rate(self) -> Decimal | None:
        return rate(self.balance, self.available)


@dataclass
class FundMoney(_Rates):
    """One fund's year so far, from its month rows."""

    fund_id: int
    district_id: str
    province_id: str
    region_id: int
    brought_forward: Decimal
    income: Decimal
    expense: Decimal
    closed_through: dt.date | None
    code: str = ""
    name: str = ""

    @property
    def available(self) -> Decimal:
        return self.brought_forward + self.income


@dataclass
class AreaMoney(_Rates):
    """The funds of one area added up (a child row of the finance dashboard, or its total)."""

    key: str
    name: str
    funds: int = 0
    with_books: int = 0
    behind: int = 0
    closed_last_month: int = 0
    available: Decimal = ZERO
    expense: Decimal = ZERO


@dataclass
class FinanceBoard:
    scope: Scope
    target: Target
    total: AreaMoney
    funds: list[FundMoney]
    children: list[AreaMoney] = field(default_factory=list)
    child_level: str = ""
    # (the month, e.g. "ตุลาคม 2567"; funds that closed it) in fiscal order, up to `target.as_of`.
    closes_by_month: list[tuple[str, int]] = field(default_factory=list)
    last_month_end: dt.date | None = None

    def behind(self, fund: FundMoney) -> bool:
        percent = self.target.percent
        use = fund.use_rate
        return percent is not None and use is not None and use < percent


def _months(scope: Scope) -> Q:
    if scope.fund is not None:
        return Q(fund_id=scope.fund.pk)
    return scope.q() if scope.area is not None else Q()


def fund_money(scope: Scope, as_of: dt.date) -> list[FundMoney]:
    """Each fund of the scope with month rows in the fiscal year up to `as_of` (1 query, plus 1
    for the funds' codes and names), in fund-code order."""
    rows = FinanceMonth.objects.filter(_months(scope), fiscal_year=scope.fiscal_year, month_end__lte=as_of)
    first = FinanceMonth.objects.filter(fund_id=OuterRef("fund_id"), fiscal_year=scope.fiscal_year).order_by(
        "month_end"
    )
    grouped = (
        rows.values("fund_id", "district_id", "province_id", "region_id")
        .annotate(
            income=Sum("income"),
            expense=Sum("expense"),
            first_month=Min("month_end"),
            closed_through=Max("month_end", filter=Q(closed=True)),
            forward=Subquery(first.values("brought_forward")[:1]),
        )
        .order_by()
    )
    found = [
        FundMoney(
            fund_id=r["fund_id"],
            district_id=r["district_id"],
            province_id=r["province_id"],
            region_id=r["region_id"],
            brought_forward=r["forward"] or ZERO,
            income=r["income"] or ZERO,
            expense=r["expense"] or ZERO,
            closed_through=r["closed_through"],
        )
        for r in grouped
    ]
    names = dict(
        (pk, (code, name))
        for pk, code, name in Fund.objects.filter(pk__in=[f.fund_id for f in found]).values_list(
            "pk", "code", "name"
        )
    )
    for f in found:
        f.code, f.name = names.get(f.fund_id, ("", ""))
    return sorted(found, key=lambda f: f.code)


# The areas one level down: their level, model and the fund's field that names them.
CHILD: dict[str, tuple[str, type[Region | Province | District], str]] = {
    "nation": ("region", Region, "region_id"),
    "region": ("province", Province, "province_id"),
    "province": ("district", District, "district_id"),
}


def _funds_in(scope: Scope) -> dict[str, int]:
    """How many active funds each child area has (or the scope, under key "")."""
    funds: QuerySet[Fund] = Fund.objects.filter(scope.q(), is_active=True)
    child = CHILD.get(scope.level)
    if child is None:
        return {"": funds.count()}
    attr = child[2]
    return {str(r[attr]): r["n"] for r in funds.values(attr).annotate(n=Count("pk")).order_by()}


def finance_board(scope: Scope, *, today: dt.date | None = None) -> FinanceBoard:
    target = target_in_force(scope.fiscal_year, today=today)
    funds = fund_money(scope, target.as_of)
    start, end = fiscal_year_bounds(scope.fiscal_year)
    # The last month that is over by `as_of`: the one whose close counts as "closed last month".
    over = target.as_of.replace(day=1) - dt.timedelta(days=1) if target.as_of < end else end
    last_month_end = over if over >= start else None
    board = FinanceBoard(scope=scope, target=target, total=AreaMoney(key="", name=scope.name), funds=funds)
    board.last_month_end = last_month_end
    counts = _funds_in(scope)
    child = CHILD.get(scope.level)
    children: dict[str, AreaMoney] = {}
    if child is not None:
        level, model, _attr = child
        board.child_level = level
        for area in model.objects.filter(pk__in=list(counts)).order_by("pk"):
            children[str(area.pk)] = AreaMoney(key=str(area.pk), name=str(area), funds=counts[str(area.pk)])
    board.total.funds = sum(counts.values())
    for f in funds:
        rows = [board.total]
        if child is not None:
            key = str(getattr(f, child[2]))
            rows.append(children.setdefault(key, AreaMoney(key=key, name=key)))
        for row in rows:
            row.with_books += 1
            row.available += f.available
            row.expense += f.expense
            row.behind += board.behind(f)
            if last_month_end is not None and f.closed_through is not None:
                row.closed_last_month += f.closed_through >= last_month_end
    board.children = sorted(children.values(), key=lambda c: c.key)
    board.closes_by_month = _closes_by_month(scope, target.as_of)
    return board


def _closes_by_month(scope: Scope, as_of: dt.date) -> list[tuple[str, int]]:
    closed = dict(
        FinanceMonth.objects.filter(
            _months(scope), fiscal_year=scope.fiscal_year, closed=True, month_end__lte=as_of
        )
        .values("month")
        .annotate(n=Count("fund_id"))
        .order_by()
        .values_list("month", "n")
    )
    start, _end = fiscal_year_bounds(scope.fiscal_year)
    months = []
    for month in FISCAL_MONTHS:
        year = start.year if month >= 10 else start.year + 1
        if dt.date(year, month, 1) > as_of:
            break
        months.append((period_get("month", scope.fiscal_year, month).label, int(closed.get(month, 0))))
    return months


def reads_finance(user: AnyUser, scope: Scope) -> bool:
    """Who sees the finance dashboard: those who see a fund's books, those with a role over an
    area, programme admins for the nation (as the NHSO export)."""
    if scope.fund is not None:
        return can(user, Action.READ_BOOKS, scope.fund)
    if scope.area is not None:
        return can(user, Action.VIEW, scope.area)
    return is_admin(user)
