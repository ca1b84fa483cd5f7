"""Access helpers: fetch a project for a request or refuse (404 outsider, 403 read-only)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import Action, authorize
from kongtun.projects.models import Project


def project_for(user: Any, pk: int, action: Action) -> Project:
    """The project `pk` if `user` may do `action` on it. Approved projects are public to read,
    so anyone refused an action on them gets 403, not 404."""
    project = get_object_or_404(
        Project.objects.select_related(
            "fund", "proposer", "support_type", "org_type", "main_target_group", "planned_project__plan"
        ),
        pk=pk,
    )
    authorize(user, action, project, public=project.is_approved)
    return project
