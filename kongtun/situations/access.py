"""Access helpers for situation data: which fund or district a file is about, the issue of a year
(`funds.access` has `fund_for` and `area_for`). Outsiders get 404, read-only roles 403."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kongtun.accounts.permissions import Action
from kongtun.areas.models import District
from kongtun.core.thai import fiscal_year_of
from kongtun.funds.access import area_for, fund_for
from kongtun.funds.models import Fund
from kongtun.funds.selectors import user_funds
from kongtun.programme.models import Indicator, Issue
from kongtun.situations.selectors import year_issues

__all__ = [
    "area_for",
    "current_year",
    "file_scope",
    "fund_for",
    "import_scope",
    "indicator_for",
    "issue_for",
    "year_from",
]


def file_scope(request: HttpRequest, action: Action) -> tuple[Fund | None, District | None]:
    """`?fund=CODE` or `?district=CODE`: the funds a template, export or import is about."""
    if request.GET.get("district"):
        area = area_for(request.user, "district", request.GET["district"], Action.VIEW)
        assert isinstance(area, District)
        return None, area
    return fund_for(request.user, request.GET.get("fund", ""), action), None


def import_scope(request: HttpRequest) -> tuple[Fund | None, District | None]:
    """What an import may write: one fund the user enters data for, or a district where the user
    enters data for at least one fund (each row is checked again by the import)."""
    fund, district = file_scope(request, Action.ENTER_DATA)
    if (
        district is not None
        and not user_funds(request.user, Action.ENTER_DATA).filter(district=district).exists()
    ):
        raise PermissionDenied
    return fund, district


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
