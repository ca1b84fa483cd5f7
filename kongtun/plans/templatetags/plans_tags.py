"""`{% load plans_tags %}{% area_plan_links area level %}`: the district plan and situation links
for an area page, shown only to those who may read the area's roll-ups."""

from __future__ import annotations

from typing import Any

from django import template

from kongtun.accounts.permissions import Action, can
from kongtun.situations.access import current_year

register = template.Library()


@register.inclusion_tag("plans/_area_links.html", takes_context=True)
def area_plan_links(context: dict[str, Any], area: Any, level: str) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "show": level in ("region", "province", "district") and can(user, Action.VIEW, area),
        "area": area,
        "level": level,
        "year": current_year(),
    }
