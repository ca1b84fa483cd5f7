"""What the history of a project reads from the follow-up: payment periods, activity reports and
their spending lines and photos."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from kongtun.core.history import history_source
from kongtun.followups.models import ActivityReport, PaymentPeriod, ReportPhoto, ReportSpending
from kongtun.projects.models import Project


@history_source("project")
def followup_parts(project: Project) -> Iterable[QuerySet[Any]]:
    reports = ActivityReport.history.filter(project_id=project.pk).values("id")  # deleted ones too
    return [
        PaymentPeriod.history.filter(project_id=project.pk),
        ActivityReport.history.filter(project_id=project.pk),
        ReportSpending.history.filter(report_id__in=reports),
        ReportPhoto.history.filter(report_id__in=reports),
    ]
