"""Dashboard figures as JSON: /api/v1/dashboards/nation, /api/v1/dashboards/{level}/{code}."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from kongtun.dashboards.selectors import Dashboard, books_scope_for, dashboard, nhso_export, scope_get

router = Router(tags=["dashboards"])


def dashboard_data(board: Dashboard) -> dict[str, Any]:
    scope = board.scope
    data = asdict(board)
    data["scope"] = {
        "level": scope.level,
        "code": scope.code,
        "name": scope.name,
        "fiscal_year": scope.fiscal_year,
    }
    data["funds_by_role"] = [{"role": k, "label": label, "funds": n} for k, label, n in board.funds_by_role]
    data["by_status"] = [{"status": k, "label": label, "projects": n} for k, label, n in board.by_status]
    data["issue_project_sum"] = board.issue_project_sum
    data["note"] = (
        "A project in plans of several issues counts once in every total and once under each of its issues."
    )
    return data


@router.get("/nation", response=dict, auth=None)
def nation(request: HttpRequest, year: int | None = None) -> dict[str, Any]:
    """National figures for a fiscal year (B.E.; default: the latest programme year)."""
    return dashboard_data(dashboard(scope_get("nation", "", year)))


@router.get("/{level}/{code}", response=dict, auth=None)
def area(request: HttpRequest, level: str, code: str, year: int | None = None) -> dict[str, Any]:
    """Figures of a region (number), province, district (DOPA code) or fund (fund code)."""
    return dashboard_data(dashboard(scope_get(level, code, year)))


class NhsoRowOut(Schema):
    REPORT_ID: str
    FUND_CODE: str
    BUDGET_YEAR: int
    MONTH_ID: int
    BALANCE_FORWARD: Decimal
    REVENUE: Decimal
    EXPENDITURE: Decimal


@router.get("/nhso-export", response=list[NhsoRowOut])
def nhso_rows(
    request: HttpRequest, year: int, month: int, level: str = "nation", code: str = ""
) -> list[dict[str, Any]]:
    """NHSO's monthly rows of the closed month `month` (1–12) of budget year `year` (B.E.), for the
    nation (programme admins), a region, province or district (its officers and mentors) or a fund
    (those who see its books): REPORT_ID, FUND_CODE, BUDGET_YEAR, MONTH_ID, BALANCE_FORWARD,
    REVENUE, EXPENDITURE. A fund that has not closed the month has no row."""
    if not 1 <= month <= 12:
        raise Http404
    scope = books_scope_for(request.user, level, code, year)
    return [{k.upper(): v for k, v in asdict(row).items()} for row in nhso_export(scope, month)]
