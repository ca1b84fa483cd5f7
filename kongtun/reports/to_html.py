"""A document as HTML: a fragment for a web page, or a whole page for WeasyPrint (`to_pdf`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from kongtun.reports import document as d


def render_html(document: d.Document, *, for_print: bool = False) -> SafeString:
    """The blocks of `document` as HTML. For print, images are read from disk (the PDF must not
    fetch them back from this server) and the workbook-only columns are left out as on screen."""
    return _Html(document, for_print).blocks(document.blocks)


def render_css(document: d.Document) -> str:
    """Column widths of the document's tables, for the print style sheet. The screen leaves widths
    to the browser (a phone is narrower than A4, and the page's policy forbids inline styles)."""
    rules = []
    for number, table in enumerate(document.tables(), start=1):
        columns = table.printed().columns
        total = sum(c.width for c in columns) or 1
        for index, column in enumerate(columns, start=1):
            rules.append(f"#t{number} col:nth-child({index}) {{ width: {100 * column.width / total:.2f}%; }}")
    return "\n".join(rules)


class _Html:
    def __init__(self, document: d.Document, for_print: bool) -> None:
        self.document = document
        self.for_print = for_print
        self.table_number = 0

    def blocks(self, blocks: Iterable[d.Block]) -> SafeString:
        return mark_safe("\n".join(self.block(b) for b in blocks))

    def block(self, block: d.Block) -> str:
        match block:
            case d.Heading(text, level, anchor):
                level = min(max(level, 1), 3)
                anchor_attr = format_html(' id="{}"', anchor) if anchor else ""
                return format_html("<h{0}{1}>{2}</h{0}>", level, anchor_attr, text_html(text))
            case d.Paragraph():
                classes = [
                    name
                    for name, on in (
                        (block.align, block.align != "left"),
                        ("indent", block.indent),
                        ("muted", block.muted),
                        ("note", block.small),
                    )
                    if on
                ]
                class_attr = format_html(' class="{}"', " ".join(classes)) if classes else ""
                return format_html("<p{}>{}</p>", class_attr, text_html(block.text))
            case d.BulletList(items):
                return format_html(
                    "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((text_html(i),) for i in items))
                )
            case d.KeyValues(items):
                rows = format_html_join(
                    "", "<tr><th>{}</th><td>{}</td></tr>", ((label, text_html(v)) for label, v in items)
                )
                return format_html('<table class="info">{}</table>', rows)
            case d.Table():
                return self.table(block)
            case d.Images(images):
                figures = format_html_join(
                    "",
                    '<figure><img src="{}" alt="{}">{}</figure>',
                    (
                        (
                            i.src if self.for_print else i.url,
                            i.caption,
                            format_html("<figcaption>{}</figcaption>", i.caption) if i.caption else "",
                        )
                        for i in images
                    ),
                )
                return format_html('<div class="photo-grid">{}</div>', figures)
            case d.Signature(lines):
                return format_html(
                    '<div class="signature">{}</div>',
                    format_html_join("", "<p>{}</p>", ((line,) for line in lines)),
                )
            case d.PageBreak():
                return '<div class="page-break"></div>'
            case d.Contents(title):
                entries = format_html_join(
                    "",
                    '<li><a href="#{}">{}</a></li>',
                    ((h.anchor, h.text) for h in self.document.contents()),
                )
                return format_html('<h2>{}</h2><ol class="toc">{}</ol>', title, entries)
            case d.Section():
                kind = "cover" if block.cover else "keep" if block.keep_together else ""
                return format_html('<section class="{}">{}</section>', kind, self.blocks(block.blocks))
        raise TypeError(block)

    def table(self, table: d.Table) -> str:
        self.table_number += 1
        table = table.printed()
        columns = table.columns
        head = ""
        if table.header:
            head = format_html(
                "<thead><tr>{}</tr></thead>",
                format_html_join("", "<th{}>{}</th>", ((_num(c), c.label) for c in columns)),
            )
        rows = [self.row(row, columns) for row in table.rows] or [
            format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), table.empty)
        ]
        classes = "grid small" if table.small else "grid"
        return format_html(
            '<table id="t{}" class="{}"><colgroup>{}</colgroup>{}<tbody>{}</tbody></table>',
            self.table_number,
            classes,
            mark_safe("<col>" * len(columns)),
            head,
            mark_safe("".join(rows)),
        )

    def row(self, row: d.Row, columns: list[d.Column]) -> str:
        cells = format_html_join(
            "",
            "<td{}{}>{}</td>",
            (
                (
                    format_html(' colspan="{}"', cell.colspan) if cell.colspan > 1 else "",
                    _num(column) if cell.colspan == 1 else "",
                    text_html(column.format(cell.value, cell.kind)),
                )
                for column, cell in row.placed(columns)
            ),
        )
        kind = format_html(' class="{}"', row.kind) if row.kind != "body" else ""
        return format_html("<tr{}>{}</tr>", kind, cells)


def _num(column: d.Column) -> SafeString:
    return mark_safe(' class="num"' if column.right else "")


def text_html(text: d.Text) -> SafeString:
    """Escaped text, its line breaks kept, its spans emphasised."""
    parts = []
    for span in d.spans(text):
        html = escape(span.text).replace("\n", "<br>")
        if span.bold:
            html = f"<strong>{html}</strong>"
        if span.italic:
            html = f"<em>{html}</em>"
        if span.muted:
            html = f'<span class="muted">{html}</span>'
        parts.append(html)
    return mark_safe("".join(parts))
