"""Panels the follow-up app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.permissions import Action, fund_actions
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.followups.access import reads_as_public
from kongtun.followups.selectors import project_progress
from kongtun.funds.models import Fund
from kongtun.projects.models import Project


@provide("fund.actions", order=40)
def fund_links(request: HtmxRequest, fund: Fund) -> Panel | None:
    if Action.VIEW not in fund_actions(request.user, fund):
        return None
    return Panel("followups/_fund_links.html", {"fund": fund})


@provide("project.panels", order=10)
def followup(request: HtmxRequest, project: Project) -> Panel | None:
    """An approved project's progress, with its follow-up and final-report links."""
    if not project.is_approved:
        return None
    context = {
        "project": project,
        "progress": project_progress(project),
        "public": reads_as_public(request.user, project),
    }
    return Panel("followups/_project_panel.html", context)
