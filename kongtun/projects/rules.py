"""The rules a proposal must pass: the quality check (ความพร้อมของโครงการ) that lists what is missing
or inconsistent. Its hard errors block submission (`services.project_submit`); the form shows the
whole list beside each step."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from kongtun.core.thai import fiscal_year_bounds, format_date
from kongtun.programme.models import Direction
from kongtun.projects.models import Activity, ObjectiveIndicator, Project


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

    def error(self, section: int, message: str) -> None:
        self.errors.append(Finding(section, message))

    def warn(self, section: int, message: str) -> None:
        self.warnings.append(Finding(section, message))


def _general(project: Project, q: Quality) -> None:
    """Sections 1 and 2: who proposes, and where it belongs."""
    if not project.title.strip():
        q.error(1, _("The project has no title."))
    if not project.organisation.strip():
        q.warn(1, _("The proposing organisation is not given."))
    if not project.responsible_people.strip():
        q.warn(1, _("The responsible people are not named."))
    if not project.plans.exists():
        q.warn(2, _("The proposal belongs to no plan of the fund."))
    if project.support_type_id is None:
        q.error(2, _("Choose the support type (10(1)–10(5))."))
    if project.org_type_id is None:
        q.error(2, _("Choose the type of the responsible organisation."))
    if project.main_target_group_id is None:
        q.error(2, _("Choose the main target group."))


def _situation(project: Project, q: Quality) -> None:
    if not project.rationale.strip() and not project.problems.exists():
        q.warn(3, _("The situation and rationale are empty."))


def _target_not_better(ind: ObjectiveIndicator) -> bool:
    """Whether an indicator's target is no improvement on its baseline, by the indicator's direction."""
    assert ind.target is not None and ind.baseline is not None
    direction = ind.indicator.direction if ind.indicator else None
    if direction == Direction.LOWER:
        return ind.target >= ind.baseline
    if direction == Direction.HIGHER:
        return ind.target <= ind.baseline
    return ind.target == ind.baseline


def _objectives(project: Project, q: Quality) -> None:
    objectives = list(project.objectives.prefetch_related("indicators__indicator"))
    if not objectives:
        q.error(4, _("The proposal has no objective."))
    for n, objective in enumerate(objectives, start=1):
        indicators = list(objective.indicators.all())
        if not indicators:
            q.error(4, _("Objective %(n)s has no indicator.") % {"n": n})
        for ind in indicators:
            if ind.target is None:
                q.error(4, _("Indicator “%(name)s” has no target.") % {"name": ind.name})
            elif ind.baseline is None:
                q.warn(
                    4, _("Indicator “%(name)s” has no baseline from the situation data.") % {"name": ind.name}
                )
            elif _target_not_better(ind):
                q.warn(
                    4,
                    _("Target %(target)s of “%(name)s” is no better than the baseline %(baseline)s.")
                    % {"name": ind.name, "target": _num(ind.target), "baseline": _num(ind.baseline)},
                )


def _target_groups(project: Project, q: Quality) -> None:
    groups = list(project.target_groups.all())
    if not groups:
        q.error(5, _("The proposal has no target group."))
    for group in groups:
        if not group.planned_count:
            q.error(5, _("Target group “%(name)s” has 0 persons.") % {"name": group.name})


def _period(project: Project, q: Quality) -> None:
    start, end = project.start_date, project.end_date
    if start is None or end is None:
        q.error(6, _("Give the project period (from and to)."))
    elif end < start:
        q.error(6, _("The project ends before it starts."))
    else:
        fy_start, fy_end = fiscal_year_bounds(project.fiscal_year)
        if start < fy_start or end > fy_end:
            q.warn(
                6,
                _("The period goes outside fiscal year %(year)s (%(start)s – %(end)s).")
                % {"year": project.fiscal_year, "start": format_date(fy_start), "end": format_date(fy_end)},
            )


def _activity(project: Project, activity: Activity, q: Quality) -> Decimal:
    """One activity's findings; returns its budget."""
    lines = list(activity.budget_lines.all())
    label = {"title": activity.title}
    if not activity.planned_output.strip() and not activity.planned_output_count:
        q.error(7, _("Activity “%(title)s” has no planned output.") % label)
    if not lines:
        q.error(7, _("Activity “%(title)s” has no budget lines.") % label)
    for line in lines:
        if line.unit_cost and line.quantity * line.unit_cost != line.amount:
            q.error(7, _("In “%(title)s”, “%(item)s” does not add up.") % {**label, "item": line.description})
    start, end = project.start_date, project.end_date
    dates = [d for d in (activity.start_date, activity.end_date) if d is not None]
    if start and end and any(d < start or d > end for d in dates):
        q.error(7, _("Activity “%(title)s” falls outside the project period.") % label)
    if activity.start_date is None:
        q.warn(7, _("Activity “%(title)s” has no date.") % label)
    return sum((line.amount for line in lines), Decimal(0))


def _activities(project: Project, q: Quality) -> None:
    activities = list(project.activities.prefetch_related("budget_lines"))
    if not activities:
        q.error(7, _("The proposal has no activity."))
    total = sum((_activity(project, a, q) for a in activities), Decimal(0))
    if activities and total <= 0:
        q.error(7, _("The budget is 0 baht."))
    if total != project.requested_budget and any(a.budget_lines.all() for a in activities):
        q.error(7, _("The requested budget does not equal the sum of the budget lines."))
    planned = project.planned_project
    if planned is not None and planned.budget and total > planned.budget:
        q.warn(
            7,
            _("The budget (%(total)s baht) is above the %(planned)s baht the plan set aside for it.")
            % {"total": _num(total), "planned": _num(planned.budget)},
        )


def _results(project: Project, q: Quality) -> None:
    if not project.expected_results.strip():
        q.warn(8, _("The expected results are not written."))


# One rule per part of the form, in the form's order.
RULES = (_general, _situation, _objectives, _target_groups, _period, _activities, _results)


def project_quality(project: Project) -> Quality:
    """What is missing or inconsistent. Hard errors block submission; warnings do not."""
    q = Quality()
    for rule in RULES:
        rule(project, q)
    return q


def _num(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text
