"""Proposals over the API: the same services and permissions as the pages. A change of status the
current status does not allow answers 409 with a Thai message; bad data answers 422."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from kongtun.accounts.auth import TokenAuth
from kongtun.accounts.models import User
from kongtun.accounts.permissions import Action, authorize, can, fund_scope
from kongtun.core.api_errors import ErrorOut, error_body, validation_items
from kongtun.core.limits import Count, Date, FiscalYear, Money, Number
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.programme.models import Indicator, OrgType, SupportType, TargetGroup
from kongtun.projects import rules, selectors, services
from kongtun.projects.access import planned_project_for, project_for
from kongtun.projects.models import Project

router = Router(tags=["projects"])


# --- schemas --------------------------------------------------------------------------------------


class ObjectiveIndicatorOut(Schema):
    indicator: str | None = None
    name: str
    unit: str
    baseline: Decimal | None = None
    target: Decimal | None = None

    @staticmethod
    def resolve_indicator(obj: Any) -> str | None:
        return obj.indicator.code if obj.indicator_id else None


class ObjectiveOut(Schema):
    text: str
    indicators: list[ObjectiveIndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Any) -> list[Any]:
        return list(obj.indicators.all())


class ProblemOut(Schema):
    problem: str
    size: Decimal | None = None


class TargetGroupOut(Schema):
    name: str
    planned_count: int


class BudgetLineOut(Schema):
    expense_group: str
    description: str
    quantity: Decimal
    unit_cost: Decimal
    amount: Decimal


class ActivityOut(Schema):
    id: int
    order: int
    title: str
    details: str
    planned_output: str
    planned_output_count: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    budget_lines: list[BudgetLineOut]

    @staticmethod
    def resolve_budget_lines(obj: Any) -> list[Any]:
        return list(obj.budget_lines.all())


class ProjectSummaryOut(Schema):
    id: int
    code: str | None = None
    title: str
    status: str
    fund: str
    fiscal_year: int
    requested_budget: Decimal
    approved_budget: Decimal | None = None

    @staticmethod
    def resolve_fund(obj: Project) -> str:
        return obj.fund.code


class ProjectOut(ProjectSummaryOut):
    organisation: str
    responsible_people: str | None = None
    location: str
    plans: list[int]
    support_type: str | None = None
    org_type: str | None = None
    main_target_group: str | None = None
    rationale: str
    problems: list[ProblemOut]
    objectives: list[ObjectiveOut]
    target_groups: list[TargetGroupOut]
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    activities: list[ActivityOut]
    expected_results: str
    meeting_no: str
    meeting_date: dt.date | None = None
    report_due_date: dt.date | None = None
    decision_note: str

    @staticmethod
    def resolve_responsible_people(obj: Project) -> str | None:
        """Names of people: only for the fund's workers and the proposer (not on public reads)."""
        return obj.responsible_people if getattr(obj, "internal", True) else None

    @staticmethod
    def resolve_plans(obj: Project) -> list[int]:
        return [p.pk for p in obj.plans.all()]

    @staticmethod
    def resolve_support_type(obj: Project) -> str | None:
        return obj.support_type.code if obj.support_type else None

    @staticmethod
    def resolve_org_type(obj: Project) -> str | None:
        return obj.org_type.code if obj.org_type else None

    @staticmethod
    def resolve_main_target_group(obj: Project) -> str | None:
        return obj.main_target_group.code if obj.main_target_group else None

    @staticmethod
    def resolve_problems(obj: Project) -> list[Any]:
        return list(obj.problems.all())

    @staticmethod
    def resolve_objectives(obj: Project) -> list[Any]:
        return list(obj.objectives.all())

    @staticmethod
    def resolve_target_groups(obj: Project) -> list[Any]:
        return list(obj.target_groups.all())

    @staticmethod
    def resolve_activities(obj: Project) -> list[Any]:
        return list(obj.activities.all())


class ProjectPage(Schema):
    count: int
    items: list[ProjectSummaryOut]


class ProjectFilters(Schema):
    fund: str | None = None
    status: str | None = None
    fiscal_year: int | None = None
    mine: bool = False
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0)


class FindingOut(Schema):
    section: int
    message: str


class QualityOut(Schema):
    ready: bool
    errors: list[FindingOut]
    warnings: list[FindingOut]


class ProjectCreateIn(Schema):
    fund: str
    title: str
    fiscal_year: FiscalYear | None = None
    organisation: str = ""


class GeneralIn(Schema):
    title: str
    organisation: str = ""
    responsible_people: str = ""
    location: str = ""


class PlansIn(Schema):
    plans: list[int] = []
    support_type: str | None = None
    org_type: str | None = None
    main_target_group: str | None = None


class ProblemIn(Schema):
    problem: str
    size: Number | None = None
    indicator: str | None = None


class SituationIn(Schema):
    rationale: str = ""
    problems: list[ProblemIn] = []


class IndicatorIn(Schema):
    indicator: str | None = None
    name: str = ""
    unit: str = ""
    baseline: Number | None = None
    target: Number | None = None


