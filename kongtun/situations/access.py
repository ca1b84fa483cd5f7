"""Access helpers for situation data: a fund's data (through `funds.access.fund_for`), an area's
roll-ups, and the issue of a year. Outsiders get 404, read-only roles 403."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kongtun.accounts.permissions import Action, authorize
from kongtun.areas.selectors import Area, area_get
from kongtun.core.thai import fiscal_year_of
from kongtun.funds.access import fund_for
from kongtun.programme.models import Indicator, Issue
from kongtun.situations.selectors import year_issues

__all__ = ["area_for", "current_year", "fund_for", "indicator_for", "issue_for", "year_from"]


def area_for(request: HttpRequest, level: str, code: str, action: Action = Action.VIEW) -> Area:
    if level not in ("region", "province", "district"):
        raise Http404
    area = area_get(level, code)
    authorize(request.user, action, area)
    return area


def issue_for(fiscal_year: int, code: str) -> Issue:
    for issue in year_issues(fiscal_year):
        if issue.code == code:
            return issue
    raise Http404


def indicator_for(code: str) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("issue"), code=code)


def current_year() -> int:
    return fiscal_year_of(timezone.localdate())


def year_from(request: HttpRequest) -> int:
    """`?year=2568` or the current fiscal year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return current_year()
    return year if 2500 <= year <= 2700 else current_year()
