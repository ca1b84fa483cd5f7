"""`{% load projects_tags %}`: the fund page's projects section and the "My proposals" nav test."""

from __future__ import annotations

from typing import Any

from django import template

from kongtun.accounts.permissions import ROLE_ACTIONS, Action, can, memberships
from kongtun.funds.models import Fund
from kongtun.projects.models import PUBLIC_STATUSES, Project

register = template.Library()


@register.inclusion_tag("projects/_nav_link.html")
def my_proposals_link(user: Any) -> dict[str, Any]:
    return {"show": may_propose(user)}


def may_propose(user: Any) -> bool:
    """Whether to show "My proposals": the user may propose at some fund or has proposals."""
    if not getattr(user, "is_authenticated", False):
        return False
    if any(Action.PROPOSE in ROLE_ACTIONS[m.role] for m in memberships(user)):
        return True
    return Project.objects.filter(proposer=user).exists()


@register.inclusion_tag("projects/_fund_section.html", takes_context=True)
def fund_projects_summary(context: dict[str, Any], fund: Fund) -> dict[str, Any]:
    """Approved projects of the fund (public), with a link to all proposals for its workers."""
    request = context.get("request")
    user = getattr(request, "user", None)
    approved = Project.objects.filter(fund=fund, status__in=PUBLIC_STATUSES).order_by("-fiscal_year", "code")
    return {
        "fund": fund,
        "approved": approved[:8],
        "count": approved.count(),
        "internal": can(user, Action.VIEW, fund),
    }
