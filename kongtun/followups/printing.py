"""The final report as a Word file (python-docx), in the same order as the web page and the PDF."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kongtun.core.thai import format_baht, format_date
from kongtun.followups.selectors import final_report_context
from kongtun.reports.pdf import pdf_response, render_pdf

FONT = "Sarabun"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def final_report_pdf_response(project: Any, request: HttpRequest, *, inline: bool = True) -> HttpResponse:
    pdf = render_pdf("followups/print_final_report.html", final_report_context(project), request=request)
    return pdf_response(pdf, f"final-report-{project.pk}.pdf", inline=inline)


def final_report_docx_response(project: Any) -> HttpResponse:
    response = HttpResponse(final_report_docx(final_report_context(project)), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="final-report-{project.pk}.docx"'
    return response


def activity_report_pdf_response(report: Any, request: HttpRequest, *, inline: bool = True) -> HttpResponse:
    """One activity report printed on its own, laid out like the field's reports."""
    context = {"report": report, "project": report.project}
    pdf = render_pdf("followups/print_report.html", context, request=request)
    return pdf_response(pdf, f"activity-report-{report.pk}.pdf", inline=inline)


def _use_thai_font(document: Any) -> None:
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Table Grid"):
        style = document.styles[style_name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        szcs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): "30"})
        rpr.append(szcs)
    document.styles["Normal"].font.size = Pt(15)


def _a4(document: Any) -> None:
    """A4 with the margins of the PDF: the text is 16.5 cm wide."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)


def _table(document: Any, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
    """A table with fixed column widths (cm): Word otherwise gives every column the same width."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Repeat the header row on every page the table runs onto.
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads
        for cell in column.cells:
            cell.width = Cm(width)  # the cell widths Word reads


