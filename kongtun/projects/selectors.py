"""Reads for proposals: lists, the quality check (ความพร้อมของโครงการ), budget summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import Count, Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kongtun.accounts.models import User
from kongtun.accounts.permissions import ROLE_ACTIONS, Action, AnyUser, fund_scope, memberships
from kongtun.core.thai import fiscal_year_bounds, format_date
from kongtun.funds.models import Fund
from kongtun.funds.selectors import ALL, AreaYearFilter, user_funds
from kongtun.plans.models import PlannedProject
from kongtun.programme.models import Direction, OrgType, SupportType, TargetGroup
from kongtun.projects.models import (
    APPROVED_STATUSES,
    PUBLIC_STATUSES,
    Activity,
    BudgetLine,
    Comment,
    ExpenseGroup,
    Objective,
    Project,
    ProposalWindow,
    Status,
    Transition,
)
from kongtun.situations.models import SituationValue

# The sections of the proposal form (DOMAIN.md §6), in order: (number, key, title).
SECTIONS: list[tuple[int, str]] = [
    (1, "general"),
    (2, "plans"),
    (3, "situation"),
    (4, "objectives"),
    (5, "target_groups"),
    (6, "period"),
    (7, "activities"),
    (8, "results"),
]


def section_titles() -> dict[int, str]:
    return {
        1: _("Project, organisation and area"),
        2: _("Plans and classification"),
        3: _("Situation and rationale"),
        4: _("Objectives and indicators"),
        5: _("Target groups"),
        6: _("Project period"),
        7: _("Activities and budget"),
        8: _("Expected results"),
    }


@dataclass(frozen=True)
class Finding:
    section: int
    message: str


@dataclass
class Quality:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.errors


def project_full(pk: int) -> Project:
    """One project with every section loaded for the page, the PDF and the quality check."""
    return (
        Project.objects.select_related(
            "fund", "proposer", "support_type", "org_type", "main_target_group", "planned_project__plan"
        )
        .prefetch_related(
            "plans__issue",
            "problems",
            Prefetch("objectives", queryset=Objective.objects.prefetch_related("indicators__indicator")),
            "target_groups",
            Prefetch("activities", queryset=Activity.objects.prefetch_related("budget_lines")),
        )
        .get(pk=pk)
    )


def project_quality(project: Project) -> Quality:
    """What is missing or inconsistent. Hard errors block submission; warnings do not."""
    q = Quality()
    err, warn = q.errors.append, q.warnings.append
    # Section 1 and 2.
    if not project.title.strip():
        err(Finding(1, _("The project has no title.")))
    if not project.organisation.strip():
        warn(Finding(1, _("The proposing organisation is not given.")))
    if not project.responsible_people.strip():
        warn(Finding(1, _("The responsible people are not named.")))
    if not project.plans.exists():
        warn(Finding(2, _("The proposal belongs to no plan of the fund.")))
    if project.support_type_id is None:
        err(Finding(2, _("Choose the support type (10(1)–10(5)).")))
    if project.org_type_id is None:
        err(Finding(2, _("Choose the type of the responsible organisation.")))
    if project.main_target_group_id is None:
        err(Finding(2, _("Choose the main target group.")))
    # Section 3.
    if not project.rationale.strip() and not project.problems.exists():
        warn(Finding(3, _("The situation and rationale are empty.")))
    # Section 4.
    objectives = list(project.objectives.prefetch_related("indicators__indicator"))
    if not objectives:
        err(Finding(4, _("The proposal has no objective.")))
    for n, objective in enumerate(objectives, start=1):
        indicators = list(objective.indicators.all())
        if not indicators:
            err(Finding(4, _("Objective %(n)s has no indicator.") % {"n": n}))
        for ind in indicators:
            if ind.target is None:
                err(Finding(4, _("Indicator “%(name)s” has no target.") % {"name": ind.name}))
                continue
            if ind.baseline is None:
                warn(
                    Finding(
                        4,
                        _("Indicator “%(name)s” has no baseline from the situation data.")
                        % {"name": ind.name},
                    )
                )
                continue
            direction = ind.indicator.direction if ind.indicator else None
            not_better = (direction == Direction.LOWER and ind.target >= ind.baseline) or (
                direction == Direction.HIGHER and ind.target <= ind.baseline
            )
            if direction is None and ind.target == ind.baseline:
                not_better = True
            if not_better:
                warn(
                    Finding(
                        4,
                        _("Target %(target)s of “%(name)s” is no better than the baseline %(baseline)s.")
                        % {"name": ind.name, "target": _num(ind.target), "baseline": _num(ind.baseline)},
                    )
                )
    # Section 5.
    groups = list(project.target_groups.all())
    if not groups:
        err(Finding(5, _("The proposal has no target group.")))
    for group in groups:
        if not group.planned_count:
            err(Finding(5, _("Target group “%(name)s” has 0 persons.") % {"name": group.name}))
    # Section 6.
    start, end = project.start_date, project.end_date
    if start is None or end is None:
        err(Finding(6, _("Give the project period (from and to).")))
    elif end < start:
        err(Finding(6, _("The project ends before it starts.")))
    else:
        fy_start, fy_end = fiscal_year_bounds(project.fiscal_year)
        if start < fy_start or end > fy_end:
            warn(
                Finding(
                    6,
                    _("The period goes outside fiscal year %(year)s (%(start)s – %(end)s).")
                    % {
                        "year": project.fiscal_year,
                        "start": format_date(fy_start),
                        "end": format_date(fy_end),
                    },
                )
            )
    # Section 7.
    activities = list(project.activities.prefetch_related("budget_lines"))
    if not activities:
        err(Finding(7, _("The proposal has no activity.")))
    total = Decimal(0)
    for activity in activities:
        lines = list(activity.budget_lines.all())
        label = {"title": activity.title}
        if not activity.planned_output.strip() and not activity.planned_output_count:
            err(Finding(7, _("Activity “%(title)s” has no planned output.") % label))
        if not lines:
            err(Finding(7, _("Activity “%(title)s” has no budget lines.") % label))
        for line in lines:
            total += line.amount
            if line.unit_cost and line.quantity * line.unit_cost != line.amount:
                err(
                    Finding(
                        7,
                        _("In “%(title)s”, “%(item)s” does not add up.")
                        % {**label, "item": line.description},
                    )
                )
        if start and end:
            dates = [d for d in (activity.start_date, activity.end_date) if d is not None]
            outside = any(d < start or d > end for d in dates)
            if outside:
                err(Finding(7, _("Activity “%(title)s” falls outside the project period.") % label))
        if activity.start_date is None:
            warn(Finding(7, _("Activity “%(title)s” has no date.") % label))
    if activities and total <= 0:
        err(Finding(7, _("The budget is 0 baht.")))
    if total != project.requested_budget and any(a.budget_lines.all() for a in activities):
        err(Finding(7, _("The requested budget does not equal the sum of the budget lines.")))
    planned = project.planned_project
    if planned is not None and planned.budget and total > planned.budget:
        warn(
            Finding(
                7,
                _("The budget (%(total)s baht) is above the %(planned)s baht the plan set aside for it.")
                % {"total": _num(total), "planned": _num(planned.budget)},
            )
        )
    # Section 8.
    if not project.expected_results.strip():
        warn(Finding(8, _("The expected results are not written.")))
    return q


def _num(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def budget_by_group(project: Project) -> list[tuple[Any, Decimal]]:
    """The requested budget per expense group, in the order of the six groups."""
    rows = dict(
        BudgetLine.objects.filter(activity__project=project)
        .values_list("expense_group")
        .annotate(s=Sum("amount"))
        .values_list("expense_group", "s")
    )
    return [(label, rows.get(value) or Decimal(0)) for value, label in ExpenseGroup.choices]


def situation_values(project: Project) -> QuerySet[SituationValue]:
    """The fund's situation data for the project's year: where indicator baselines come from."""
    return (
        SituationValue.objects.filter(fund=project.fund, fiscal_year=project.fiscal_year)
        .select_related("indicator")
        .order_by("indicator__issue__order", "indicator__order")
    )


def fund_projects(fund: Fund, *, status: str = "", fiscal_year: int | None = None) -> QuerySet[Project]:
    qs = Project.objects.filter(fund=fund).select_related("proposer")
    if status:
        qs = qs.filter(status=status)
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    return qs.order_by("-fiscal_year", "status", "-updated_at")


def status_counts(fund: Fund, fiscal_year: int | None = None) -> list[tuple[str, Any, int]]:
    qs = Project.objects.filter(fund=fund)
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    counts = dict(qs.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return [(value, label, counts.get(value, 0)) for value, label in Status.choices if counts.get(value)]


def public_fund_projects(fund: Fund) -> QuerySet[Project]:
    """The fund's approved projects, newest year first: open to everyone."""
    return Project.objects.filter(fund=fund, status__in=PUBLIC_STATUSES).order_by("-fiscal_year", "code")


