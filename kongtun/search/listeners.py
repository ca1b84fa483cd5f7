"""The search index hears of every write to projects, plans and activity reports after it commits
(`kongtun.core.events`), and brings their documents up to date."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from kongtun.core.events import Change
from kongtun.followups.models import ActivityReport
from kongtun.plans.models import Plan
from kongtun.projects.models import Project
from kongtun.search.models import Kind
from kongtun.search.services import search_document_remove, search_document_update

SOURCES: dict[str, tuple[str, QuerySet[Any]]] = {
    "projects.project": (Kind.PROJECT, Project.objects.select_related("fund").prefetch_related("plans")),
    "plans.plan": (Kind.PLAN, Plan.objects.select_related("fund", "issue")),
    "followups.activityreport": (
        Kind.REPORT,
        ActivityReport.objects.select_related("project").prefetch_related("project__plans"),
    ),
}


def on_changes(changes: Sequence[Change]) -> None:
    for change in changes:
        if change.model not in SOURCES:
            continue
        kind, queryset = SOURCES[change.model]
        obj = None if change.deleted else queryset.filter(pk=change.pk).first()
        if obj is None:
            search_document_remove(kind=kind, object_id=change.pk)
        else:
            search_document_update(obj=obj)
