"""Excel workbooks of the dashboard tables and of the project list (openpyxl)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kongtun.dashboards.selectors import Dashboard
from kongtun.projects.models import Project

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    sheet = book.create_sheet(title=title[:31])
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)


def dashboard_workbook(board: Dashboard) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    _sheet(
        book,
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            (_("Area"), board.scope.name),
            (_("Fiscal year"), board.scope.fiscal_year),
            (_("Funds"), board.funds),
            (_("Funds with situation data"), board.funds_with_situation),
            (_("Plans"), board.plans),
            (_("Proposals"), board.proposals),
            (_("Approved projects (distinct)"), board.approved),
            (_("Requested budget of approved projects (baht)"), board.requested),
            (_("Approved budget (baht)"), board.approved_budget),
            (_("Spent (baht)"), board.spent),
            (_("Activities reported"), board.reports),
        ],
    )
    header = [
        _("Issue"),
        _("Funds with situation data"),
        _("Plans"),
        _("Plan budget (baht)"),
        _("Proposals"),
        _("Approved projects"),
        _("Requested (baht)"),
        _("Approved (baht)"),
        _("Spent (baht)"),
        _("Activities reported"),
    ]
    _sheet(
        book,
        _("By issue"),
        header,
        [
            (
                r.label,
                r.situation_funds,
                r.plans,
                r.plan_budget,
                r.proposals,
                r.approved,
                r.requested,
                r.approved_budget,
                r.spent,
                r.reports,
            )
            for r in board.by_issue
        ],
    )
    _sheet(
        book,
        _("By support type"),
        [_("Support type"), *header[4:]],
        [
            (r.label, r.proposals, r.approved, r.requested, r.approved_budget, r.spent, r.reports)
            for r in board.by_support_type
        ],
    )
    _sheet(
        book,
        _("By programme role"),
        [_("Programme role"), _("Funds")],
        [(label, n) for _k, label, n in board.funds_by_role],
    )
    _sheet(
        book, _("By status"), [_("Status"), _("Proposals")], [(label, n) for _k, label, n in board.by_status]
    )
    if board.children:
        _sheet(
            book,
            _("By area"),
            [_("Area"), _("Funds"), _("Plans"), _("Proposals"), _("Approved projects"), _("Approved (baht)")],
            [(c.label, c.funds, c.plans, c.proposals, c.approved, c.approved_budget) for c in board.children],
        )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def project_workbook(projects: Iterable[Project]) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    _sheet(
        book,
        _("Projects"),
        [
            _("Fiscal year"),
            _("Fund code"),
            _("Fund"),
            _("Project code"),
            _("Project title"),
            _("Status"),
            _("Support type"),
            _("Requested (baht)"),
            _("Approved (baht)"),
        ],
        (
            (
                p.fiscal_year,
                p.fund.code,
                p.fund.name,
                p.code or "",
                p.title,
                p.get_status_display(),
                str(p.support_type or ""),
                p.requested_budget,
                p.approved_budget,
            )
            for p in projects
        ),
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
