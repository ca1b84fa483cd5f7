"""Running projects made directly with the ORM, as the follow-up tests need them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kongtun.projects.models import (
    Activity,
    BudgetLine,
    Objective,
    ObjectiveIndicator,
    Project,
    ProjectTargetGroup,
)


def running_project(story: Any, **extra: Any) -> Project:
    fields: dict[str, Any] = {
        "fund": story.fund_a,
        "fiscal_year": 2568,
        "title": "โครงการออกกำลังกายเพื่อสุขภาพผู้สูงอายุ",
        "status": "running",
        "proposer": story.proposer_a,
        "organisation": "ชมรมผู้สูงอายุบ้านนา",
        "requested_budget": Decimal("10000"),
        "approved_budget": Decimal("10000"),
        "start_date": dt.date(2025, 1, 1),
        "end_date": dt.date(2025, 9, 30),
        "report_due_date": dt.date(2025, 10, 31),
    }
    fields.update(extra)
    project = Project.objects.create(**fields)
    objective = Objective.objects.create(project=project, text="เพื่อให้ผู้สูงอายุออกกำลังกายสม่ำเสมอ", order=1)
    ObjectiveIndicator.objects.create(
        objective=objective, name="ร้อยละผู้สูงอายุที่ออกกำลังกาย", unit="ร้อยละ", baseline=30, target=60
    )
    ProjectTargetGroup.objects.create(project=project, name="ผู้สูงอายุ", planned_count=30)
    for order, title in enumerate(["ประชุมชี้แจง", "ออกกำลังกายร่วมกัน"], start=1):
        activity = Activity.objects.create(
            project=project,
            order=order,
            title=title,
            planned_output="ผู้สูงอายุเข้าร่วม 30 คน",
            planned_output_count=30,
            start_date=dt.date(2025, order * 2, 1),
            end_date=dt.date(2025, order * 2, 28),
        )
        BudgetLine.objects.create(
            activity=activity,
            expense_group="services",
            description="ค่าอาหารว่าง",
            quantity=100,
            unit_cost=50,
            amount=5000,
        )
    return project
