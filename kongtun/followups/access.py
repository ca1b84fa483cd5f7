"""Access helpers: fetch a project / report for a request or refuse (404 outsider, 403 read-only)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, authorize, can
from kongtun.followups.models import ActivityReport
from kongtun.projects.models import APPROVED_STATUSES, Project


def project_for(user: Any, pk: int, action: Action) -> Project:
    """An approved project of the user's fund; drafts and proposals have no follow-up."""
    project = get_object_or_404(
        Project.objects.select_related("fund", "proposer"), pk=pk, status__in=APPROVED_STATUSES
    )
    authorize(user, action, project)
    return project


def report_for(user: Any, pk: int, action: Action) -> ActivityReport:
    report = get_object_or_404(
        ActivityReport.objects.select_related("project__fund", "activity", "reporter"),
        pk=pk,
        project__status__in=APPROVED_STATUSES,
    )
    authorize(user, action, report.project)
    return report


def may_delete_report(user: Any, report: ActivityReport) -> bool:
    """The one who wrote the report, or a fund officer following the project, may delete it."""
    project = report.project
    if not can(user, Action.REPORT, project):
        return False
    return report.reporter_id == user.pk or can(user, Action.RECEIVE, project)


def report_for_delete(user: Any, pk: int) -> ActivityReport:
    report = report_for(user, pk, Action.REPORT)
    if not may_delete_report(user, report):
        raise PermissionDenied
    return report


def public_project(user: Any, pk: int) -> Project:
    """An approved project as everyone may read it (no role needed); anything else is 404."""
    project = Project.objects.select_related("fund").filter(pk=pk, status__in=APPROVED_STATUSES).first()
    if project is None:
        raise Http404
    return project
