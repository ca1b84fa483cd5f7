"""The rules a proposal must pass: the quality check (ความพร้อมของโครงการ) that lists what is missing
or inconsistent. Its hard errors block submission (`services.project_submit`); the form shows the
whole list beside each step."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from kongtun.core.thai import fiscal_year_bounds, format_date
from kongtun.programme.models import Direction
from kongtun.projects.models import Project


@dataclass(frozen=True)
class Finding:
    section: int
    message: str


@dataclass
class Quality:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.errors


def project_quality(project: Project) -> Quality:
    """What is missing or inconsistent. Hard errors block submission; warnings do not."""
    q = Quality()
    err, warn = q.errors.append, q.warnings.append
    # Section 1 and 2.
    if not project.title.strip():
        err(Finding(1, _("The project has no title.")))
    if not project.organisation.strip():
        warn(Finding(1, _("The proposing organisation is not given.")))
    if not project.responsible_people.strip():
        warn(Finding(1, _("The responsible people are not named.")))
    if not project.plans.exists():
        warn(Finding(2, _("The proposal belongs to no plan of the fund.")))
    if project.support_type_id is None:
        err(Finding(2, _("Choose the support type (10(1)–10(5)).")))
    if project.org_type_id is None:
        err(Finding(2, _("Choose the type of the responsible organisation.")))
    if project.main_target_group_id is None:
        err(Finding(2, _("Choose the main target group.")))
    # Section 3.
    if not project.rationale.strip() and not project.problems.exists():
        warn(Finding(3, _("The situation and rationale are empty.")))
    # Section 4.
    objectives = list(project.objectives.prefetch_related("indicators__indicator"))
    if not objectives:
        err(Finding(4, _("The proposal has no objective.")))
    for n, objective in enumerate(objectives, start=1):
        indicators = list(objective.indicators.all())
        if not indicators:
            err(Finding(4, _("Objective %(n)s has no indicator.") % {"n": n}))
        for ind in indicators:
            if ind.target is None:
                err(Finding(4, _("Indicator “%(name)s” has no target.") % {"name": ind.name}))
                continue
            if ind.baseline is None:
                warn(
                    Finding(
                        4,
                        _("Indicator “%(name)s” has no baseline from the situation data.")
                        % {"name": ind.name},
                    )
                )
                continue
            direction = ind.indicator.direction if ind.indicator else None
            not_better = (direction == Direction.LOWER and ind.target >= ind.baseline) or (
                direction == Direction.HIGHER and ind.target <= ind.baseline
            )
            if direction is None and ind.target == ind.baseline:
                not_better = True
            if not_better:
                warn(
                    Finding(
                        4,
                        _("Target %(target)s of “%(name)s” is no better than the baseline %(baseline)s.")
                        % {"name": ind.name, "target": _num(ind.target), "baseline": _num(ind.baseline)},
                    )
                )
    # Section 5.
    groups = list(project.target_groups.all())
    if not groups:
        err(Finding(5, _("The proposal has no target group.")))
    for group in groups:
        if not group.planned_count:
            err(Finding(5, _("Target group “%(name)s” has 0 persons.") % {"name": group.name}))
    # Section 6.
    start, end = project.start_date, project.end_date
    if start is None or end is None:
        err(Finding(6, _("Give the project period (from and to).")))
    elif end < start:
        err(Finding(6, _("The project ends before it starts.")))
    else:
        fy_start, fy_end = fiscal_year_bounds(project.fiscal_year)
        if start < fy_start or end > fy_end:
            warn(
                Finding(
                    6,
                    _("The period goes outside fiscal year %(year)s (%(start)s – %(end)s).")
                    % {
                        "year": project.fiscal_year,
                        "start": format_date(fy_start),
                        "end": format_date(fy_end),
                    },
                )
            )
    # Section 7.
    activities = list(project.activities.prefetch_related("budget_lines"))
    if not activities:
        err(Finding(7, _("The proposal has no activity.")))
    total = Decimal(0)
    for activity in activities:
        lines = list(activity.budget_lines.all())
        label = {"title": activity.title}
        if not activity.planned_output.strip() and not activity.planned_output_count:
            err(Finding(7, _("Activity “%(title)s” has no planned output.") % label))
        if not lines:
            err(Finding(7, _("Activity “%(title)s” has no budget lines.") % label))
        for line in lines:
            total += line.amount
            if line.unit_cost and line.quantity * line.unit_cost != line.amount:
                err(
                    Finding(
                        7,
                        _("In “%(title)s”, “%(item)s” does not add up.")
                        % {**label, "item": line.description},
                    )
                )
        if start and end:
            dates = [d for d in (activity.start_date, activity.end_date) if d is not None]
            outside = any(d < start or d > end for d in dates)
            if outside:
                err(Finding(7, _("Activity “%(title)s” falls outside the project period.") % label))
        if activity.start_date is None:
            warn(Finding(7, _("Activity “%(title)s” has no date.") % label))
    if activities and total <= 0:
        err(Finding(7, _("The budget is 0 baht.")))
    if total != project.requested_budget and any(a.budget_lines.all() for a in activities):
        err(Finding(7, _("The requested budget does not equal the sum of the budget lines.")))
    planned = project.planned_project
    if planned is not None and planned.budget and total > planned.budget:
        warn(
            Finding(
                7,
                _("The budget (%(total)s baht) is above the %(planned)s baht the plan set aside for it.")
                % {"total": _num(total), "planned": _num(planned.budget)},
            )
        )
    # Section 8.
    if not project.expected_results.strip():
        warn(Finding(8, _("The expected results are not written.")))
    return q


def _num(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text
