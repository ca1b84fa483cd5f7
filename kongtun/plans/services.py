"""Writes of plans: one per fund × fiscal year × issue, with its targets and projects to do."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kongtun.accounts.permissions import AnyUser, signed_in
from kongtun.core.events import changed
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan, PlannedProject, PlanTarget
from kongtun.programme.models import Direction, Indicator, Issue


def target_suggest(*, indicator: Indicator, baseline: Decimal | None) -> Decimal | None:
    """A 1-year target one typical yearly change from the baseline, in the good direction, kept
    inside the indicator's valid range (30 % smokers, lower is better, typical 2 → 28)."""
    if baseline is None:
        return None
    step = indicator.typical_change
    if step is None:
        step = (baseline * Decimal("0.1")).quantize(Decimal("0.01"))
    if indicator.direction == Direction.LOWER:
        return max(indicator.min_value, baseline - step)
    target = baseline + step
    return min(indicator.max_value, target) if indicator.max_value is not None else target


def plan_target_validate(*, indicator: Indicator, baseline: Decimal | None, target: Decimal | None) -> None:
    """A target stays in the valid range and moves the indicator in its good direction."""
    if target is None:
        return
    if target < indicator.min_value or (indicator.max_value is not None and target > indicator.max_value):
        raise ValidationError(
            _("The target of “%(name)s” is outside its valid range.") % {"name": indicator.name}, code="range"
        )
    if baseline is None:
        return
    if indicator.direction == Direction.LOWER:
        at_best = baseline <= indicator.min_value
        if target > baseline or (target == baseline and not at_best):
            raise ValidationError(
                _("Lower is better for “%(name)s”: the target must be below the current %(baseline)s.")
                % {"name": indicator.name, "baseline": baseline},
                code="direction",
            )
    else:
        at_best = indicator.max_value is not None and baseline >= indicator.max_value
        if target < baseline or (target == baseline and not at_best):
            raise ValidationError(
                _("Higher is better for “%(name)s”: the target must be above the current %(baseline)s.")
                % {"name": indicator.name, "baseline": baseline},
                code="direction",
            )


def plan_budget_validate(*, budget: Decimal, projects: list[dict[str, Any]]) -> None:
    total = sum((Decimal(p.get("budget") or 0) for p in projects), Decimal(0))
    if total > budget:
        raise ValidationError(
            _("The projects to do add up to %(total)s baht, more than the plan budget of %(budget)s baht.")
            % {"total": f"{total:,.2f}", "budget": f"{budget:,.2f}"},
            code="budget",
        )


def plan_save(
    *,
    fund: Fund,
    fiscal_year: int,
    issue: Issue,
    user: AnyUser | None = None,
    plan: Plan | None = None,
    situation: str = "",
    objective: str = "",
    approach: str = "",
    budget: Decimal = Decimal(0),
    targets: list[dict[str, Any]],
    projects: list[dict[str, Any]],
) -> Plan:
    """Create or update a plan with its targets (indicator, problem, baseline, target) and projects to
    do (title, support_type, org_type, budget; `id` to keep an existing one). Validates everything
    first; writes all or nothing."""
    errors: list[ValidationError] = []
    for t in targets:
        if t["indicator"].issue_id != issue.pk:
            errors.append(ValidationError(_("An indicator of another issue was given.")))
            continue
        try:
            plan_target_validate(indicator=t["indicator"], baseline=t.get("baseline"), target=t.get("target"))
        except ValidationError as exc:
            errors.append(exc)
    try:
        plan_budget_validate(budget=budget, projects=projects)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationError(errors)
    fields = {"situation": situation, "objective": objective, "approach": approach, "budget": budget}
    with transaction.atomic():
        if plan is None:
            try:
                with transaction.atomic():
                    plan = Plan.objects.create(
                        fund=fund, fiscal_year=fiscal_year, issue=issue, created_by=signed_in(user), **fields
                    )
            except IntegrityError:
                raise ValidationError(
                    _("The fund already has a plan for %(issue)s in fiscal year %(year)s.")
                    % {"issue": issue, "year": fiscal_year}
                ) from None
        else:
            for name, value in fields.items():
                setattr(plan, name, value)
            plan.save()
        plan.targets.all().delete()
        PlanTarget.objects.bulk_create(
            [
                PlanTarget(
                    plan=plan,
                    indicator=t["indicator"],
                    problem=t.get("problem") or "",
                    baseline=t.get("baseline"),
                    target=t.get("target"),
                    order=n,
                )
                for n, t in enumerate(targets)
            ]
        )
        _save_projects(plan, projects)
        changed(plan)
    return plan


def _save_projects(plan: Plan, projects: list[dict[str, Any]]) -> None:
    """Update projects to do in place (proposals may point at them), add new ones, drop the rest."""
    existing = {p.pk: p for p in plan.planned_projects.all()}
    kept = set()
    for n, data in enumerate(projects):
        row = existing.get(data.get("id") or 0) or PlannedProject(plan=plan)
        row.title = data["title"]
        row.support_type = data["support_type"]
        row.org_type = data["org_type"]
        row.budget = data.get("budget") or Decimal(0)
        row.order = n
        row.save()
        kept.add(row.pk)
    plan.planned_projects.exclude(pk__in=kept).delete()


@transaction.atomic
def plan_delete(*, plan: Plan) -> None:
    changed(plan, deleted=True)  # its projects lose an issue in the roll-ups, its document goes
    plan.delete()
