"""Dashboard figures as JSON: /api/v1/dashboards/nation, /api/v1/dashboards/{level}/{code}."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema

from kongtun.dashboards.documents import nhso_export_document
from kongtun.dashboards.feeds import Page, account_feed, journal_feed, ledger_scope_for
from kongtun.dashboards.selectors import (
    Dashboard,
    NhsoRow,
    books_scope_for,
    dashboard,
    nhso_export,
    scope_get,
)
from kongtun.reports.formats import document_response

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


def _nhso_rows(
    request: HttpRequest, year: int, month: int, level: str, code: str
) -> tuple[str, list[NhsoRow]]:
    if not 1 <= month <= 12:
        raise Http404
    scope = books_scope_for(request.user, level, code, year)
    return scope.name, nhso_export(scope, month)


@router.get("/nhso-export", response=list[NhsoRowOut])
def nhso_rows(
    request: HttpRequest, year: int, month: int, level: str = "nation", code: str = ""
) -> list[dict[str, Any]]:
    """NHSO's monthly rows of the closed month `month` (1–12) of budget year `year` (B.E.), for the
    nation (programme admins), a region, province or district (its officers and mentors) or a fund
    (those who see its books): REPORT_ID, FUND_CODE, BUDGET_YEAR, MONTH_ID, BALANCE_FORWARD,
    REVENUE, EXPENDITURE. A fund that has not closed the month has no row."""
    _name, rows = _nhso_rows(request, year, month, level, code)
    return [{k.upper(): v for k, v in asdict(row).items()} for row in rows]


@router.get("/nhso-export.xlsx")
def nhso_workbook(
    request: HttpRequest, year: int, month: int, level: str = "nation", code: str = ""
) -> HttpResponse:
    """The same rows as /nhso-export, as an Excel workbook (header row: NHSO's column names)."""
    name, rows = _nhso_rows(request, year, month, level, code)
    return document_response(nhso_export_document(name, year, month, rows), "xlsx", request=request)


class AccountFeedOut(Schema):
    fund_code: str
    code: str
    name: str
    kind: str
    parent_code: str
    active: bool


class JournalFeedOut(Schema):
    fund_code: str
    date: dt.date
    reference: str
    description: str
    debit_code: str
    credit_code: str
    debit: Decimal
    credit: Decimal


class AccountPageOut(Schema):
    count: int
    items: list[AccountFeedOut]


class JournalPageOut(Schema):
    count: int
    items: list[JournalFeedOut]


@router.get("/nhso-accounts", response=AccountPageOut)
def nhso_accounts(
    request: HttpRequest,
    year: int | None = None,
    level: str = "nation",
    code: str = "",
    offset: int = 0,
    limit: int = 500,
) -> Page:
    """The funds' charts of accounts (fund, code, name, kind, parent), `limit` (≤ 1000) from
    `offset`: a fund's for those who see its books, an area's or the nation's for programme admins."""
    scope = ledger_scope_for(request.user, level, code, year)
    return account_feed(scope, offset=offset, limit=limit)


@router.get("/nhso-journal", response=JournalPageOut)
def nhso_journal(
    request: HttpRequest,
    year: int,
    level: str = "nation",
    code: str = "",
    offset: int = 0,
    limit: int = 500,
) -> Page:
    """The journal lines of budget year `year` in the funds' closed months (fund, date, reference,
    debit code, credit code, debit, credit), `limit` (≤ 1000) from `offset`; who reads as above."""
    scope = ledger_scope_for(request.user, level, code, year)
    return journal_feed(scope, offset=offset, limit=limit)
