"""`{% load search_tags %}{% similar_projects project %}`: similar projects from other areas."""

from __future__ import annotations

from typing import Any

from django import template

from kongtun.search.selectors import similar_projects as select_similar

register = template.Library()


@register.inclusion_tag("search/_similar.html")
def similar_projects(project: Any, limit: int = 5) -> dict[str, Any]:
    return {"similar": select_similar(project, limit=limit)}


@register.inclusion_tag("search/_similar_later.html")
def similar_projects_later(project: Any) -> dict[str, Any]:
    """The same list, fetched by htmx when it scrolls into view, so the project page does not wait
    for a search over every project in the country."""
    return {"project": project}
