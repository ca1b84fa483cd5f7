"""Roll-ups for the nation, a region, a province, a district or a fund in a fiscal year.

Every figure is a handful of grouped aggregate queries (no query per row), so that the national
dashboard stays fast with half a million projects. A project may belong to plans of several
issues (`Project.plans` → `Plan.issue`): it counts once in every total and once under each of its
issues, so the per-issue counts can add up to more than the total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kongtun.accounts.permissions import Action, AnyUser, fund_scope, is_admin
from kongtun.areas.models import District, Province, Region
from kongtun.areas.selectors import Area, area_fund_filter, area_get, area_level
from kongtun.core.choices import ConfigChoiceFilter
from kongtun.core.thai import fiscal_year_of
from kongtun.dashboards.models import FinanceMonth, IssueRollup, ProjectRollup, RollupRun
from kongtun.followups.models import ActivityReport, ReportSpending
from kongtun.funds.access import area_for, fund_for
from kongtun.funds.models import Fund, FundYear, ProgrammeRole
from kongtun.funds.selectors import ALL, AreaYearFilter
from kongtun.plans.models import Plan
from kongtun.programme.models import Issue, ProgrammeYear, SupportType
from kongtun.projects.models import APPROVED_STATUSES, PUBLIC_STATUSES, Project, Status
from kongtun.projects.selectors import WhereWhenFilter
from kongtun.situations.models import SituationValue

ZERO = Decimal("0")


@dataclass(frozen=True)
class Scope:
    """Where and when: the nation (no area, no fund), an area, or one fund; a fiscal year."""

    fiscal_year: int
    area: Area | None = None
    fund: Fund | None = None

    @property
    def level(self) -> str:
        if self.fund is not None:
            return "fund"
        return area_level(self.area) if self.area is not None else "nation"

    @property
    def code(self) -> str:
        if self.fund is not None:
            return self.fund.code
        return str(self.area.pk) if self.area is not None else ""

    @property
    def name(self) -> str:
        if self.fund is not None:
            return self.fund.name
        return str(self.area) if self.area is not None else str(_("Whole country"))

    def q(self, path: str = "") -> Q:
        """Rows inside the scope; `path` leads from the row to its fund, e.g. `"project__fund__"`."""
        if self.fund is not None:
            return Q(**{f"{path}id" if path else "pk": self.fund.pk})
        if self.area is not None:
            return area_fund_filter(self.area, prefix=path)
        return Q()

    def filter_params(self) -> dict[str, Any]:
        """The project-list filters that select this scope (for drill-down links)."""
        params: dict[str, Any] = {"year": self.fiscal_year}
        if self.level != "nation":
            params[self.level] = self.code
        return params


def generation(scope: Scope) -> str:
    """The page-cache generation of what a scope counts (kongtun.core.pagecache): `nation`,
    `region:5`, `province:73`, `district:7301` or `fund:L9001`, whatever the year."""
    return f"{scope.level}:{scope.code}" if scope.level != "nation" else "nation"


def fund_generations(fund_ids: Iterable[int]) -> set[str]:
    """The generations a write in these funds changes: each fund and every area above it."""
    names = {"nation"}
    rows = Fund.objects.filter(pk__in=set(fund_ids)).values_list(
        "code", "district_id", "district__province_id", "district__province__region_id"
    )
    for code, district, province, region in rows:
        names |= {f"fund:{code}", f"district:{district}", f"province:{province}", f"region:{region}"}
    return names


def scope_get(level: str, code: str, year: int | str | None) -> Scope:
    """The scope a dashboard URL names (404 if unknown); a missing or odd year means the default year."""
    raw = str(year or "")
    fiscal_year = int(raw) if raw.isdigit() and 2400 < int(raw) < 2700 else fiscal_year_default()
    if level == "nation":
        return Scope(fiscal_year=fiscal_year)
    if level == "fund":
        funds = Fund.objects.select_related("district__province__region")
        return Scope(fiscal_year=fiscal_year, fund=get_object_or_404(funds, code=code, is_active=True))
    if level not in ("region", "province", "district"):
        raise Http404
    return Scope(fiscal_year=fiscal_year, area=area_get(level, code))


def fiscal_year_default() -> int:
    """The latest programme year that has started, or the current fiscal year."""
    current = fiscal_year_of(timezone.localdate())
    latest = ProgrammeYear.objects.filter(fiscal_year__lte=current).order_by("-fiscal_year").first()
    return latest.fiscal_year if latest else current


def fiscal_year_choices() -> list[int]:
    years = set(ProgrammeYear.objects.values_list("fiscal_year", flat=True))
    years.add(fiscal_year_of(timezone.localdate()))
    return sorted(years, reverse=True)


@dataclass(kw_only=True)
class Figures:
    """The project figures of a dashboard and of each of its per-issue or per-support-type rows."""

    proposals: int = 0
    approved: int = 0
    requested: Decimal = ZERO
    approved_budget: Decimal = ZERO
    spent: Decimal = ZERO
    reports: int = 0


@dataclass(kw_only=True)
class Row(Figures):
    """One line of a per-issue or per-support-type table."""

    key: Any
    label: str
    short_label: str = ""  # for narrow tables: the support type's code
    plans: int = 0
    plan_budget: Decimal = ZERO
    situation_funds: int = 0


@dataclass
class ChildRow:
    """One area (or fund) one level down, for the sortable area table."""

    key: Any
    label: str
    level: str
    funds: int = 0
    plans: int = 0
    proposals: int = 0
    approved: int = 0
    approved_budget: Decimal = ZERO


@dataclass(kw_only=True)
class Dashboard(Figures):
    scope: Scope
    funds: int = 0
    funds_by_role: list[tuple[str, str, int]] = field(default_factory=list)
    funds_with_situation: int = 0
    plans: int = 0
    plan_budget: Decimal = ZERO
    by_status: list[tuple[str, str, int]] = field(default_factory=list)
    by_issue: list[Row] = field(default_factory=list)
    by_support_type: list[Row] = field(default_factory=list)
    children: list[ChildRow] = field(default_factory=list)
    # When the project figures come from the roll-ups: the time they were made.
    as_of: Any = None

    @property
    def issue_project_sum(self) -> int:
        """Approved projects added up over the issues: more than `approved` when projects share issues."""
        return sum(r.approved for r in self.by_issue)

    @property
    def issues_at_work(self) -> list[Row]:
        """The issue rows with plans or proposals (for charts and the printed report)."""
        return [r for r in self.by_issue if r.plans or r.proposals]


def _approved_q(path: str = "") -> Q:
    return Q(**{f"{path}status__in": APPROVED_STATUSES})


def funds_by_role(scope: Scope) -> tuple[int, list[tuple[str, str, int]]]:
    """Active funds in the scope and how many hold each programme role in the year (2 queries)."""
    total = Fund.objects.filter(scope.q(), is_active=True).count()
    counts = dict(
        FundYear.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year, fund__is_active=True)
        .values_list("programme_role")
        .annotate(n=Count("id"))
        .order_by()
    )
    counted = sum(counts.values())
    # A fund without a row for the year is not in the programme that year.
    counts[ProgrammeRole.NONE] = counts.get(ProgrammeRole.NONE, 0) + max(total - counted, 0)
    return total, [(role.value, str(role.label), counts.get(role.value, 0)) for role in ProgrammeRole]


def situation_completeness(scope: Scope) -> tuple[int, dict[int, int]]:
    """Funds with any situation value this year, and per issue (2 queries)."""
    rows = SituationValue.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
    total = rows.aggregate(n=Count("fund_id", distinct=True))["n"] or 0
    per_issue = dict(
        rows.values_list("indicator__issue_id").annotate(n=Count("fund_id", distinct=True)).order_by()
    )
    return total, per_issue


def plans_by_issue(scope: Scope) -> dict[int, tuple[int, Decimal]]:
    rows = (
        Plan.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
        .values_list("issue_id")
        .annotate(n=Count("id"), budget=Sum("budget"))
        .order_by()
    )
    return {issue: (n, budget or ZERO) for issue, n, budget in rows}


def projects_by_status(scope: Scope) -> dict[str, tuple[int, Decimal, Decimal]]:
    """Proposals of the year per status: count, requested and approved budget (1 query)."""
    rows = (
        Project.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
        .values_list("status")
        .annotate(n=Count("id"), requested=Sum("requested_budget"), approved=Sum("approved_budget"))
        .order_by()
    )
    return {status: (n, requested or ZERO, approved or ZERO) for status, n, requested, approved in rows}


def _figures(path: str = "", *, distinct: bool = False) -> dict[str, Any]:
    """Aggregates of proposals and of approved projects with their budgets; `path` leads to the
    project (`"project__"` from a project ↔ plan link, whose rows repeat a project: `distinct`)."""
    approved = _approved_q(path)
    return {
        "proposals": Count(f"{path}id", distinct=distinct),
        "approved": Count(f"{path}id", distinct=distinct, filter=approved),
        "requested": Sum(f"{path}requested_budget", filter=approved),
        "approved_budget": Sum(f"{path}approved_budget", filter=approved),
    }


def _by_key(rows: Any) -> dict[Any, dict[str, Any]]:
    """`{key: figures}` from `values_list(key).annotate(**_figures())` rows."""
    return {
        key: {"proposals": p, "approved": n, "requested": r or ZERO, "approved_budget": b or ZERO}
        for key, p, n, r, b in rows.order_by()
    }


def _add_spent_and_reports(scope: Scope, key: str, result: dict[Any, dict[str, Any]]) -> None:
    """Money spent and activities reported by the approved projects, per `key` (a path from the
    project, e.g. `"support_type_id"` or `"plans__issue_id"`), into `result` (2 queries)."""
    for figure, model, path, total, empty in (
        ("spent", ReportSpending, "report__project__", Sum("amount"), ZERO),
        ("reports", ActivityReport, "project__", Count("id"), 0),
    ):
        rows = (
            model.objects.filter(  # type: ignore[attr-defined]
                scope.q(f"{path}fund__"),
                **{f"{path}fiscal_year": scope.fiscal_year, f"{path}status__in": APPROVED_STATUSES},
            )
            .values_list(f"{path}{key}")
            .annotate(total=total)
            .order_by()
        )
        for k, value in rows:
            result.setdefault(k, {})[figure] = value or empty


def projects_by_issue(scope: Scope) -> dict[Any, dict[str, Any]]:
    """Per issue, through the plans each project belongs to: proposals, approved projects and
    their budgets, money spent and activities reported (4 queries). A project counts once under
    each of its issues; projects in no plan are under the key None."""
    links = Project.plans.through.objects.filter(
        scope.q("project__fund__"), project__fiscal_year=scope.fiscal_year
    )
    result = _by_key(links.values_list("plan__issue_id").annotate(**_figures("project__", distinct=True)))
    # Projects in no plan at all, so that the issue table accounts for every project.
    unplanned = Project.objects.filter(
        scope.q("fund__"), fiscal_year=scope.fiscal_year, plans__isnull=True
    ).aggregate(**_figures())
    if unplanned["proposals"]:
        result[None] = {k: v if v is not None else ZERO for k, v in unplanned.items()}
    _add_spent_and_reports(scope, "plans__issue_id", result)
    return result


def projects_by_support_type(scope: Scope) -> dict[Any, dict[str, Any]]:
    """Per support type (each project has at most one, so these add up to the totals; 3 queries)."""
    projects = Project.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
    result = _by_key(projects.values_list("support_type_id").annotate(**_figures()))
    _add_spent_and_reports(scope, "support_type_id", result)
    return result


_CHILD_KEY = {"nation": "region_id", "region": "province_id", "province": "district_id", "district": "id"}
_CHILD_LEVEL = {"nation": "region", "region": "province", "province": "district", "district": "fund"}


def children_table(scope: Scope, *, rollup: bool = False) -> list[ChildRow]:
    """The areas one level down (regions, provinces, districts, or the funds of a district) with
    funds, plans, proposals and approved projects (4 queries)."""
    if scope.level == "fund":
        return []
    key = _CHILD_KEY[scope.level]
    level = _CHILD_LEVEL[scope.level]
    rows: dict[Any, ChildRow] = {}
    labels: dict[Any, str] = {}
    codes: dict[Any, str] = {}
    if level == "region":
        labels = {r.pk: str(r) for r in Region.objects.all()}
    elif level == "province":
        labels = dict(Province.objects.filter(region_id=scope.code).values_list("code", "name_th"))
    elif level == "district":
        labels = dict(District.objects.filter(province_id=scope.code).values_list("code", "name_th"))
    else:
        funds = Fund.objects.filter(scope.q(), is_active=True).values_list("id", "code", "name", "lg_name")
        for pk, code, name, lg_name in funds:
            # Within a district the local government's name is enough, and far shorter on a phone.
            labels[pk], codes[pk] = lg_name or name, code
    for k, label in labels.items():
        rows[k] = ChildRow(key=codes.get(k, k), label=label, level=level)
    for k, n in (
        Fund.objects.filter(scope.q(), is_active=True).values_list(key).annotate(n=Count("id")).order_by()
    ):
        if k in rows:
            rows[k].funds = n
    for k, n in (
        Plan.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
        .values_list(f"fund__{key}")
        .annotate(n=Count("id"))
        .order_by()
    ):
        if k in rows:
            rows[k].plans = n
    projects = (
        ProjectRollup.objects.filter(scope.q(), fiscal_year=scope.fiscal_year)
        .values_list(key)
        .annotate(
            n_proposals=Sum("projects"),
            n_approved=Sum("projects", filter=_approved_q()),
            s_budget=Sum("approved", filter=_approved_q()),
        )
        if rollup
        else Project.objects.filter(scope.q("fund__"), fiscal_year=scope.fiscal_year)
        .values_list(f"fund__{key}")
        .annotate(
            proposals=Count("id"),
            approved=Count("id", filter=_approved_q()),
            budget=Sum("approved_budget", filter=_approved_q()),
        )
    )
    for k, proposals, approved, budget in projects.order_by():
        if k in rows:
            rows[k].proposals, rows[k].approved = proposals or 0, approved or 0
            rows[k].approved_budget = budget or ZERO
    return sorted(rows.values(), key=lambda r: (-r.approved, r.label))


def reads_rollups(scope: Scope) -> bool:
    """The nation, regions and provinces read the roll-ups (kept by every write, see
    dashboards.services); a district or a fund is small enough to read the live tables."""
    return scope.level in ("nation", "region", "province")


def _rollup_groups(
    model: type[ProjectRollup] | type[IssueRollup], scope: Scope, key: str
) -> dict[Any, dict[str, Any]]:
    """Per `key` from a roll-up table, the same figures as the live selectors (one query)."""
    approved = _approved_q()
    rows = (
        model.objects.filter(scope.q(), fiscal_year=scope.fiscal_year)  # type: ignore[attr-defined]
        .values_list(key)
        .annotate(
            n_proposals=Sum("projects"),
            n_approved=Sum("projects", filter=approved),
            s_requested=Sum("requested", filter=approved),
            s_approved=Sum("approved", filter=approved),
            s_spent=Sum("spent", filter=approved),
            n_reports=Sum("reports", filter=approved),
        )
        .order_by()
    )
    return {
        k: {
            "proposals": proposals or 0,
            "approved": n or 0,
            "requested": requested or ZERO,
            "approved_budget": approved_budget or ZERO,
            "spent": spent or ZERO,
            "reports": reports or 0,
        }
        for k, proposals, n, requested, approved_budget, spent, reports in rows
    }


def rollup_by_status(scope: Scope) -> dict[str, tuple[int, Decimal, Decimal]]:
    rows = (
        ProjectRollup.objects.filter(scope.q(), fiscal_year=scope.fiscal_year)
        .values_list("status")
        .annotate(n=Sum("projects"), s_requested=Sum("requested"), s_approved=Sum("approved"))
        .order_by()
    )
    return {status: (n, requested or ZERO, approved or ZERO) for status, n, requested, approved in rows}


def dashboard(scope: Scope) -> Dashboard:
    """Every figure of a dashboard page, report and API answer for one scope (about 17 queries)."""
    board = Dashboard(scope=scope)
    rollup = reads_rollups(scope)
    if rollup:
        runs = RollupRun.objects.filter(fiscal_year=scope.fiscal_year)
        board.as_of = runs.values_list("refreshed_at", flat=True).first()
    board.funds, board.funds_by_role = funds_by_role(scope)
    board.funds_with_situation, situation = situation_completeness(scope)
    plans = plans_by_issue(scope)
    board.plans = sum(n for n, _ in plans.values())
    board.plan_budget = sum((b for _, b in plans.values()), ZERO)
    statuses = rollup_by_status(scope) if rollup else projects_by_status(scope)
    board.by_status = [(s.value, str(s.label), statuses.get(s.value, (0, ZERO, ZERO))[0]) for s in Status]
    board.proposals = sum(n for n, _, _ in statuses.values())
    approved = [statuses[s] for s in APPROVED_STATUSES if s in statuses]
    board.approved = sum(n for n, _, _ in approved)
    board.requested = sum((r for _, r, _ in approved), ZERO)
    board.approved_budget = sum((a for _, _, a in approved), ZERO)

    per_issue = _rollup_groups(IssueRollup, scope, "issue_id") if rollup else projects_by_issue(scope)
    for issue in Issue.objects.all():
        p = per_issue.get(issue.pk, {})
        n_plans, budget = plans.get(issue.pk, (0, ZERO))
        if not (p or n_plans or situation.get(issue.pk)):
            continue
        board.by_issue.append(
            Row(
                key=issue.pk,
                label=issue.name_th,
                plans=n_plans,
                plan_budget=budget,
                situation_funds=situation.get(issue.pk, 0),
                **p,
            )
        )
    if None in per_issue:
        board.by_issue.append(Row(key=None, label=str(_("Not in any plan")), **per_issue[None]))

    per_support = (
        _rollup_groups(ProjectRollup, scope, "support_type_id") if rollup else projects_by_support_type(scope)
    )
    for support in SupportType.objects.all():
        if support.pk in per_support:
            board.by_support_type.append(
                Row(key=support.pk, label=str(support), short_label=support.code, **per_support[support.pk])
            )
    if None in per_support:
        board.by_support_type.append(Row(key=None, label=str(_("No support type yet")), **per_support[None]))
    # Each project has at most one support type, so these rows add up to the distinct totals.
    board.spent = sum((r.spent for r in board.by_support_type), ZERO)
    board.reports = sum(r.reports for r in board.by_support_type)
    board.children = children_table(scope, rollup=rollup)
    return board


# --- The lists behind the numbers -------------------------------------------------------------


def visible_projects(user: AnyUser) -> QuerySet[Project]:
    """Approved projects for everyone, plus the drafts of funds the user may VIEW."""
    projects = Project.objects.select_related("fund", "support_type")
    if is_admin(user):
        return projects
    q = Q(status__in=PUBLIC_STATUSES)
    if getattr(user, "is_authenticated", False):
        # Proposers see their own drafts; fund roles see the drafts of their funds.
        q |= fund_scope(user, Action.VIEW, prefix="fund__") | Q(proposer_id=user.pk)
    return projects.filter(q)


class ProjectFilter(WhereWhenFilter):
    """The filters of the project list behind every dashboard number (page, export and API)."""

    issue = ConfigChoiceFilter(
        label=_("Issue"), queryset=Issue.objects.all(), method="filter_issue", empty_label=ALL
    )
    no_plan = django_filters.BooleanFilter(label=_("Not in any plan"), method="filter_no_plan")

    class Meta:
        model = Project
        fields = ["region", "province", "district", "fund", "year", "issue", "status", "support_type"]

    def filter_issue(self, queryset: QuerySet[Project], name: str, value: Issue) -> QuerySet[Project]:
        # A sub-query rather than a join: a project in two plans must not appear twice.
        links = Project.plans.through.objects.filter(plan__issue=value).values("project_id")
        return queryset.filter(pk__in=links)

    def filter_no_plan(self, queryset: QuerySet[Project], name: str, value: bool | None) -> QuerySet[Project]:
        return queryset.filter(plans__isnull=True) if value else queryset


def project_rows(queryset: QuerySet[Project]) -> QuerySet[Project]:
    return queryset.order_by("-fiscal_year", "fund__code", "title")


class PlanFilter(AreaYearFilter):
    """The filters of the plan list behind the dashboards' plan counts."""

    issue = ConfigChoiceFilter(label=_("Issue"), queryset=Issue.objects.all(), empty_label=ALL)

    class Meta:
        model = Plan
        fields = ["region", "province", "district", "fund", "year", "issue"]


