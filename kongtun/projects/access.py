"""Access helpers: fetch a project for a request or refuse (404 outsider, 403 read-only)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, AnyUser, authorize
from kongtun.plans.models import PlannedProject
from kongtun.projects.models import Project
from kongtun.projects.selectors import PROJECT_RELATED


def project_for(user: AnyUser, pk: int, action: Action) -> Project:
    """The project `pk` if `user` may do `action` on it. Approved projects are public to READ
    (their public face); their internal parts (VIEW: comments, quality, history) stay with the
    fund's roles and the proposer, and anyone refused on them gets 403, not 404."""
    project = get_object_or_404(Project.objects.select_related(*PROJECT_RELATED), pk=pk)
    authorize(user, action, project, public=project.is_public)
    return project


def planned_project_for(user: AnyUser, pk: int, action: Action = Action.PROPOSE) -> PlannedProject:
    """A plan's "project to do" that `user` may turn into a proposal to the plan's fund."""
    planned = get_object_or_404(
        PlannedProject.objects.select_related("plan__fund", "plan__issue", "support_type", "org_type"), pk=pk
    )
    authorize(user, action, planned.plan.fund)
    return planned