def may_propose(user: AnyUser) -> bool:
    """Whether to show "My proposals": the user may propose at some fund or has proposals."""
    if not user.is_authenticated:
        return False
    if any(Action.PROPOSE in ROLE_ACTIONS[m.role] for m in memberships(user)):
        return True
    return Project.objects.filter(proposer=user).exists()


def my_projects(user: User) -> QuerySet[Project]:
    return Project.objects.filter(proposer=user).select_related("fund").order_by("-updated_at")


def public_projects(*, q: str = "", fiscal_year: int | None = None) -> QuerySet[Project]:
    qs = Project.objects.filter(status__in=PUBLIC_STATUSES).select_related("fund", "support_type")
    if q:
        qs = qs.filter(title__icontains=q)
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    return qs.order_by("-fiscal_year", "code")


def scoped_projects(user: AnyUser, action: Action = Action.VIEW) -> QuerySet[Project]:
    """Projects of every fund the user may act on (for roll-ups and the API list)."""
    return Project.objects.filter(fund_scope(user, action, prefix="fund__"))


def proposal_windows(fund: Fund) -> QuerySet[ProposalWindow]:
    return ProposalWindow.objects.filter(fund=fund).order_by("-opens_on")


def open_window(fund: Fund, fiscal_year: int, today: Any) -> ProposalWindow | None:
    return ProposalWindow.objects.filter(
        fund=fund, fiscal_year=fiscal_year, opens_on__lte=today, closes_on__gte=today
    ).first()


