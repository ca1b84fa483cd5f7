"""Pages of the fund's books."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kongtun.accounts.permissions import Action
from kongtun.finance.documents import control_book_document, statement_document
from kongtun.finance.statements import control_book, period_choices, period_parse, statement
from kongtun.funds.access import fund_for
from kongtun.reports.document import Document
from kongtun.reports.formats import document_response
from kongtun.reports.to_html import render_html

# The statements a fund's books print: what each reads from the ledger and how it is laid out.
REPORTS: dict[str, tuple[Callable[..., Any], Callable[[Any], Document]]] = {
    "statement": (statement, statement_document),
    "control-book": (control_book, control_book_document),
}


def _document(request: HttpRequest, code: str, report: str, year: int, period: str) -> Document:
    if report not in REPORTS:
        raise Http404
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    read, build = REPORTS[report]
    return build(read(fund, period_parse(year, period)))


@login_required
def statement_page(request: HttpRequest, code: str, report: str, year: int, period: str) -> HttpResponse:
    """A statement or the control book of a period, on the screen, with its PDF and workbook."""
    document = _document(request, code, report, year, period)
    context = {
        "code": code,
        "report": report,
        "year": year,
        "period": period,
        "periods": period_choices(year),
        "document": document,
        "body": render_html(document),
    }
    return render(request, "finance/statement.html", context)


@login_required
def statement_file(
    request: HttpRequest, code: str, report: str, year: int, period: str, extension: str
) -> HttpResponse:
    if extension not in ("pdf", "xlsx"):
        raise Http404
    return document_response(_document(request, code, report, year, period), extension, request=request)
