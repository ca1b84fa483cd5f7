"""Pages of the fund's books: statements, and the officer's receipts, payment vouchers and refunds
(lists per fund and fiscal year, forms, each document on the screen and as a PDF)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kongtun.accounts.permissions import Action, can, signed_in
from kongtun.finance import services
from kongtun.finance.access import document_for, document_model
from kongtun.finance.documents import books_document, control_book_document, statement_document
from kongtun.finance.forms import BooksDocumentForm, ReceiptForm, RefundForm, VoucherForm
from kongtun.finance.models import Document as BooksDocument
from kongtun.finance.selectors import document_list
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


# The officer's documents -------------------------------------------------------------------------

# Each kind of document: its form, and the service that books it from the form's cleaned data.
BOOKINGS: dict[str, tuple[type[BooksDocumentForm], Callable[..., BooksDocument]]] = {
    "receipts": (ReceiptForm, services.receipt_create),
    "vouchers": (VoucherForm, lambda fund, **data: services.voucher_create(**data)),
    "refunds": (RefundForm, lambda fund, **data: services.refund_create(**data)),
}
NEW_TITLES = {
    "receipts": gettext_lazy("Record a receipt"),
    "vouchers": gettext_lazy("Record a payment voucher"),
    "refunds": gettext_lazy("Record a refund from a project"),
}


@login_required
def document_list_page(request: HttpRequest, code: str, kind: str, year: int) -> HttpResponse:
    """A fund's receipts, payment vouchers or refunds of a fiscal year, for those who read its books."""
    model = document_model(kind)
    fund = fund_for(request.user, code, Action.READ_BOOKS)
    rows = document_list(fund, model, year)
    context = {
        "fund": fund,
        "kind": kind,
        "title": model._meta.verbose_name_plural,
        "year": year,
        "rows": rows,
        "total": sum((row.amount for row in rows), services.ZERO),
        "can_keep": can(request.user, Action.KEEP_BOOKS, fund),
    }
    return render(request, "finance/document_list.html", context)


@login_required
def document_new(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """Record a receipt, payment voucher or refund; what the books refuse is said on the form."""
    if kind not in BOOKINGS:
        raise Http404
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    form_class, book = BOOKINGS[kind]
    form = form_class(fund, request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            document = book(fund=fund, by=signed_in(request.user), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Recorded as number %(number)s.") % {"number": document})
            return redirect("finance:document", kind=kind, pk=document.pk)
    context = {"fund": fund, "kind": kind, "form": form, "title": NEW_TITLES[kind]}
    return render(request, "finance/document_form.html", context)


@login_required
def voucher_periods(request: HttpRequest, code: str) -> HttpResponse:
    """The payment periods of the project chosen on the voucher form (HTMX), as its options."""
    fund = fund_for(request.user, code, Action.KEEP_BOOKS)
    form = VoucherForm(fund, initial={"project": request.GET.get("project", "")})
    return render(request, "finance/_period_options.html", {"field": form["period"]})


@login_required
def document_page(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """One receipt, payment voucher or refund as it prints, with its PDF."""
    document = document_for(request.user, kind, pk)
    printed = books_document(document)
    context = {
        "fund": document.fund,
        "kind": kind,
        "item": document,
        "year": document.fiscal_year,
        "document": printed,
        "body": render_html(printed),
    }
    return render(request, "finance/document.html", context)


@login_required
def document_pdf(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    return document_response(books_document(document_for(request.user, kind, pk)), "pdf", request=request)