class ObjectiveIn(Schema):
    text: str
    indicators: list[IndicatorIn] = []


class ObjectivesIn(Schema):
    objectives: list[ObjectiveIn]


class TargetGroupIn(Schema):
    target_group: str | None = None
    name: str = ""
    planned_count: Count = 0


class TargetGroupsIn(Schema):
    groups: list[TargetGroupIn]


class ProjectPeriodIn(Schema):
    start_date: Date | None = None
    end_date: Date | None = None


class BudgetLineIn(Schema):
    expense_group: str
    description: str
    quantity: Number = Decimal(1)
    unit_cost: Money = Decimal(0)
    amount: Money | None = None


class ActivityIn(Schema):
    title: str
    details: str = ""
    planned_output: str = ""
    planned_output_count: Count | None = None
    start_date: Date | None = None
    end_date: Date | None = None
    budget_lines: list[BudgetLineIn] = []


class ActivitiesIn(Schema):
    activities: list[ActivityIn]


class ExpectedResultsIn(Schema):
    expected_results: str = ""
    abstract: str = ""


# The details of each change of status. Everything is optional here so that what is missing is
# refused by the verb, in the same Thai words as on the web page.
class ReasonIn(Schema):
    comment: str = ""


class ApproveIn(Schema):
    meeting_no: str = ""
    meeting_date: Date | None = None
    approved_budget: Money | None = None
    report_due_date: Date | None = None
    agreement_no: str = ""
    comment: str = ""


class RejectIn(Schema):
    comment: str = ""
    meeting_no: str = ""
    meeting_date: Date | None = None


# --- helpers ----------------------------------------------------------------------------------------


def _user(request: HttpRequest) -> User:
    """The caller: TokenAuth and the session both set `request.user`."""
    return request.user  # type: ignore[return-value]


def _full(project: Project) -> Project:
    return selectors.project_full(project.pk)


def _by_code(model: Any, code: str | None, field: str) -> Any:
    if not code:
        return None
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValidationError({field: _("Unknown code: %(code)s") % {"code": code}})
    return obj


def _conflict(exc: ValidationError) -> Status[dict[str, Any]]:
    return Status(409, error_body(" ".join(exc.messages), validation_items(exc)))


# --- endpoints --------------------------------------------------------------------------------------

WRITE = {200: ProjectOut, 409: ErrorOut}


@router.get("", response=ProjectPage)
def list_projects(request: HttpRequest, filters: Query[ProjectFilters]) -> dict[str, object]:
    """Proposals and projects of the funds you work with, and your own."""
    user = _user(request)
    qs = Project.objects.filter(fund_scope(user, Action.VIEW, prefix="fund__") | Q(proposer=user))
    if filters.mine:
        qs = qs.filter(proposer=user)
    if filters.fund:
        qs = qs.filter(fund__code=filters.fund)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.fiscal_year:
        qs = qs.filter(fiscal_year=filters.fiscal_year)
    qs = qs.select_related("fund").order_by("-fiscal_year", "-updated_at")
    return {"count": qs.count(), "items": list(qs[filters.offset : filters.offset + filters.limit])}


def _visitor(request: HttpRequest) -> Any:
    """Last of the detail's auth methods: no token and no session is the anonymous visitor."""
    return request.user


@router.get("/{int:project_id}", response=ProjectOut, auth=[TokenAuth(), django_auth, _visitor])
def get_project(request: HttpRequest, project_id: int) -> Project:
    """One proposal or project. Approved projects are public (without the names of the people
    responsible); drafts and proposals only for the fund's workers and the proposer."""
    project = _full(project_for(request.user, project_id, Action.READ))
    project.internal = can(request.user, Action.VIEW, project)  # type: ignore[attr-defined]
    return project


@router.get("/{int:project_id}/quality", response=QualityOut)
def get_quality(request: HttpRequest, project_id: int) -> dict[str, object]:
    project = project_for(_user(request), project_id, Action.VIEW)
    quality = rules.project_quality(project)
    return {"ready": quality.ready, "errors": quality.errors, "warnings": quality.warnings}


@router.post("", response={201: ProjectOut})
def create_project(request: HttpRequest, payload: ProjectCreateIn) -> Status[Project]:
    fund = get_object_or_404(Fund, code=payload.fund)
    authorize(_user(request), Action.PROPOSE, fund)
    project = services.project_create(
        fund=fund,
        user=_user(request),
        title=payload.title,
        fiscal_year=payload.fiscal_year,
        organisation=payload.organisation,
    )
    return Status(201, _full(project))


@router.post("/from-planned/{int:planned_project_id}", response={201: ProjectOut})
def create_from_planned(request: HttpRequest, planned_project_id: int) -> Status[Project]:
    planned = planned_project_for(_user(request), planned_project_id)
    return Status(
        201, _full(services.project_create_from_planned(planned_project=planned, user=_user(request)))
    )


def _write(request: HttpRequest, project_id: int, service: Callable[..., Any], **fields: Any) -> Any:
    """Every section endpoint: the project if the caller may edit it, the section's service, the
    whole project back; a proposal that can no longer be edited answers 409."""
    project = project_for(_user(request), project_id, Action.EDIT)
    try:
        service(project=project, **fields)
    except services.TransitionError as exc:
        return _conflict(exc)
    return _full(project)


