"""Builders shared by the projects tests: a plan with a planned project, a complete proposal."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from types import SimpleNamespace
from typing import Any

from kongtun.accounts.models import User
from kongtun.plans.models import Plan, PlannedProject, PlanTarget
from kongtun.programme.models import Indicator, Issue, OrgType, SupportType, TargetGroup
from kongtun.projects import services
from kongtun.projects.models import Project, Status
from kongtun.situations.models import SituationValue

YEAR = 2569
START = dt.date(2025, 11, 1)
END = dt.date(2026, 8, 31)


def make_planned(story: SimpleNamespace, *, budget: str = "30000", year: int = YEAR) -> PlannedProject:
    """Fund A's tobacco plan for 2569 with one target (smokers 30 % → 25 %) and a project to do."""
    issue = Issue.objects.get(code="tobacco")
    indicator = Indicator.objects.get(code="tobacco-adults")
    SituationValue.objects.create(
        fund=story.fund_a, fiscal_year=year, indicator=indicator, value=Decimal("30")
    )
    plan = Plan.objects.create(fund=story.fund_a, fiscal_year=year, issue=issue, situation="คนสูบบุหรี่มาก")
    PlanTarget.objects.create(
        plan=plan, indicator=indicator, problem="ผู้ใหญ่สูบบุหรี่", baseline=Decimal("30"), target=Decimal("25")
    )
    return PlannedProject.objects.create(
        plan=plan,
        title="ชุมชนปลอดบุหรี่",
        support_type=SupportType.objects.order_by("order")[1],
        org_type=OrgType.objects.order_by("order")[0],
        budget=Decimal(budget),
    )


def complete(project: Project, *, amount: str = "12000") -> Project:
    """Fill every section the quality check asks for, through the services."""
    services.project_update_general(
        project=project,
        title=project.title,
        organisation="ชมรม อสม.",
        responsible_people="นางสมศรี",
        location="หมู่ 1",
    )
    services.project_update_plans(
        project=project,
        plans=list(project.plans.all()),
        support_type=project.support_type or SupportType.objects.first(),
        org_type=project.org_type or OrgType.objects.first(),
        main_target_group=TargetGroup.objects.first(),
    )
    if not project.objectives.exists():
        services.project_update_objectives(
            project=project,
            objectives=[
                {"text": "ลดผู้สูบ", "indicators": [{"name": "ร้อยละผู้สูบ", "baseline": 30, "target": 25}]}
            ],
        )
    services.project_update_target_groups(
        project=project, groups=[{"name": "ผู้ใหญ่ที่สูบบุหรี่", "planned_count": 40}]
    )
    services.project_update_period(project=project, start_date=START, end_date=END)
    services.activity_save(
        project=project,
        title="อบรมผู้สูบ",
        planned_output="ผู้สูบ 40 คนได้รับการอบรม",
        planned_output_count=40,
        start_date=dt.date(2025, 12, 1),
        end_date=dt.date(2025, 12, 1),
        budget_lines=[
            {
                "expense_group": "services",
                "description": "ค่าอาหาร",
                "quantity": 40,
                "unit_cost": Decimal(amount) / 40,
            }
        ],
    )
    services.project_update_results(project=project, expected_results="ผู้สูบลดลง")
    project.refresh_from_db()
    return project


def proposal(story: SimpleNamespace, *, user: User | None = None, **kwargs: Any) -> Project:
    project = services.project_create(
        fund=story.fund_a, user=user or story.proposer_a, title="โครงการทดสอบ", fiscal_year=YEAR
    )
    return complete(project, **kwargs)


def submitted(story: SimpleNamespace, **kwargs: Any) -> Project:
    project = proposal(story, **kwargs)
    return services.project_submit(project=project, user=story.proposer_a)


# The verb of each change in the transition table, for the tests that go through every change.
VERBS: dict[str, Callable[..., Project]] = {
    "submit": services.project_submit,
    "return": services.project_return,
    "cancel": services.project_cancel,
    "approve": services.project_approve,
    "reject": services.project_reject,
    "complete": partial(services.project_finish, status=Status.COMPLETED),
    "terminate": partial(services.project_finish, status=Status.TERMINATED),
    "suspend": partial(services.project_finish, status=Status.SUSPENDED),
    "reopen": services.project_reopen,
}


def change(name: str, *, project: Project, user: User, comment: str = "", **data: Any) -> Project:
    """Make change `name` through its verb, passing what the verb takes of `data`; `comment` is
    also the closing's note and the reopening's reason."""
    verb = VERBS[name]
    given = {"comment": comment, "note": comment, "reason": comment, **data}
    taken = inspect.signature(verb).parameters
    return verb(project=project, user=user, **{k: v for k, v in given.items() if k in taken})
