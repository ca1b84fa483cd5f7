from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.permissions import Action, can
from kongtun.funds.access import fund_for
from kongtun.funds.models import Fund
from kongtun.plans import selectors, services
from kongtun.plans.access import district_plan_for, officer_of_district, plan_for
from kongtun.plans.documents import area_plan_document, plan_document
from kongtun.plans.forms import PlanForm, ProjectFormSet, TargetFormSet, project_rows
from kongtun.plans.models import Plan
from kongtun.programme.models import Issue
from kongtun.reports.document import redacted
from kongtun.reports.formats import document_response
from kongtun.situations.access import current_year, issue_for, year_from
from kongtun.situations.selectors import year_issues


@login_required
def fund_plans(request: HttpRequest, code: str) -> HttpResponse:
    """The fund's plans of a year: every issue, planned or still to plan."""
    fund = fund_for(request.user, code, Action.VIEW)
    year = year_from(request)
    plans = {p.issue_id: p for p in selectors.plans_of_fund(fund=fund, fiscal_year=year)}
    rows = [(issue, plans.get(issue.pk)) for issue in year_issues(year)]
    now = current_year()
    return render(
        request,
        "plans/fund.html",
        {
            "fund": fund,
            "year": year,
            "years": [now - 2, now - 1, now, now + 1],
            "rows": rows,
            "can_edit": can(request.user, Action.EDIT, fund),
            "can_see_district": can(request.user, Action.VIEW, fund.district)
            or officer_of_district(request.user, fund.district),
        },
    )


def _plan_form(request: HttpRequest, fund: Fund, year: int, issue: Issue, plan: Plan | None) -> HttpResponse:
    initial = selectors.target_initial(fund=fund, fiscal_year=year, issue=issue, plan=plan)
    data = request.POST if request.method == "POST" else None
    form = PlanForm(data, initial=selectors.plan_initial(plan))
    targets = TargetFormSet(data, initial=initial, prefix="targets")
    projects = ProjectFormSet(data, prefix="projects", initial=selectors.project_initial(plan))
    if data is not None and form.is_valid() and targets.is_valid() and projects.is_valid():
        try:
            plan = services.plan_save(
                fund=fund,
                fiscal_year=year,
                issue=issue,
                user=request.user,
                plan=plan,
                **form.cleaned_data,
                targets=[t.cleaned_data for t in targets.forms],
                projects=project_rows(projects),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect(plan)
    indicators = [row["indicator"] for row in initial]
    return render(
        request,
        "plans/form.html",
        {
            "fund": fund,
            "year": year,
            "issue": issue,
            "plan": plan,
            "form": form,
            "targets": targets,
            "target_rows": list(zip(initial, targets.forms, strict=False)),
            "projects": projects,
            "examples": selectors.objective_examples(issue=issue, indicators=indicators),
        },
    )


@login_required
def plan_create(request: HttpRequest, code: str, year: int, issue: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.EDIT)
    the_issue = issue_for(year, issue)
    existing = Plan.objects.filter(fund=fund, fiscal_year=year, issue=the_issue).first()
    if existing is not None:
        return redirect("plans:edit", existing.pk)
    return _plan_form(request, fund, year, the_issue, None)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request.user, pk, Action.EDIT)
    return _plan_form(request, plan.fund, plan.fiscal_year, plan.issue, plan)


def _plan_context(plan: Plan) -> dict[str, object]:
    return {
        "plan": plan,
        "fund": plan.fund,
        "targets": selectors.plan_targets(plan),
        "result": selectors.plan_result(plan),
        "projects": selectors.plan_projects(plan),
    }


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request.user, pk, Action.VIEW)
    context = _plan_context(plan)
    context["public"] = not can(request.user, Action.VIEW, plan)
    context["can_edit"] = can(request.user, Action.EDIT, plan)
    context["can_propose"] = can(request.user, Action.PROPOSE, plan)
    return render(request, "plans/detail.html", context)


def plan_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    plan = plan_for(request.user, pk, Action.VIEW)
    document = plan_document(plan, today=timezone.localdate())
    if not can(request.user, Action.VIEW, plan):
        document = redacted(document)
    return document_response(document, extension, request=request)


def _area_context(request: HttpRequest, level: str, code: str, year: int) -> dict[str, object]:
    area, whole_area = district_plan_for(request.user, level, code)
    rollups = selectors.area_plan(area=area, fiscal_year=year)
    return {
        "area": area,
        "whole_area": whole_area,
        "level": level,
        "year": year,
        "rollups": rollups,
        "totals": selectors.area_plan_totals(rollups),
    }


@login_required
def area_plan(request: HttpRequest, level: str, code: str, year: int) -> HttpResponse:
    """The district plan (แผนอำเภอ) built from the fund plans; the same for a province or region."""
    context = _area_context(request, level, code, year)
    now = current_year()
    context["years"] = [now - 2, now - 1, now, now + 1]
    return render(request, "plans/area.html", context)


@login_required
def area_plan_file(request: HttpRequest, level: str, code: str, year: int, extension: str) -> HttpResponse:
    area, _whole_area = district_plan_for(request.user, level, code)
    rollups = selectors.area_plan(area=area, fiscal_year=year)
    document = area_plan_document(
        area=area, level=level, year=year, rollups=rollups, today=timezone.localdate()
    )
    return document_response(document, extension, request=request)
