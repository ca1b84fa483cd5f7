"""API: plans (list, detail, create, update) with the same permissions and validation as the pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kongtun.accounts.permissions import Action, fund_scope
from kongtun.core.limits import Money, Number
from kongtun.funds.access import fund_for
from kongtun.plans import selectors, services
from kongtun.plans.access import plan_for
from kongtun.plans.models import Plan, PlannedProject, PlanTarget
from kongtun.programme.models import Indicator, Issue, OrgType, SupportType

router = Router(tags=["plans"])


class TargetIn(Schema):
    indicator_code: str
    problem: str = ""
    baseline: Number | None = None
    target: Number | None = None


class TargetOut(TargetIn):
    indicator_code: str = Field(alias="indicator.code")


class PlannedProjectIn(Schema):
    id: int | None = None
    title: str
    support_type: str
    org_type: str
    budget: Money = Decimal(0)


class PlannedProjectOut(PlannedProjectIn):
    support_type: str = Field(alias="support_type.code")
    org_type: str = Field(alias="org_type.code")


class PlanOut(Schema):
    id: int
    fund_code: str = Field(alias="fund.code")
    fiscal_year: int
    issue: str = Field(alias="issue.code")
    situation: str
    objective: str
    approach: str
    budget: Decimal
    targets: list[TargetOut]
    projects: list[PlannedProjectOut]

    @staticmethod
    def resolve_targets(obj: Plan) -> list[PlanTarget]:
        return selectors.plan_targets(obj)

    @staticmethod
    def resolve_projects(obj: Plan) -> list[PlannedProject]:
        return selectors.plan_projects(obj)


class PlanIn(Schema):
    situation: str = ""
    objective: str = ""
    approach: str = ""
    budget: Money = Decimal(0)
    targets: list[TargetIn] = []
    projects: list[PlannedProjectIn] = []


class PlanCreateIn(PlanIn):
    fund_code: str
    fiscal_year: int
    issue: str


def _lookup(model: Any, code: str, label: str) -> Any:
    found = model.objects.filter(code=code).first()
    if found is None:
        raise ValidationError(_("Unknown %(what)s “%(code)s”.") % {"what": label, "code": code})
    return found


def _arguments(payload: PlanIn) -> dict[str, Any]:
    targets = [
        {
            **t.dict(exclude={"indicator_code"}),
            "indicator": _lookup(Indicator, t.indicator_code, _("indicator")),
        }
        for t in payload.targets
    ]
    projects = [
        {
            **p.dict(exclude={"support_type", "org_type"}),
            "support_type": _lookup(SupportType, p.support_type, _("support type")),
            "org_type": _lookup(OrgType, p.org_type, _("organisation type")),
        }
        for p in payload.projects
    ]
    fields = payload.dict(include={"situation", "objective", "approach", "budget"})
    return {**fields, "targets": targets, "projects": projects}


@router.get("", response=list[PlanOut])
def list_plans(request: HttpRequest, fund: str | None = None, year: int | None = None) -> list[Plan]:
    """Plans the caller may see, of one fund and/or fiscal year."""
    plans = selectors.plan_get_queryset().filter(fund_scope(request.user, Action.VIEW, prefix="fund__"))
    if fund:
        plans = plans.filter(fund=fund_for(request.user, fund, Action.VIEW))
    if year:
        plans = plans.filter(fiscal_year=year)
    return list(plans[:500])


@router.get("/{plan_id}", response=PlanOut)
def get_plan(request: HttpRequest, plan_id: int) -> Plan:
    return plan_for(request.user, plan_id, Action.VIEW)


@router.post("", response={201: PlanOut})
def create_plan(request: HttpRequest, payload: PlanCreateIn) -> Status[Plan]:
    fund = fund_for(request.user, payload.fund_code, Action.EDIT)
    issue = _lookup(Issue, payload.issue, _("issue"))
    plan = services.plan_save(
        fund=fund, fiscal_year=payload.fiscal_year, issue=issue, user=request.user, **_arguments(payload)
    )
    return Status(201, plan)


@router.put("/{plan_id}", response=PlanOut)
def update_plan(request: HttpRequest, plan_id: int, payload: PlanIn) -> Plan:
    plan = plan_for(request.user, plan_id, Action.EDIT)
    return services.plan_save(
        fund=plan.fund,
        fiscal_year=plan.fiscal_year,
        issue=plan.issue,
        user=request.user,
        plan=plan,
        **_arguments(payload),
    )