def _codes(rows: list[Any], model: Any, field: str) -> list[dict[str, Any]]:
    """Section rows as dicts, with the programme code in `field` turned into its object."""
    return [{**row.dict(), field: _by_code(model, getattr(row, field), field)} for row in rows]


@router.put("/{int:project_id}/general", response=WRITE)
def update_general(request: HttpRequest, project_id: int, payload: GeneralIn) -> Any:
    return _write(request, project_id, services.project_update_general, **payload.dict())


@router.put("/{int:project_id}/plans", response=WRITE)
def update_plans(request: HttpRequest, project_id: int, payload: PlansIn) -> Any:
    plans = list(Plan.objects.filter(pk__in=payload.plans))
    if len(plans) != len(set(payload.plans)):
        raise ValidationError({"plans": _("Unknown plan.")})
    return _write(
        request,
        project_id,
        services.project_update_plans,
        plans=plans,
        support_type=_by_code(SupportType, payload.support_type, "support_type"),
        org_type=_by_code(OrgType, payload.org_type, "org_type"),
        main_target_group=_by_code(TargetGroup, payload.main_target_group, "main_target_group"),
    )


@router.put("/{int:project_id}/situation", response=WRITE)
def update_situation(request: HttpRequest, project_id: int, payload: SituationIn) -> Any:
    problems = _codes(payload.problems, Indicator, "indicator")
    return _write(
        request, project_id, services.project_update_situation, rationale=payload.rationale, problems=problems
    )


@router.put("/{int:project_id}/objectives", response=WRITE)
def update_objectives(request: HttpRequest, project_id: int, payload: ObjectivesIn) -> Any:
    objectives = [
        {"text": row.text, "indicators": _codes(row.indicators, Indicator, "indicator")}
        for row in payload.objectives
    ]
    return _write(request, project_id, services.project_update_objectives, objectives=objectives)


@router.put("/{int:project_id}/target-groups", response=WRITE)
def update_target_groups(request: HttpRequest, project_id: int, payload: TargetGroupsIn) -> Any:
    groups = _codes(payload.groups, TargetGroup, "target_group")
    return _write(request, project_id, services.project_update_target_groups, groups=groups)


@router.put("/{int:project_id}/period", response=WRITE)
def update_period(request: HttpRequest, project_id: int, payload: ProjectPeriodIn) -> Any:
    return _write(request, project_id, services.project_update_period, **payload.dict())


@router.put("/{int:project_id}/activities", response=WRITE)
def update_activities(request: HttpRequest, project_id: int, payload: ActivitiesIn) -> Any:
    activities = [a.dict() for a in payload.activities]
    return _write(request, project_id, services.project_update_activities, activities=activities)


@router.put("/{int:project_id}/results", response=WRITE)
def update_results(request: HttpRequest, project_id: int, payload: ExpectedResultsIn) -> Any:
    return _write(request, project_id, services.project_update_results, **payload.dict())


def _change(
    request: HttpRequest, project_id: int, name: str, verb: Callable[..., Project], payload: Schema
) -> Any:
    """Every change of status: the project if the caller may make change `name` (the transition
    table says who), its verb, the whole project back; a status it does not start from answers 409."""
    project = project_for(_user(request), project_id, services.TRANSITIONS[name].action)
    try:
        project = verb(project=project, user=_user(request), **payload.dict())
    except services.TransitionError as exc:
        return _conflict(exc)
    return _full(project)


@router.post("/{int:project_id}/submit", response=WRITE)
def submit(request: HttpRequest, project_id: int, payload: ReasonIn) -> Any:
    """Send the proposal to the fund: only while a proposal window is open and only when the quality
    check finds no hard error."""
    return _change(request, project_id, "submit", services.project_submit, payload)


@router.post("/{int:project_id}/return", response=WRITE)
def return_for_revision(request: HttpRequest, project_id: int, payload: ReasonIn) -> Any:
    """Send a submitted proposal back to the proposer; `comment` says what to revise."""
    return _change(request, project_id, "return", services.project_return, payload)


@router.post("/{int:project_id}/cancel", response=WRITE)
def cancel(request: HttpRequest, project_id: int, payload: ReasonIn) -> Any:
    """Cancel a proposal before the decision; `comment` gives the reason."""
    return _change(request, project_id, "cancel", services.project_cancel, payload)


@router.post("/{int:project_id}/approve", response=WRITE)
def approve(request: HttpRequest, project_id: int, payload: ApproveIn) -> Any:
    """Record the committee's approval; the proposal becomes a running project with its code."""
    return _change(request, project_id, "approve", services.project_approve, payload)


@router.post("/{int:project_id}/reject", response=WRITE)
def reject(request: HttpRequest, project_id: int, payload: RejectIn) -> Any:
    """Record that the committee did not approve the proposal; `comment` gives the reason."""
    return _change(request, project_id, "reject", services.project_reject, payload)
