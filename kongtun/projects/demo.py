"""Demo proposals and projects (small size only): demo fund A gets a proposal in every status, and
about a third of the other demo funds get a few running projects. Everything goes through the
services, so budgets, codes and the transition history are what real use would give.

Deterministic and idempotent: a project is only made when its fund has no project of that title;
it works with or without the plans step (planned projects are used when there are some).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import translation

from kongtun.accounts.models import Role, User
from kongtun.core.demo import SMALL_DISTRICTS, demo_years, rng_for
from kongtun.core.thai import fiscal_year_bounds
from kongtun.funds.models import Fund
from kongtun.plans.models import PlannedProject
from kongtun.programme.models import Direction, Indicator, OrgType, SupportType, TargetGroup
from kongtun.projects import services
from kongtun.projects.models import Project, Status
from kongtun.situations.models import SituationValue

# The way each demo project of fund A ends up, in order.
FUND_A_STATUSES = [
    Status.RUNNING,
    Status.RUNNING,
    Status.RUNNING,
    Status.SUBMITTED,
    Status.REVISE,
    Status.DEVELOPING,
    Status.REJECTED,
    Status.CANCELLED,
]
# Each title with the issue it works on: a project sits only under a plan of its own issue.
TITLES = [
    ("ชุมชนปลอดบุหรี่ บ้านควนหัวช้าง", "tobacco"),
    ("ลดหวาน มัน เค็ม ในกลุ่มเสี่ยงเบาหวานและความดัน", "food"),
    ("ผู้สูงอายุแข็งแรง ด้วยการออกกำลังกายยางยืด", "activity"),
    ("หนูน้อยฟันดี กินผักผลไม้ ศูนย์พัฒนาเด็กเล็ก", "food"),
    ("ขยะเป็นศูนย์ ครัวเรือนคัดแยกขยะต้นทาง", "waste"),
    ("ถนนปลอดภัย สวมหมวกกันน็อก 100 เปอร์เซ็นต์", "road"),
    ("เยาวชนห่างไกลยาเสพติด ด้วยกีฬาและดนตรี", "drugs"),
    ("คัดกรองภาวะซึมเศร้าในผู้สูงอายุ", "mental"),
    ("ชมรมเดินวิ่งเพื่อสุขภาพ หมู่บ้านละ 1 ชมรม", "activity"),
    ("งานบุญปลอดเหล้า", "alcohol"),
]
ACTIVITIES = [
    ("ประชุมชี้แจงคณะทำงานและแกนนำ", "แกนนำ %s คนเข้าใจแผนงาน"),
    ("อบรมให้ความรู้กลุ่มเป้าหมาย", "กลุ่มเป้าหมาย %s คนผ่านการอบรม"),
    ("สำรวจและคัดกรองกลุ่มเสี่ยง", "คัดกรองครบ %s คน"),
    ("รณรงค์ประชาสัมพันธ์ในชุมชน", "ผู้ร่วมรณรงค์ %s คน"),
    ("ติดตามเยี่ยมบ้านกลุ่มเสี่ยง", "เยี่ยมบ้าน %s ครัวเรือน"),
    ("ถอดบทเรียนและคืนข้อมูลให้ชุมชน", "ผู้ร่วมเวที %s คน"),
]
LINES = [
    ("services", "ค่าอาหารกลางวัน", Decimal("60")),
    ("services", "ค่าอาหารว่างและเครื่องดื่ม", Decimal("25")),
    ("remuneration", "ค่าตอบแทนวิทยากร (ชั่วโมง)", Decimal("600")),
    ("materials", "ค่าวัสดุอุปกรณ์", Decimal("35")),
    ("materials", "ค่าป้ายไวนิล", Decimal("450")),
]


def _actor() -> User | None:
    return User.objects.filter(memberships__role=Role.ADMIN).order_by("pk").first()


def _fund_a_proposer(fund: Fund) -> User | None:
    return User.objects.filter(memberships__role=Role.PROPOSER, memberships__fund=fund).order_by("pk").first()


def _objectives(fund: Fund, fiscal_year: int, issue: str, rng: Any) -> list[dict[str, Any]]:
    """Objectives on the indicators of the project's issue, from the fund's situation values."""
    values = list(
        SituationValue.objects.filter(fund=fund, fiscal_year=fiscal_year, indicator__issue__code=issue)
        .select_related("indicator")
        .order_by("pk")
    )
    if values:
        chosen = rng.sample(values, min(2, len(values)))
        pairs = [(v.indicator, v.value) for v in chosen]
    else:
        indicators = list(Indicator.objects.filter(is_active=True, issue__code=issue).order_by("code"))
        pairs = [(i, Decimal(rng.randrange(15, 60))) for i in rng.sample(indicators, min(2, len(indicators)))]
    objectives = []
    for indicator, baseline in pairs:
        step = indicator.typical_change or Decimal(3)
        target = baseline - step if indicator.direction == Direction.LOWER else baseline + step
        target = max(target, Decimal(0))
        verb = "ลด" if indicator.direction == Direction.LOWER else "เพิ่ม"
        objectives.append(
            {
                "text": f"เพื่อ{verb}{indicator.name}",
                "indicators": [{"indicator": indicator, "baseline": baseline, "target": target}],
            }
        )
    return objectives


def _fill(project: Project, issue: str, rng: Any) -> Project:
    """Every section, complete enough to pass the quality check."""
    start, end = fiscal_year_bounds(project.fiscal_year)
    start = start + dt.timedelta(days=45)
    end = end - dt.timedelta(days=30)
    services.project_update_general(
        project=project,
        title=project.title,
        organisation=project.organisation
        or rng.choice(["ชมรม อสม.", "รพ.สต.", "โรงเรียนบ้านนา", "ชมรมผู้สูงอายุ"]),
        responsible_people="นางสาวสมใจ ใจดี (ประธาน)\nนายสมชาย รักถิ่น (เลขานุการ)",
        location=f"หมู่ {rng.randint(1, 9)}",
    )
    services.project_update_plans(
        project=project,
        plans=list(project.plans.all()),
        support_type=project.support_type or SupportType.objects.order_by("order")[1],
        org_type=project.org_type or rng.choice(list(OrgType.objects.order_by("order"))),
        main_target_group=rng.choice(list(TargetGroup.objects.order_by("order"))),
    )
    if not project.objectives.exists():
        services.project_update_objectives(
            project=project, objectives=_objectives(project.fund, project.fiscal_year, issue, rng)
        )
    if not project.rationale:
        services.project_update_situation(
            project=project,
            rationale="ข้อมูลสถานการณ์ของตำบลชี้ว่าปัญหานี้ยังสูงกว่าค่าเฉลี่ยของอำเภอ ชุมชนจึงร่วมกันจัดทำโครงการนี้",
            problems=[
                {"problem": p.problem, "size": p.size, "indicator": p.indicator}
                for p in project.problems.all()
            ],
        )
    people = rng.randrange(30, 120)
    services.project_update_target_groups(
        project=project,
        groups=[
            {"name": "กลุ่มเสี่ยงในชุมชน", "planned_count": people},
            {"name": "แกนนำ อสม.", "planned_count": rng.randrange(10, 25)},
        ],
    )
    services.project_update_period(project=project, start_date=start, end_date=end)
    count = rng.randint(3, 6)
    span = (end - start).days
    for n, (title, output) in enumerate(rng.sample(ACTIVITIES, count)):
        day = start + dt.timedelta(days=span * n // count)
        lines = []
        for group, item, cost in rng.sample(LINES, rng.randint(1, 3)):
            quantity = Decimal(people if cost < 100 else rng.randint(1, 6))
            lines.append(
                {"expense_group": group, "description": item, "quantity": quantity, "unit_cost": cost}
            )
        services.activity_save(
            project=project,
            title=title,
            details="ดำเนินการร่วมกับ รพ.สต. และผู้นำชุมชน",
            planned_output=output % people,
            planned_output_count=people,
            start_date=day,
            end_date=day,
            budget_lines=lines,
        )
    services.project_update_results(
        project=project,
        expected_results="กลุ่มเป้าหมายมีความรู้และปรับพฤติกรรม ตัวชี้วัดของตำบลดีขึ้นตามเป้าหมาย",
    )
    project.refresh_from_db()
    return project


def _move(project: Project, status: str, actor: User, proposer: User, rng: Any) -> None:
    """Take a complete proposal along the transition table to `status`."""
    if status == Status.DEVELOPING:
        return
    year_start, _ = fiscal_year_bounds(project.fiscal_year)
    meeting = year_start + dt.timedelta(days=40)
    project = services.project_submit(project=project, user=proposer, today=meeting)
    if status == Status.SUBMITTED:
        return
    if status == Status.REVISE:
        services.project_return(project=project, user=actor, comment="ขอให้ระบุตัวชี้วัดและกลุ่มเป้าหมายให้ชัดเจนขึ้น")
    elif status == Status.CANCELLED:
        services.project_cancel(project=project, user=actor, comment="ผู้เสนอขอถอนโครงการ")
    elif status == Status.REJECTED:
        services.project_reject(
            project=project,
            user=actor,
            comment="ซ้ำซ้อนกับโครงการที่ได้รับงบประมาณจากหน่วยงานอื่นแล้ว",
            meeting_no=f"{rng.randint(1, 4)}/{project.fiscal_year}",
            meeting_date=meeting,
        )
    elif status == Status.RUNNING:
        cut = Decimal(rng.choice([100, 100, 95, 90])) / 100
        services.project_approve(
            project=project,
            user=actor,
            meeting_no=f"{rng.randint(1, 4)}/{project.fiscal_year}",
            meeting_date=meeting,
            approved_budget=(project.requested_budget * cut).quantize(Decimal("1")),
            report_due_date=fiscal_year_bounds(project.fiscal_year)[1],
        )


def _make(
    fund: Fund, entry: tuple[str, str], status: str, *, actor: User, proposer: User | None, index: int
) -> None:
    title, issue = entry
    if Project.objects.filter(fund=fund, title=title).exists():
        return
    rng = rng_for("projects", fund.code, index)
    fiscal_year = demo_years()[-1]
    # A project to do of the fund's plan on the project's issue, if the fund planned that issue.
    planned = (
        PlannedProject.objects.filter(
            plan__fund=fund, plan__fiscal_year=fiscal_year, plan__issue__code=issue, proposals__isnull=True
        )
        .order_by("pk")
        .first()
    )
    author = proposer or actor
    if planned is not None:
        project = services.project_create_from_planned(planned_project=planned, user=author)
        services.project_update_general(project=project, title=title)
        project.title = title
    else:
        project = services.project_create(fund=fund, user=author, title=title, fiscal_year=fiscal_year)
    project = _fill(project, issue, rng)
    _move(project, status, actor, author, rng)
    if proposer is None:
        Project.objects.filter(pk=project.pk).update(proposer=None)


@transaction.atomic
def load(size: str) -> None:
    if size != "small":
        return
    actor = _actor()
    if actor is None:
        return
    funds = list(Fund.objects.filter(district_id__in=SMALL_DISTRICTS).order_by("code"))
    if not funds:
        return
    fund_a = Fund.objects.filter(district_id="9003").order_by("code").first() or funds[0]
    with translation.override("th"):
        proposer = _fund_a_proposer(fund_a)
        for index, status in enumerate(FUND_A_STATUSES):
            _make(fund_a, TITLES[index], status, actor=actor, proposer=proposer, index=index)
        for fund in funds[1::3]:
            rng = rng_for("projects", fund.code)
            for index in range(rng.randint(2, 4)):
                entry = TITLES[(index + rng.randrange(len(TITLES))) % len(TITLES)]
                status = Status.RUNNING if index < 2 else rng.choice([Status.SUBMITTED, Status.DEVELOPING])
                _make(fund, entry, status, actor=actor, proposer=None, index=index)
