"""Panels the books add to lower apps' pages (see `kongtun.core.panels`)."""

from __future__ import annotations

from django.utils import timezone

from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import HtmxRequest
from kongtun.core.panels import Panel, provide
from kongtun.core.thai import fiscal_year_of
from kongtun.finance.contributions import contribution_check
from kongtun.finance.selectors import books_summary, closings_with_refunds, entries
from kongtun.followups.forms import ClosingReopenForm
from kongtun.funds.models import Fund
from kongtun.projects.models import Project
from kongtun.projects.services import FINISHES, transitions_for


@provide("fund.sections", order=30)
def fund_books(request: HtmxRequest, fund: Fund) -> Panel | None:
    """The money the fund holds and its latest entries, for those who may read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    context = {
        "fund": fund,
        "books": books_summary(fund),
        "entries": list(entries(fund, limit=5)),
        "year": fiscal_year_of(timezone.localdate()),
        "can_keep": can(request.user, Action.KEEP_BOOKS, fund),
    }
    return Panel("finance/_fund_books.html", context)


@provide("fund.sections", order=35)
def contribution(request: HtmxRequest, fund: Fund) -> Panel | None:
    """What the fund should receive this fiscal year and what arrived, for those who read its books."""
    if not can(request.user, Action.READ_BOOKS, fund):
        return None
    year = request.GET.get("year", "")
    fiscal_year = (
        int(year) if year.isdigit() and 2400 < int(year) < 2700 else fiscal_year_of(timezone.localdate())
    )
    return Panel("finance/_contribution.html", {"fund": fund, "check": contribution_check(fund, fiscal_year)})


@provide("followup.closing", order=10)
def project_closing(request: HtmxRequest, project: Project) -> Panel | None:
    """The project's closing with the money it returned, its reopened closings (who, when, why),
    and the officer's buttons: close, or reopen with a reason."""
    user = request.user
    allowed = transitions_for(user, project)
    context = {
        "project": project,
        "closings": closings_with_refunds(project),
        "can_close": not set(FINISHES.values()).isdisjoint(allowed),
        "can_reopen": "reopen" in allowed,
        "reopen_form": ClosingReopenForm(),
    }
    return Panel("finance/_closing.html", context, request)
