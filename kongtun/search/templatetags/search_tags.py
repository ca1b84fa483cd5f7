"""`{% load search_tags %}{% similar_projects project %}`: similar projects from other areas."""

from __future__ import annotations

from typing import Any

from django import template

from kongtun.search.selectors import similar_projects as select_similar

register = template.Library()


@register.inclusion_tag("search/_similar.html")
def similar_projects(project: Any, limit: int = 5) -> dict[str, Any]:
    return {"similar": select_similar(project, limit=limit)}
