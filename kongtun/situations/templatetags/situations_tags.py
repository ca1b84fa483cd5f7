"""`{% load situations_tags %}{% fund_situation_summary fund %}`: this year's situation completeness
and plans of a fund, for the fund page; shown only to those who may see the fund's workspace."""

from __future__ import annotations

from typing import Any

from django import template

from kongtun.accounts.permissions import Action, can
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.situations.access import current_year
from kongtun.situations.selectors import fund_completeness

register = template.Library()


@register.inclusion_tag("situations/_fund_summary.html", takes_context=True)
def fund_situation_summary(context: dict[str, Any], fund: Fund) -> dict[str, Any]:
    request = context.get("request")
    if not can(getattr(request, "user", None), Action.VIEW, fund):
        return {"show": False}
    year = current_year()
    done, total = fund_completeness(fund=fund, fiscal_year=year)
    return {
        "show": True,
        "fund": fund,
        "year": year,
        "done": done,
        "total": total,
        "plans": Plan.objects.filter(fund=fund, fiscal_year=year).count(),
    }
