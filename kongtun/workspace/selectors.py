"""Reads for the home page: a signed-in user's workspace, their funds with this year's to-dos.

Each block (situation, plans, proposals, late reports) is one query over all the funds shown, so
the page costs the same for one fund as for twenty. Read-only use of the other apps' models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from kongtun.accounts.permissions import Action, AnyUser
from kongtun.funds.models import Fund
from kongtun.funds.selectors import user_funds
from kongtun.plans.selectors import plan_counts
from kongtun.projects.models import Status
from kongtun.projects.selectors import scoped_projects
from kongtun.situations.selectors import issues_with_data, year_issues

WORKSPACE_FUNDS = 20


@dataclass
class FundTodo:
    fund: Fund
    issues_total: int
    issues_with_data: int = 0
    plans: int = 0
    proposals_waiting: int = 0
    reports_late: int = 0

    @property
    def situation_done(self) -> bool:
        return self.issues_with_data >= self.issues_total

    @property
    def plans_done(self) -> bool:
        return self.plans >= self.issues_total


def _per_fund(projects: Any) -> dict[int, int]:
    return dict(projects.values_list("fund_id").annotate(n=Count("pk")).values_list("fund_id", "n"))


def workspace(*, user: AnyUser, fiscal_year: int, today: dt.date) -> list[FundTodo]:
    """The user's funds (up to 20) with this fiscal year's to-dos: situation completeness, plans
    written, proposals waiting for the fund, running projects whose report is past due (as in
    `followups.selectors.project_progress`)."""
    funds = list(user_funds(user).order_by("code")[:WORKSPACE_FUNDS])
    if not funds:
        return []
    ids = [f.pk for f in funds]
    issues = year_issues(fiscal_year)
    data = issues_with_data(funds=Q(fund_id__in=ids), fiscal_year=fiscal_year, issues=issues)
    plans = plan_counts(fund_ids=ids, fiscal_year=fiscal_year)
    projects = scoped_projects(user, Action.VIEW).filter(fund_id__in=ids)
    waiting = _per_fund(projects.filter(status=Status.SUBMITTED))
    late = _per_fund(projects.filter(status=Status.RUNNING, report_due_date__lt=today))
    return [
        FundTodo(
            fund=f,
            issues_total=len(issues),
            issues_with_data=data.get(f.pk, 0),
            plans=plans.get(f.pk, 0),
            proposals_waiting=waiting.get(f.pk, 0),
            reports_late=late.get(f.pk, 0),
        )
        for f in funds
    ]
