"""Demo plans: about half the demo funds plan 3–4 issues of the current fiscal year, with targets
suggested from their situation data and two projects to do each."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from kongtun.core.demo import SMALL_DISTRICTS, demo_years, rng_for
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.plans.selectors import objective_examples, target_initial
from kongtun.plans.services import plan_save
from kongtun.programme.models import Indicator, Issue, IssueKind, OrgType, SupportType
from kongtun.situations.selectors import year_issues

PROJECTS = ["รณรงค์สร้างความรู้เรื่อง%s", "พัฒนาแกนนำชุมชนด้าน%s", "ติดตามและคัดกรองกลุ่มเสี่ยงด้าน%s"]


def load(size: str) -> None:
    if size != "small":
        return
    plan_year = demo_years()[-1]
    issues = [i for i in year_issues(plan_year) if i.kind == IssueKind.ISSUE]
    support_types = list(SupportType.objects.filter(is_active=True).order_by("order")[:3])
    org_types = list(OrgType.objects.filter(is_active=True).order_by("order"))
    if not issues or not support_types or not org_types:
        return
    funds = Fund.objects.filter(district_id__in=SMALL_DISTRICTS).order_by("code")
    for fund in list(funds)[::2]:  # every other fund: about half, and the first demo fund among them
        rng = rng_for("plans", fund.code)
        for issue in rng.sample(issues, rng.choice([3, 4])):
            if Plan.objects.filter(fund=fund, fiscal_year=plan_year, issue=issue).exists():
                continue
            rows = target_initial(fund=fund, fiscal_year=plan_year, issue=issue)
            targets = [{**r, "target": r["suggestion"]} for r in rows]
            budget = Decimal(rng.randrange(30, 120) * 1000)
            titles = rng.sample(PROJECTS, 2)
            projects = [
                {
                    "title": title % issue.name_th,
                    "support_type": rng.choice(support_types),
                    "org_type": rng.choice(org_types),
                    "budget": (budget * Decimal("0.4")).quantize(Decimal("1")),
                }
                for title in titles
            ]
            plan_save(
                fund=fund,
                fiscal_year=plan_year,
                issue=issue,
                objective=_objective(issue, [r["indicator"] for r in rows]),
                approach="ทำงานร่วมกับ รพ.สต. อสม. และผู้นำชุมชน",
                budget=budget,
                targets=targets,
                projects=projects,
            )


def _objective(issue: Issue, indicators: list[Indicator]) -> str:
    with translation.override("th"):
        return objective_examples(issue=issue, indicators=indicators)[0]
