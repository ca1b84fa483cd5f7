"""Reads of plans: a fund's plans, the starting point of a new plan, and area roll-ups."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from kongtun.areas.selectors import Area, area_fund_filter
from kongtun.funds.models import Fund
from kongtun.plans.models import Outcome, Plan, PlannedProject, PlanTarget
from kongtun.plans.services import target_suggest
from kongtun.programme.models import Direction, Indicator, Issue
from kongtun.situations.models import SituationValue
from kongtun.situations.selectors import issue_indicators, latest_values


def plans_of_fund(*, fund: Fund, fiscal_year: int) -> QuerySet[Plan]:
    return Plan.objects.filter(fund=fund, fiscal_year=fiscal_year).select_related("issue")


def plan_counts(*, fund_ids: list[int], fiscal_year: int) -> dict[int, int]:
    """Per fund id: how many plans it wrote for the year. One query."""
    rows = (
        Plan.objects.filter(fund_id__in=fund_ids, fiscal_year=fiscal_year)
        .values_list("fund_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows.values_list("fund_id", "n"))


def plan_get_queryset() -> QuerySet[Plan]:
    return Plan.objects.select_related("fund__district__province__region", "issue", "created_by")


def plan_targets(plan: Plan) -> list[Any]:
    return list(plan.targets.select_related("indicator"))


def plan_projects(plan: Plan) -> list[PlannedProject]:
    return list(plan.planned_projects.select_related("support_type", "org_type"))


def plan_initial(plan: Plan | None) -> dict[str, Any]:
    """The plan form's starting values: the saved plan's, or nothing for a new one."""
    if plan is None:
        return {}
    return {f: getattr(plan, f) for f in ("situation", "objective", "approach", "budget")}


def project_initial(plan: Plan | None) -> list[dict[str, Any]] | None:
    """The saved projects to do, as rows of the projects formset."""
    if plan is None:
        return None
    return [
        {
            "id": p.pk,
            "title": p.title,
            "support_type": p.support_type_id,
            "org_type": p.org_type_id,
            "budget": p.budget,
        }
        for p in plan_projects(plan)
    ]


def target_initial(
    *, fund: Fund, fiscal_year: int, issue: Issue, plan: Plan | None = None
) -> list[dict[str, Any]]:
    """A plan's problems: each indicator of the issue with its size now (the plan's own, or the
    latest situation value for a new one) and a suggested 1-year target."""
    indicators = list(issue_indicators(issue))
    latest = latest_values(fund=fund, fiscal_year=fiscal_year, indicators=indicators)
    saved = {t.indicator_id: t for t in plan.targets.all()} if plan is not None else {}
    previous = previous_results(fund=fund, fiscal_year=fiscal_year, issue=issue)
    rows = []
    for indicator in indicators:
        value = latest.get(indicator.pk)
        own = saved.get(indicator.pk)
        baseline = own.baseline if own else (value.value if value else None)
        rows.append(
            {
                "indicator": indicator,
                "problem": own.problem if own else indicator.name,
                "baseline": baseline,
                "target": own.target if own else None,
                "suggestion": target_suggest(indicator=indicator, baseline=baseline),
                "baseline_year": value.fiscal_year if value else None,
                "previous": previous.get(indicator.pk),
            }
        )
    return rows


def objective_examples(*, issue: Issue, indicators: list[Indicator]) -> list[str]:
    """Example objective sentences for the issue, so that writing one is not a blank page."""
    examples = []
    for indicator in indicators:
        if indicator.direction == Direction.LOWER:
            examples.append(
                _("To reduce the %(name)s within one year.") % {"name": _lower_first(indicator.name)}
            )
        else:
            examples.append(
                _("To increase the %(name)s within one year.") % {"name": _lower_first(indicator.name)}
            )
    examples.append(
        _("To set up a community working group and community agreements on %(issue)s.") % {"issue": issue}
    )
    examples.append(
        _("To give the people at risk of %(issue)s knowledge and skills to look after themselves.")
        % {"issue": issue}
    )
    return examples


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass
class IndicatorSummary:
    indicator: Indicator
    baselines: list[Decimal] = field(default_factory=list)
    targets: list[Decimal] = field(default_factory=list)

    @staticmethod
    def _stats(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal] | None:
        if not values:
            return None
        return min(values), Decimal(statistics.median(values)).quantize(Decimal("0.01")), max(values)

    @property
    def baseline_stats(self) -> tuple[Decimal, Decimal, Decimal] | None:
        return self._stats(self.baselines)

    @property
    def target_stats(self) -> tuple[Decimal, Decimal, Decimal] | None:
        return self._stats(self.targets)


@dataclass
class IssueRollup:
    issue: Issue
    plans: list[Plan] = field(default_factory=list)
    indicators: dict[int, IndicatorSummary] = field(default_factory=dict)
    projects: list[PlannedProject] = field(default_factory=list)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.plans), Decimal(0))

    @property
    def project_budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), Decimal(0))

    @property
    def indicator_rows(self) -> list[IndicatorSummary]:
        return [s for s in self.indicators.values() if s.baselines or s.targets]


def area_plan(*, area: Area, fiscal_year: int) -> list[IssueRollup]:
    """The district (province, region) plan: per issue, the funds that planned it, the range and
    median of their problem sizes and targets, budgets and projects to do."""
    plans = list(
        Plan.objects.filter(area_fund_filter(area, prefix="fund__"), fiscal_year=fiscal_year)
        .select_related("fund", "issue")
        .prefetch_related(
            "targets__indicator", "planned_projects__support_type", "planned_projects__org_type"
        )
        .order_by("issue__order", "fund__code")
    )
    rollups: dict[int, IssueRollup] = {}
    for plan in plans:
        rollup = rollups.setdefault(plan.issue_id, IssueRollup(plan.issue))
        rollup.plans.append(plan)
        for t in plan.targets.all():
            summary = rollup.indicators.setdefault(t.indicator_id, IndicatorSummary(t.indicator))
            if t.baseline is not None:
                summary.baselines.append(t.baseline)
            if t.target is not None:
                summary.targets.append(t.target)
        for p in plan.planned_projects.all():
            p.plan = plan
            rollup.projects.append(p)
    return list(rollups.values())


def area_plan_totals(rollups: list[IssueRollup]) -> dict[str, Any]:
    funds = {p.fund_id for r in rollups for p in r.plans}
    return {
        "funds": len(funds),
        "plans": sum(len(r.plans) for r in rollups),
        "budget": sum((r.budget for r in rollups), Decimal(0)),
        "projects": sum(len(r.projects) for r in rollups),
    }


# --- Did it work? Each 1-year target beside the next fiscal year's situation value ---------------


def target_outcome(*, direction: str, target: Decimal | None, value: Decimal | None) -> Outcome:
    """Met when next year's value reached the target in the indicator's good direction (45.2 → 41.0
    against 43.2, lower is better: met); no data while either number is missing."""
    if target is None or value is None:
        return Outcome.NO_DATA
    reached = value <= target if direction == Direction.LOWER else value >= target
    return Outcome.MET if reached else Outcome.MISSED


@dataclass
class TargetResult:
    target: PlanTarget
    value: Decimal | None  # the situation value of the year after the plan's
    outcome: Outcome

    @property
    def value_year(self) -> int:
        return self.target.plan.fiscal_year + 1


@dataclass
class PlanResult:
    """A plan's targets with what came of them. The plan met its target when every target that can
    be judged was met; it missed when any was missed; no data while none can be judged yet."""

    plan: Plan
    targets: list[TargetResult] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        known = {t.outcome for t in self.targets} - {Outcome.NO_DATA}
        if Outcome.MISSED in known:
            return Outcome.MISSED
        return Outcome.MET if known else Outcome.NO_DATA


def plan_results(plans: QuerySet[Plan]) -> dict[int, PlanResult]:
    """Per plan id, its targets beside the next year's situation values of the same fund and
    indicator (3 queries, whatever the number of plans)."""
    results = {p.pk: PlanResult(p) for p in plans.select_related("issue")}
    if not results:
        return {}
    targets = list(
        PlanTarget.objects.filter(plan__in=plans).select_related("indicator").order_by("plan", "order", "pk")
    )
    years = {p.plan.fiscal_year + 1 for p in results.values()}
    values = {
        (fund_id, year, indicator_id): value
        for fund_id, year, indicator_id, value in SituationValue.objects.filter(
            fund_id__in=plans.values("fund_id"), fiscal_year__in=years
        ).values_list("fund_id", "fiscal_year", "indicator_id", "value")
    }
    for t in targets:
        result = results[t.plan_id]
        t.plan = result.plan
        value = values.get((result.plan.fund_id, result.plan.fiscal_year + 1, t.indicator_id))
        outcome = target_outcome(direction=t.indicator.direction, target=t.target, value=value)
        result.targets.append(TargetResult(t, value, outcome))
    return results


def plan_result(plan: Plan) -> PlanResult:
    return plan_results(Plan.objects.filter(pk=plan.pk))[plan.pk]


def fund_results(*, fund: Fund, last_year: int, years: int = 5) -> list[PlanResult]:
    """The fund's plans of the last `years` fiscal years up to `last_year`, newest first."""
    plans = Plan.objects.filter(fund=fund, fiscal_year__gt=last_year - years, fiscal_year__lte=last_year)
    return sorted(
        plan_results(plans).values(), key=lambda r: (-r.plan.fiscal_year, r.plan.issue.order, r.plan.issue_id)
    )


def previous_results(*, fund: Fund, fiscal_year: int, issue: Issue) -> dict[int, TargetResult]:
    """Per indicator, last year's target of the same fund and issue and what came of it: the
    starting point of this year's plan."""
    plans = Plan.objects.filter(fund=fund, fiscal_year=fiscal_year - 1, issue=issue)
    return {t.target.indicator_id: t for r in plan_results(plans).values() for t in r.targets}