def planned_projects_to_propose(fund: Fund, fiscal_year: int) -> QuerySet[PlannedProject]:
    """The "projects to do" of the fund's plans from `fiscal_year` on, each with how many proposals
    were already started from it: where a proposer can start from the plan."""
    return (
        PlannedProject.objects.filter(plan__fund=fund, plan__fiscal_year__gte=fiscal_year)
        .select_related("plan__issue", "support_type")
        .annotate(proposal_count=Count("proposals"))
        .order_by("plan__fiscal_year", "plan__issue__order", "order", "pk")
    )


def activities_with_totals(project: Project) -> QuerySet[Activity]:
    """The project's activities, each with `total` (the sum of its budget lines) and its lines."""
    return project.activities.annotate(total=Sum("budget_lines__amount")).prefetch_related("budget_lines")


def revision_request(project: Project) -> Transition | None:
    """The officer's latest "return for revision", while the proposal is being revised."""
    if project.status != Status.REVISE:
        return None
    return (
        project.transitions.filter(to_status=Status.REVISE)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )


def classification_choices() -> dict[str, QuerySet[Any]]:
    """Every NHSO classification option, for the tick boxes of the printed form."""
    return {
        "org_types": OrgType.objects.filter(is_active=True).order_by("order"),
        "support_types": SupportType.objects.filter(is_active=True).order_by("order"),
        "target_groups": TargetGroup.objects.filter(is_active=True).order_by("order"),
    }


def funds_to_propose(user: AnyUser, limit: int = 3) -> list[Fund]:
    """The funds the user may send proposals to, for "New proposal" buttons; none when there are
    more than `limit` (officers of a district or admins start from the fund's own page)."""
    funds = list(user_funds(user, Action.PROPOSE).order_by("name")[: limit + 1])
    return funds if len(funds) <= limit else []


def project_comments(project: Project) -> QuerySet[Comment]:
    """The comments on the proposal's sections, each with its answers."""
    return project.comments.filter(reply_to=None).select_related("author").prefetch_related("replies__author")


APPROVED = "approved"  # the pseudo-status of project lists: every approved status


class WhereWhenFilter(AreaYearFilter):
    """The area and year filters with status and support type: the project list behind the
    dashboards and search share them."""

    status = django_filters.ChoiceFilter(
        label=_lazy("Status"),
        choices=[(APPROVED, _lazy("Approved (all)")), *Status.choices],
        method="filter_status",
        empty_label=ALL,
    )
    support_type = django_filters.ModelChoiceFilter(
        label=_lazy("Support type"), queryset=SupportType.objects.all(), empty_label=ALL
    )

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == APPROVED:
            return queryset.filter(status__in=APPROVED_STATUSES)
        return queryset.filter(status=value)
