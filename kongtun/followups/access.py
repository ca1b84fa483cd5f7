"""Access helpers of the follow-up (`<thing>_for(user, key, action)`, see `funds/access.py`): fetch a
project in follow-up or a report, or refuse (404 outsider, 403 read-only)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize, can
from kongtun.followups.models import ActivityReport, ReportPhoto
from kongtun.projects.models import APPROVED_STATUSES, Project


def followup_for(user: AnyUser, pk: int, action: Action) -> Project:
    """An approved project, for its follow-up by the fund and the proposer; drafts and proposals
    have no follow-up (404)."""
    project = get_object_or_404(
        Project.objects.select_related("fund", "proposer"), pk=pk, status__in=APPROVED_STATUSES
    )
    authorize(user, action, project)
    return project


def report_for(user: AnyUser, pk: int, action: Action) -> ActivityReport:
    report = get_object_or_404(
        ActivityReport.objects.select_related("project__fund", "activity", "reporter"),
        pk=pk,
        project__status__in=APPROVED_STATUSES,
    )
    authorize(user, action, report.project)
    return report


def may_delete_report(user: AnyUser, report: ActivityReport) -> bool:
    """The one who wrote the report, or a fund officer following the project, may delete it."""
    project = report.project
    if not can(user, Action.REPORT, project):
        return False
    return report.reporter_id == user.pk or can(user, Action.RECEIVE, project)


def deletable_report_for(user: AnyUser, pk: int, action: Action = Action.REPORT) -> ActivityReport:
    """A report `user` may delete: their own, or any for a fund officer following the project."""
    report = report_for(user, pk, action)
    if not may_delete_report(user, report):
        raise PermissionDenied
    return report


def published_project_for(user: AnyUser, pk: int, action: Action = Action.READ) -> Project:
    """An approved project as everyone may READ its results (no role needed); anything else is 404."""
    project = Project.objects.select_related("fund").filter(pk=pk, status__in=APPROVED_STATUSES).first()
    if project is None:
        raise Http404
    authorize(user, action, project, public=True)
    return project


def published_report_for(user: AnyUser, pk: int, action: Action = Action.VIEW) -> ActivityReport:
    """An activity report of an approved project as everyone may read it; anything else is 404."""
    report = get_object_or_404(
        ActivityReport.objects.select_related("project__fund", "activity"),
        pk=pk,
        project__status__in=APPROVED_STATUSES,
    )
    if action != Action.VIEW:
        authorize(user, action, report.project, public=True)
    return report


def reads_as_public(user: AnyUser, project: Project) -> bool:
    """Whether `user` reads an approved project's follow-up as the public does (without personal
    data and internal parts): everyone but its fund's and area's roles and its proposer."""
    return not can(user, Action.VIEW, project)


def photo_for(user: AnyUser, pk: int, action: Action) -> ReportPhoto:
    """A report's photo: everyone may READ those of a public project; those of any other only people
    who may view the project (its fund's roles, its proposer); anyone else gets 404."""
    photo = get_object_or_404(ReportPhoto.objects.select_related("report__project__fund"), pk=pk)
    authorize(user, action, photo, public=photo.is_public)
    return photo