def plan_rows(queryset: QuerySet[Plan]) -> QuerySet[Plan]:
    return queryset.select_related("fund", "issue").order_by("-fiscal_year", "fund__code", "issue__order")


# --- The books: the NHSO export and the finance figures, from the month roll-up ----------------


def _month_rows(scope: Scope) -> QuerySet[FinanceMonth]:
    """The month rows of the funds in the scope (any year)."""
    rows = FinanceMonth.objects.all()
    if scope.fund is not None:
        return rows.filter(fund_id=scope.fund.pk)
    return rows.filter(scope.q()) if scope.area is not None else rows


@dataclass(frozen=True)
class NhsoRow:
    """One row of what NHSO's accounting program reads per fund and month (closed months only)."""

    report_id: str
    fund_code: str
    budget_year: int
    month_id: int
    balance_forward: Decimal
    revenue: Decimal
    expenditure: Decimal


def nhso_export(scope: Scope, month: int) -> list[NhsoRow]:
    """The closed month `month` (1–12) of the scope's fiscal year, one row per fund that closed it,
    in fund-code order (2 queries)."""
    rows = list(
        _month_rows(scope)
        .filter(fiscal_year=scope.fiscal_year, month=month, closed=True)
        .values_list("fund_id", "brought_forward", "income", "expense")
    )
    codes = dict(Fund.objects.filter(pk__in=[r[0] for r in rows]).values_list("id", "code"))
    result = [
        NhsoRow(
            report_id=f"{codes[fund_id]}-{scope.fiscal_year}-{month:02d}",
            fund_code=codes[fund_id],
            budget_year=scope.fiscal_year,
            month_id=month,
            balance_forward=forward,
            revenue=income,
            expenditure=expense,
        )
        for fund_id, forward, income, expense in rows
        if fund_id in codes
    ]
    return sorted(result, key=lambda r: r.fund_code)


def books_scope_for(user: AnyUser, level: str, code: str, year: int | str | None) -> Scope:
    """The scope of a read of the books' roll-up: the nation for programme admins (403 for anyone
    else), an area for those with a role over it, a fund for those who see its books (404 for
    anyone else, as everywhere)."""
    scope = scope_get(level, code, year)
    if scope.fund is not None:
        fund_for(user, scope.fund.code, Action.READ_BOOKS)
    elif scope.area is not None:
        area_for(user, scope.level, scope.code, Action.VIEW)
    elif not is_admin(user):
        raise PermissionDenied
    return scope
