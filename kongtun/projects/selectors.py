"""Reads for proposals: lists, budget summaries, the comments and the history of changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import Count, Prefetch, QuerySet, Sum, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kongtun.accounts.models import User
from kongtun.accounts.permissions import ROLE_ACTIONS, Action, AnyUser, fund_scope, memberships
from kongtun.core.choices import ConfigChoiceFilter
from kongtun.core.history import Change, changes
from kongtun.funds.models import Fund
from kongtun.funds.selectors import ALL, AreaYearFilter, user_funds
from kongtun.plans.models import PlannedProject
from kongtun.programme.models import OrgType, SupportType, TargetGroup
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


# What every page of one project shows: its fund's place (the breadcrumb) and its classification.
PROJECT_RELATED = (
    "fund__district__province__region",
    "proposer",
    "support_type",
    "org_type",
    "main_target_group",
    "planned_project__plan",
)


def project_sections(project: Project) -> Project:
    """The project (as `project_for` fetched it) with every section loaded for the page, the PDF
    and the quality check, without reading the project again."""
    prefetch_related_objects(
        [project],
        "plans__issue",
        "problems",
        Prefetch("objectives", queryset=Objective.objects.prefetch_related("indicators__indicator")),
        "target_groups",
        Prefetch("activities", queryset=Activity.objects.prefetch_related("budget_lines")),
    )
    return project


def project_full(pk: int) -> Project:
    """One project read afresh with every section loaded (the API's answer after a write)."""
    return project_sections(Project.objects.select_related(*PROJECT_RELATED).get(pk=pk))


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


def project_changes(project: Project) -> list[Change]:
    """The audit trail of the project and its parts (activities, budget lines, comments, and what
    the follow-up adds: payment periods, reports, spending, photos), newest first."""
    return changes("project", project)


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
    support_type = ConfigChoiceFilter(
        label=_lazy("Support type"), queryset=SupportType.objects.all(), empty_label=ALL
    )

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == APPROVED:
            return queryset.filter(status__in=APPROVED_STATUSES)
        return queryset.filter(status=value)
