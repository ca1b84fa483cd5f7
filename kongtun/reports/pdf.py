"""PDF printing with WeasyPrint and the Sarabun font, shared by every printable page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from kongtun.reports import pdftext


def render_pdf(template_name: str, context: dict[str, Any], *, request: HttpRequest | None = None) -> bytes:
    """Render a template that extends `reports/print_base.html` to PDF bytes."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment and most requests need none

    pdftext.install()  # so that copied, searched and read-aloud Thai text is the text printed
    html = render_to_string(template_name, {**context, "sarabun_dir": settings.SARABUN_DIR}, request=request)
    base_url = request.build_absolute_uri("/") if request is not None else str(settings.BASE_DIR)
    return bytes(HTML(string=html, base_url=base_url).write_pdf())


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(not inline, filename) or ""
    return response
