"""Every format a document can be downloaded in, and the one response that sends it.

A view builds its `Document` and calls `document_response(document, "docx")`; adding a format to
a report is adding its name to the view's URL, not writing the report again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from kongtun.reports.document import Document
from kongtun.reports.pdf import render_pdf
from kongtun.reports.to_docx import render_docx
from kongtun.reports.to_html import render_css, render_html
from kongtun.reports.to_xlsx import render_xlsx


def document_pdf(document: Document, *, request: HttpRequest | None = None) -> bytes:
    context = {
        "document": document,
        "body": render_html(document, for_print=True),
        "css": mark_safe(render_css(document)),  # built from numbers only
    }
    return render_pdf("reports/document.html", context, request=request)


@dataclass(frozen=True)
class Format:
    content_type: str
    render: Callable[[Document, HttpRequest | None], bytes]
    inline: bool = False  # shown by the browser rather than saved


FORMATS: dict[str, Format] = {
    "pdf": Format("application/pdf", lambda d, request: document_pdf(d, request=request), inline=True),
    "docx": Format(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda d, _request: render_docx(d),
    ),
    "xlsx": Format(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda d, _request: render_xlsx(d),
    ),
}


def document_bytes(document: Document, extension: str, *, request: HttpRequest | None = None) -> bytes:
    return FORMATS[extension].render(document, request)


def document_response(
    document: Document, extension: str, *, request: HttpRequest | None = None, inline: bool | None = None
) -> HttpResponse:
    """The document as a file; a PDF opens in the browser unless `inline` is False."""
    fmt = FORMATS.get(extension)
    if fmt is None:
        raise Http404
    response = HttpResponse(fmt.render(document, request), content_type=fmt.content_type)
    show = fmt.inline if inline is None else inline and fmt.inline
    filename = f"{document.filename}.{extension}"
    response["Content-Disposition"] = content_disposition_header(not show, filename) or ""
    return response