def _page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def final_report_docx(ctx: dict[str, Any]) -> bytes:
    project = ctx["project"]
    doc = Document()
    _a4(doc)
    _use_thai_font(doc)
    if ctx["gaps"]:
        n = len(ctx["gaps"])
        doc.add_heading(
            ngettext("%(n)s thing is missing before printing", "%(n)s things are missing before printing", n)
            % {"n": n},
            level=1,
        )
        for gap in ctx["gaps"]:
            doc.add_paragraph(gap.text, style="List Bullet")
        doc.add_paragraph(
            _(
                "This page is not part of the report: it lists what is still missing. "
                "Enter the missing data and print again."
            )
        )
        _page_break(doc)
    # Cover.
    for text in (_("Final report"), ctx["funder"], f"“ {project.title} ”", ctx["area"]):
        para = doc.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if ctx["leaders"]:
        for text in (_("Project leaders"), ctx["leaders"]):
            doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Project information.
    doc.add_paragraph(f"{_('Project title')} {project.title}")
    doc.add_paragraph(f"{_('Address')} {ctx['area']} {_('Province')} {ctx['province']}")
    doc.add_paragraph(f"{_('Project code')} {project.code or ''} {_('Agreement no.')} {project.agreement_no}")
    doc.add_paragraph(
        _("Period from %(start)s to %(end)s")
        % {"start": format_date(project.start_date), "end": format_date(project.end_date)}
    )
    _page_break(doc)
    doc.add_heading(_("Acknowledgements"), level=1)
    for text in ctx["acknowledgement"]:
        doc.add_paragraph(text)
    doc.add_paragraph(_("The project team")).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_heading(_("Abstract"), level=1)
    doc.add_paragraph(ctx["abstract_intro"])
    doc.add_paragraph(project.abstract or _("No abstract has been written for this project yet."))
    _page_break(doc)
    doc.add_heading(_("Contents"), level=1)
    for text in _contents():
        doc.add_paragraph(text)
    _page_break(doc)
    doc.add_heading(_("Background and rationale"), level=1)
    doc.add_paragraph(project.rationale or "-")
    doc.add_heading(_("Objectives"), level=1)
    for objective in ctx["objectives"]:
        doc.add_paragraph(f"- {objective.text}")
    doc.add_heading(_("Activities"), level=1)
    for result in ctx["results"]:
        doc.add_paragraph(f"- {result.title}")
    doc.add_heading(_("Target groups"), level=1)
    _table(
        doc,
        [_("Target group"), pgettext("final report", "Planned (persons)")],
        [[g.name, f"{g.planned_count:,}"] for g in ctx["target_groups"]],
        [12.5, 4],
    )
    doc.add_heading(_("Expected results"), level=1)
    doc.add_paragraph(project.expected_results or "-")
    # Part 1.
    doc.add_heading(_("Part 1: Results of the work"), level=1)
    rows = []
    for result in ctx["results"]:
        lines = [f"{result.number}. {result.title}"]
        for report in result.reports:
            lines.append(_("Date %(date)s") % {"date": format_date(report.date)})
            lines.append(f"{_('What was done')}: {report.done}")
            lines.append(f"{_('Outputs / outcomes')}**: {report.results}")
        rows.append(["\n".join(lines), f"{result.planned_count:,}", f"{result.actual_count:,}"])
    _table(
        doc,
        [_("Activities of the project"), _("Planned output*"), _("Actual output")],
        rows,
        [11.5, 2.5, 2.5],
    )
    for note in _notes():
        doc.add_paragraph(note)
    # Part 2.
    doc.add_heading(_("Part 2: Results by objective"), level=1)
    rows = []
    for number, objective in enumerate(ctx["objectives"], start=1):
        for ind in objective.indicators.all():
            rows.append(
                [
                    f"{number}. {objective.text}\n{_('Indicator')}: {ind.name}",
                    _num(ind.baseline),
                    _num(ind.target),
                    _num(ind.result),
                    ind.explanation,
                ]
            )
    headers = [_("Objective"), _("Situation"), _("Target"), _("Result"), _("Explanation")]
    _table(doc, headers, rows, [7, 2, 2, 2, 3.5])
    doc.add_heading(_("Participants"), level=2)
    rows = [[g.name, f"{g.planned_count:,}", f"{g.actual_count or 0:,}"] for g in ctx["target_groups"]]
    rows.append([_("All target groups"), f"{ctx['planned_total']:,}", f"{ctx['actual_total']:,}"])
    headings = [_("Target group"), pgettext("final report", "Planned (persons)"), _("Took part (persons)")]
    _table(doc, headings, rows, [10.5, 3, 3])
    doc.add_heading(f"{_('Abstract')}*", level=2)
    doc.add_paragraph(project.abstract or "-")
    doc.add_heading(_("Problems and suggestions"), level=2)
    _table(
        doc,
        [_("Problem or obstacle"), _("Cause"), _("Suggestion")],
        [[p.problem, p.cause, p.suggestion] for p in ctx["problems"]],
        [6, 5, 5.5],
    )
    doc.add_paragraph(
        _("Budget approved %(approved)s, spent %(spent)s.")
        % {"approved": format_baht(ctx["approved"]), "spent": format_baht(ctx["spent"])}
    )
    # Closing and signature.
    doc.add_paragraph(f"{project.title} {_('Province')} {ctx['province']}")
    doc.add_paragraph(f"{_('Project code')} {project.code or ''}")
    doc.add_paragraph(_("has carried out the activities it proposed, completely."))
    for text in (
        "................................",
        f"( {ctx['leaders'] or ''} )",
        _("Project leader"),
        "......./............/.......",
    ):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _num(value: Any) -> str:
    return "" if value is None else f"{value:,.2f}"


def _notes() -> list[str]:
    return [
        _(
            "* An output is the quantity an activity produced, such as the number of people at a meeting "
            "or trained, or of households growing vegetables."
        ),
        _(
            "** An outcome is a change that leads to solving the problem, such as how many people changed "
            "their behaviour after training, or a community rule that changes behaviour or the environment. "
            "Back it with evidence: a list of leaders, a summary of a knowledge test, photos of the activity "
            "with captions."
        ),
    ]


def _contents() -> list[str]:
    return [
        _("Acknowledgements"),
        _("Abstract"),
        _("Background and rationale"),
        _("Objectives"),
        _("Activities"),
        _("Target groups"),
        _("Expected results"),
        _("Part 1: Results of the work"),
        _("Part 2: Results by objective"),
        _("Problems and suggestions"),
    ]
