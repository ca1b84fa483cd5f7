"""Test data for roll-ups and search, written with the ORM (not other apps' services).

District จะนะ, fiscal year 2568:
- p1 (fund A, running, 9,000 approved) is in the tobacco AND the physical-activity plan;
- p2 (fund A, completed, 5,000) tobacco; p3 (fund A, developing draft) tobacco;
- p5 (fund A2, running, 6,000) tobacco; p6 (fund A, running, 1,000) in no plan;
- p4 (fund B, พัทลุง, running, 7,000) tobacco — outside จะนะ.
Spending: p1 1,000 + 500 (two lines, one report), p2 2,000 (one report).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from kongtun.dashboards.services import rollup_refresh
from kongtun.followups.models import ActivityReport, ReportSpending
from kongtun.funds.models import FundYear, ProgrammeRole
from kongtun.plans.models import Plan
from kongtun.programme.models import Indicator, Issue, ProgrammeYear, SupportType, TargetGroup
from kongtun.projects.models import Project, Status
from kongtun.situations.models import SituationValue

YEAR = 2568


def make_project(
    fund: Any,
    title: str,
    status: str,
    *,
    plans: list[Plan] | None = None,
    approved: str | None = None,
    support: SupportType | None = None,
    **extra: Any,
) -> Project:
    project = Project.objects.create(
        fund=fund,
        fiscal_year=YEAR,
        title=title,
        status=status,
        support_type=support,
        requested_budget=Decimal(approved or "500"),
        approved_budget=Decimal(approved) if approved else None,
        **extra,
    )
    project.plans.set(plans or [])
    return project


def rollup_data(story: SimpleNamespace) -> SimpleNamespace:
    tobacco = Issue.objects.get(code="tobacco")
    activity = Issue.objects.get(code="activity")
    ProgrammeYear.objects.get_or_create(fiscal_year=YEAR)
    s2 = SupportType.objects.get(code="10(2)")
    s1 = SupportType.objects.get(code="10(1)")
    elderly = TargetGroup.objects.get(code="elderly")
    plan_a_tob = Plan.objects.create(
        fund=story.fund_a, fiscal_year=YEAR, issue=tobacco, budget=Decimal("20000")
    )
    plan_a_act = Plan.objects.create(
        fund=story.fund_a, fiscal_year=YEAR, issue=activity, budget=Decimal("10000")
    )
    plan_a2_tob = Plan.objects.create(
        fund=story.fund_a2, fiscal_year=YEAR, issue=tobacco, budget=Decimal("5000")
    )
    plan_b_tob = Plan.objects.create(
        fund=story.fund_b, fiscal_year=YEAR, issue=tobacco, budget=Decimal("8000")
    )
    p1 = make_project(
        story.fund_a,
        "โครงการส่งเสริมสุขภาพผู้สูงอายุตำบลหนองบัว",
        Status.RUNNING,
        plans=[plan_a_tob, plan_a_act],
        approved="9000",
        support=s2,
        main_target_group=elderly,
        rationale="ผู้สูงอายุในตำบลสูบบุหรี่และออกกำลังกายน้อย",
        proposer=story.proposer_a,
    )
    p2 = make_project(
        story.fund_a,
        "โครงการลดการสูบบุหรี่ในชุมชน",
        Status.COMPLETED,
        plans=[plan_a_tob],
        approved="5000",
        support=s2,
    )
    p3 = make_project(
        story.fund_a,
        "โครงการร่างเรื่องบุหรี่ไฟฟ้าในโรงเรียน",
        Status.DEVELOPING,
        plans=[plan_a_tob],
        support=s1,
        proposer=story.proposer_a,
    )
    p4 = make_project(
        story.fund_b, "โครงการบ้านปลอดบุหรี่พัทลุง", Status.RUNNING, plans=[plan_b_tob], approved="7000", support=s2
    )
    p5 = make_project(
        story.fund_a2,
        "โครงการชุมชนปลอดควันบุหรี่ป่าชิง",
        Status.RUNNING,
        plans=[plan_a2_tob],
        approved="6000",
        support=s1,
    )
    p6 = make_project(story.fund_a, "โครงการรถเข็นสุขภาพ", Status.RUNNING, approved="1000")
    r1 = ActivityReport.objects.create(
        project=p1,
        title="อบรมผู้สูงอายุเรื่องการออกกำลังกาย",
        date=dt.date(2025, 1, 10),
        done="อบรมแกนนำผู้สูงอายุ 30 คน",
        results="ผู้สูงอายุออกกำลังกายทุกเช้า",
    )
    ReportSpending.objects.create(report=r1, expense_group="services", amount=Decimal("1000"))
    ReportSpending.objects.create(report=r1, expense_group="materials", amount=Decimal("500"))
    r2 = ActivityReport.objects.create(project=p2, title="รณรงค์งดบุหรี่", date=dt.date(2025, 2, 1))
    ReportSpending.objects.create(report=r2, expense_group="services", amount=Decimal("2000"))
    FundYear.objects.create(fund=story.fund_a, fiscal_year=YEAR, programme_role=ProgrammeRole.EXPANSION)
    FundYear.objects.create(
        fund=story.fund_a2, fiscal_year=YEAR, programme_role=ProgrammeRole.LEARNING_CENTRE
    )
    SituationValue.objects.create(
        fund=story.fund_a,
        fiscal_year=YEAR,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal("18.5"),
    )
    # Written past the services, as a bulk import is: rolled up as after one (`dashboards_refresh`).
    rollup_refresh(fiscal_year=YEAR)
    return SimpleNamespace(
        tobacco=tobacco,
        activity=activity,
        s1=s1,
        s2=s2,
        elderly=elderly,
        p1=p1,
        p2=p2,
        p3=p3,
        p4=p4,
        p5=p5,
        p6=p6,
        r1=r1,
        r2=r2,
        plan_a_tob=plan_a_tob,
    )
