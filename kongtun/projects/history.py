"""What the history of a project reads from this app: the project, its activities, their budget
lines and the comments (the follow-up adds its parts from `followups/history.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from kongtun.core.history import history_source
from kongtun.projects.models import Activity, BudgetLine, Comment, Project


@history_source("project")
def project_parts(project: Project) -> Iterable[QuerySet[Any]]:
    activities = Activity.history.filter(project_id=project.pk).values("id")  # deleted ones too
    return [
        Project.history.filter(id=project.pk),
        Activity.history.filter(project_id=project.pk),
        BudgetLine.history.filter(activity_id__in=activities),
        Comment.history.filter(project_id=project.pk),
    ]
