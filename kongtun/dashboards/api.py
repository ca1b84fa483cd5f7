"""Dashboard figures as JSON: /api/v1/dashboards/nation, /api/v1/dashboards/{level}/{code}."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from ninja import Router

from kongtun.dashboards.selectors import Dashboard, dashboard, scope_get

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
