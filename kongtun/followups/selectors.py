"""Reads for the follow-up of running projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils import timezone

from kongtun.followups.models import ActivityReport, PaymentPeriod, ReportSpending
from kongtun.projects.models import Project, Status


@dataclass
class Progress:
    """How far a running project has come: activities, money and deadlines."""

    activities_planned: int = 0
    activities_done: int = 0
    unplanned_reports: int = 0
    reports: int = 0
    approved: Decimal = Decimal("0")
    spent: Decimal = Decimal("0")
    periods_total: Decimal = Decimal("0")
    due_date: dt.date | None = None
    is_late: bool = False
    late_reports: list[ActivityReport] = field(default_factory=list)
    overdue_activities: list[Any] = field(default_factory=list)

    @property
    def activities_percent(self) -> int:
        if not self.activities_planned:
            return 0
        return min(100, round(100 * self.activities_done / self.activities_planned))

    @property
    def spent_percent(self) -> int:
        if not self.approved:
            return 0
        return min(100, round(100 * self.spent / self.approved))

    @property
    def remaining(self) -> Decimal:
        return self.approved - self.spent


def report_list(project: Project) -> QuerySet[ActivityReport]:
    return (
        ActivityReport.objects.filter(project=project)
        .select_related("activity", "reporter")
        .prefetch_related("participants", "spending", "photos")
    )


def period_list(project: Project) -> QuerySet[PaymentPeriod]:
    return PaymentPeriod.objects.filter(project=project)


def project_spent(project: Project) -> Decimal:
    total = ReportSpending.objects.filter(report__project=project).aggregate(s=Sum("amount"))["s"]
    return total or Decimal("0")


def project_progress(project: Project, *, today: dt.date | None = None) -> Progress:
    today = today or timezone.localdate()
    reports = list(ActivityReport.objects.filter(project=project).only("pk", "activity_id", "date", "title"))
    activities = list(project.activities.all())
    done_ids = {r.activity_id for r in reports if r.activity_id}
    due = project.report_due_date
    still_running = project.status == Status.RUNNING
    progress = Progress(
        activities_planned=len(activities),
        activities_done=len([a for a in activities if a.pk in done_ids]),
        unplanned_reports=len([r for r in reports if r.activity_id is None]),
        reports=len(reports),
        approved=project.approved_budget or Decimal("0"),
        spent=project_spent(project),
        periods_total=PaymentPeriod.objects.filter(project=project).aggregate(s=Sum("amount"))["s"]
        or Decimal("0"),
        due_date=due,
    )
    if due is not None:
        progress.late_reports = [r for r in reports if r.date > due]
        progress.is_late = still_running and today > due
    progress.overdue_activities = [
        a for a in activities if still_running and a.pk not in done_ids and a.end_date and a.end_date < today
    ]
    return progress
