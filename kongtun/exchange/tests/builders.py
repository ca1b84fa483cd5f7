"""A fund with one record of every kind the exchange moves, made through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from kongtun.followups.models import ActivityReport
from kongtun.followups.services import report_create
from kongtun.followups.tests.factories import running_project
from kongtun.plans.models import Plan
from kongtun.plans.services import plan_save
from kongtun.programme.models import Indicator, Issue
from kongtun.projects.models import Project
from kongtun.projects.tests.helpers import make_planned, proposal
from kongtun.situations.services import situation_value_save


def fill_fund(story: SimpleNamespace) -> dict[str, Project]:
    planned = make_planned(story)  # the tobacco plan of 2569, a value of 2569
    Plan.objects.filter(pk=planned.plan_id).update(objective="ลดผู้สูบบุหรี่")
    situation_value_save(
        fund=story.fund_a,
        fiscal_year=2568,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal("31.5"),
        source='=HYPERLINK("http://evil")',
        survey_date=dt.date(2025, 3, 15),
    )
    plan_save(
        fund=story.fund_a,
        fiscal_year=2569,
        issue=Issue.objects.get(code="alcohol"),
        objective="ลดนักดื่มหน้าใหม่",
        budget=Decimal("50000"),
        targets=[],
        projects=[],
    )
    developing = proposal(story)
    developing.plans.set([planned.plan])
    running = running_project(story, code="68-L9001-001", meeting_no="3/2567", abstract="-ลดเสี่ยง")
    report_create(
        project=running,
        by=story.proposer_a,
        activity=running.activities.first(),
        date=dt.date(2025, 2, 10),
        done="=1+1 ออกกำลังกาย",
        results="ผู้สูงอายุ 28 คน",
        rating=4,
        help_needed="ขอคำแนะนำเรื่องท่าออกกำลังกาย",
        participants=[{"project_target_group": running.target_groups.first(), "actual": 28}],
        spending=[{"expense_group": "services", "amount": Decimal("4800")}],
    )
    completed = running_project(story, status="completed", title="โครงการที่ปิดแล้ว")
    ActivityReport.objects.create(
        project=completed,
        activity=completed.activities.first(),
        title="ประชุมชี้แจง",
        date=dt.date(2025, 3, 1),
        done="ชี้แจงโครงการ",
    )
    return {"developing": developing, "running": running, "completed": completed}
