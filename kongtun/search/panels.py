"""Panels the search app adds to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.projects.models import Project


@provide("project.end", order=10)
def similar_projects_later(request: HtmxRequest, project: Project) -> Panel:
    """Similar projects from other areas, fetched by htmx when the card scrolls into view, so the
    project page does not wait for a search over every project in the country."""
    return Panel("search/_similar_later.html", {"project": project})
