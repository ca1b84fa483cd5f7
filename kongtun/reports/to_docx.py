"""A document as a Word file (python-docx): A4 with the PDF's margins, Sarabun embedded, tagged Thai.

Word draws Thai with the *complex-script* settings of a run (``w:cs`` font, ``w:szCs`` size,
``w:bCs`` bold), not the Latin ones, so every style sets both. The template's theme fonts are
removed: a theme font wins over a named one, and the theme's Thai font is Angsana or Cordia.
Sarabun (OFL, which allows embedding) is embedded, so the file looks the same on a computer
without it; ``tests/test_documents.py`` converts a file with LibreOffice to check.
"""

from __future__ import annotations

import io
import logging
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname, urlopen

import docx
from django.conf import settings
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from kongtun.reports import document as d

FONT = "Sarabun"
LANGUAGE = {"th": "th-TH", "en": "en-GB"}
# Sizes in points, those of reports/print_base.html.
BODY, TABLE, NOTE, TITLE, COVER_TITLE, COVER = 15, 13, 12, 20, 26, 17
HEADING = {2: 17, 3: 15}
GREY = RGBColor(0x55, 0x55, 0x55)
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
EMBEDDED = {
    "Regular": "embedRegular",
    "Bold": "embedBold",
    "Italic": "embedItalic",
    "BoldItalic": "embedBoldItalic",
}

# The order of the children of w:rPr and w:tcPr in the schema: Word refuses a file that breaks it.
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TCPR_ORDER = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]

logger = logging.getLogger(__name__)

# The template's font table is a plain part; read it as XML so the embedded fonts can be listed in it.
PartFactory.part_type_for.setdefault(CT.WML_FONT_TABLE, XmlPart)


def render_docx(document: d.Document) -> bytes:
    word = docx.Document()
    _page(word, document)
    _styles(word, LANGUAGE.get(document.language, document.language))
    _embed_font(word)
    word.core_properties.title = document.title
    word.core_properties.language = LANGUAGE.get(document.language, document.language)
    _Writer(word, document).blocks(document.blocks)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _set(parent: Any, tag: str, order: list[str], **attrs: str) -> Any:
    """Put one `tag` child into `parent` at its place in the schema's order, with `attrs`."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    element = OxmlElement(f"w:{tag}", {qn(f"w:{k}"): v for k, v in attrs.items()})
    successors = order[order.index(tag) + 1 :]
    parent.insert_element_before(element, *(f"w:{t}" for t in successors))
    return element


def _run_format(
    rpr: Any, *, size: float | None = None, bold: bool | None = None, italic: bool | None = None
) -> None:
    """Latin and complex-script (Thai) settings together."""
    if bold is not None:
        for tag in ("b", "bCs"):
            _set(rpr, tag, RPR_ORDER, val="1" if bold else "0")
    if italic is not None:
        for tag in ("i", "iCs"):
            _set(rpr, tag, RPR_ORDER, val="1" if italic else "0")
    if size is not None:
        for tag in ("sz", "szCs"):
            _set(rpr, tag, RPR_ORDER, val=str(round(size * 2)))


def _thai_fonts(rpr: Any, language: str) -> None:
    _set(rpr, "rFonts", RPR_ORDER, ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
    _set(rpr, "lang", RPR_ORDER, val=language, eastAsia=language, bidi=language)


def _page(word: Any, document: d.Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Cm(document.PAGE_WIDTH_CM), Cm(document.PAGE_HEIGHT_CM)
    margins = document.margins
    section.top_margin, section.right_margin = Cm(margins.top), Cm(margins.right)
    section.bottom_margin, section.left_margin = Cm(margins.bottom), Cm(margins.left)
    if document.numbered:
        _page_numbers(section, skip_first=bool(document.blocks) and _is_cover(document.blocks[0]))


def _is_cover(block: d.Block) -> bool:
    return isinstance(block, d.Section) and block.cover


def _page_numbers(section: Any, *, skip_first: bool) -> None:
    """The page number centred at the foot, as on the PDF; none on the cover."""
    section.different_first_page_header_footer = skip_first
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple", {qn("w:instr"): "PAGE"})
    field.append(OxmlElement("w:r"))
    paragraph._p.append(field)


def _styles(word: Any, language: str) -> None:
    styles = word.styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _thai_fonts(defaults, language)
    _run_format(defaults, size=BODY)
    for fonts in styles.element.iter(qn("w:rFonts")):  # table styles' parts included
        fonts.attrib.clear()  # the theme fonts go
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{slot}"), FONT)
    normal = styles["Normal"]
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    for name, size in (("Title", TITLE), ("Heading 1", HEADING[2]), ("Heading 2", HEADING[3])):
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _run_format(rpr, size=size, bold=True)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(4)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    border = title.element.pPr.find(qn("w:pBdr"))
    if border is not None:
        title.element.pPr.remove(border)
    for name, size, grey in (("Table Text", TABLE, False), ("Note", NOTE, True)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _run_format(style.element.get_or_add_rPr(), size=size)
        style.paragraph_format.space_after = Pt(0 if name == "Table Text" else 4)
        style.paragraph_format.line_spacing = 1.0
        if grey:
            style.font.color.rgb = GREY


def _embed_font(word: Any) -> None:
    """Embed the four Sarabun faces, obfuscated as ECMA-376 §17.8.1 asks (the first 32 bytes XORed
    with the reversed bytes of the font key), and name them in the font table."""
    font_table = next(p for p in word.part.package.iter_parts() if p.content_type == CT.WML_FONT_TABLE)
    fonts = font_table.element
    entry = OxmlElement("w:font", {qn("w:name"): FONT})
    for tag, attrs in (
        ("charset", {"val": "DE"}),
        ("family", {"val": "auto"}),
        ("pitch", {"val": "variable"}),
    ):
        entry.append(OxmlElement(f"w:{tag}", {qn(f"w:{k}"): v for k, v in attrs.items()}))
    for number, (face, tag) in enumerate(EMBEDDED.items(), start=1):
        data = (Path(settings.SARABUN_DIR) / f"Sarabun-{face}.ttf").read_bytes()
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"kongtun/Sarabun-{face}")).upper() + "}"
        part = Part(
            PackURI(f"/word/fonts/font{number}.odttf"),
            OBFUSCATED_FONT,
            _obfuscate(data, key),
            word.part.package,
        )
        rid = font_table.relate_to(part, RT.FONT)
        entry.append(OxmlElement(f"w:{tag}", {qn("r:id"): rid, qn("w:fontKey"): key}))
    fonts.append(entry)
    settings_element = word.settings.element
    embed = OxmlElement("w:embedTrueTypeFonts")
    zoom = settings_element.find(qn("w:zoom"))
    if zoom is not None:
        zoom.addnext(embed)
    else:
        settings_element.insert(0, embed)


def _obfuscate(data: bytes, key: str) -> bytes:
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


class _Writer:
    """Writes blocks at the end of the document body, in order."""

    def __init__(self, word: Any, document: d.Document) -> None:
        self.word = word
        self.document = document
        self.language = LANGUAGE.get(document.language, document.language)
        self.break_before = False  # the next paragraph starts a page
        self.space_before: Any = None  # the next paragraph starts lower down (a cover)
        self.centred = False  # inside the cover
        self.keep = False  # inside blocks kept on one page

    def blocks(self, blocks: Iterable[d.Block]) -> None:
        for block in blocks:
            self.block(block)

    def paragraph(self, text: d.Text = "", style: str | None = None, **options: Any) -> Any:
        paragraph = self.word.add_paragraph(style=style)
        fmt = paragraph.paragraph_format
        if self.break_before:
            fmt.page_break_before = True
            self.break_before = False
        if self.space_before is not None:
            fmt.space_before, self.space_before = self.space_before, None
        if self.keep:
            fmt.keep_with_next = True
        add_text(paragraph, text, **options)
        if self.centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                _run_format(run._r.get_or_add_rPr(), size=COVER_TITLE if style == "Title" else COVER)
        return paragraph

    def block(self, block: d.Block) -> None:
        match block:
            case d.Heading(text, level):
                style = "Title" if level <= 1 else f"Heading {min(level, 3) - 1}"
                self.paragraph(text, style)
            case d.Paragraph():
                paragraph = self.paragraph(block.text, "Note" if block.small else None, muted=block.muted)
                if block.align != "left":
                    paragraph.alignment = {
                        "center": WD_ALIGN_PARAGRAPH.CENTER,
                        "right": WD_ALIGN_PARAGRAPH.RIGHT,
                    }[block.align]
                if block.indent:
                    paragraph.paragraph_format.first_line_indent = Cm(1.25)
            case d.BulletList(items):
                for item in items:
                    self.paragraph(item, "List Bullet")
            case d.KeyValues(items):
                self.key_values(items)
            case d.Table():
                self.table(block.printed())
            case d.Images():
                self.images(block)
            case d.Signature(lines):
                for line in lines:
                    paragraph = self.paragraph(line)
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    paragraph.paragraph_format.left_indent = Cm(0.2 * self.document.text_width)
                    paragraph.paragraph_format.keep_with_next = True
            case d.PageBreak():
                self.break_before = True
            case d.Contents(title):
                self.paragraph(title, "Heading 1")
                for number, heading in enumerate(self.document.contents(), start=1):
                    self.paragraph(f"{number}. {heading.text}")
            case d.Section():
                self.section(block)
            case _:
                raise TypeError(block)

    def section(self, section: d.Section) -> None:
        self.centred, self.keep = section.cover, section.keep_together
        if section.cover:
            self.space_before = Cm(5)
        self.blocks(section.blocks)
        self.centred = self.keep = False

    def before_table(self) -> None:
        """A table cannot start a page by itself: an empty paragraph carries the page break."""
        if self.break_before:
            self.paragraph()

    def widths(self, columns: list[d.Column]) -> list[Any]:
        total = sum(c.width for c in columns) or 1
        return [Cm(self.document.text_width * c.width / total) for c in columns]

    def table(self, table: d.Table) -> None:
        self.before_table()
        columns = table.columns
        grid = self.word.add_table(rows=0, cols=len(columns))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        if table.header:
            cells = grid.add_row().cells
            for cell, column in zip(cells, columns, strict=True):
                self.cell_text(cell, column.label, numeric=column.right, bold=True)
                _shade(cell, "EEEEEE")
                if table.small:
                    for run in cell.paragraphs[0].runs:
                        _run_format(run._r.get_or_add_rPr(), size=NOTE)
            trpr = grid.rows[0]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))  # repeated on every page
        for row in table.rows or [d.Row([d.Cell(table.empty, colspan=len(columns))])]:
            self.row(grid, row, columns)
        _widths(grid, self.widths(columns))
        self.paragraph().paragraph_format.space_after = Pt(2)

    def row(self, grid: Any, row: d.Row, columns: list[d.Column]) -> None:
        added = grid.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row is not split over pages
        cells = added.cells
        index = 0
        for column, cell in row.placed(columns):
            target = cells[index]
            if cell.colspan > 1:
                target = target.merge(cells[min(index + cell.colspan, len(cells)) - 1])
            index += cell.colspan
            numeric = cell.colspan == 1 and column.right
            text = column.format(cell.value, cell.kind)
            self.cell_text(target, text, numeric=numeric, bold=row.kind == "total")
            if row.kind == "group":
                _shade(target, "F3F3F3")
                for paragraph in target.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
            if row.kind == "total":
                borders = _set(target._tc.get_or_add_tcPr(), "tcBorders", TCPR_ORDER)
                borders.append(OxmlElement("w:top", {qn("w:val"): "single", qn("w:sz"): "12"}))

    def cell_text(self, cell: Any, text: d.Text, *, numeric: bool = False, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.word.styles["Table Text"]
        if numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(paragraph, text, bold=bold)

    def key_values(self, items: list[tuple[str, d.Text]]) -> None:
        self.paragraph()  # the space above, as in the PDF
        grid = self.word.add_table(rows=0, cols=2)  # the default table style draws no lines
        for label, value in items:
            cells = grid.add_row().cells
            add_text(cells[0].paragraphs[0], label, bold=True)
            add_text(cells[1].paragraphs[0], value)
        width = self.document.text_width
        _widths(grid, [Cm(width * 0.3), Cm(width * 0.7)])
        for row in grid.rows:
            for cell in row.cells:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT

    def images(self, block: d.Images) -> None:
        """Three photos to a row, in a table without lines; a photo that cannot be read is left out."""
        images = [(i, data) for i in block.images if (data := _picture(i.src)) is not None]
        if not images:
            return
        self.before_table()
        grid = self.word.add_table(rows=0, cols=3)
        width = Cm(self.document.text_width / 3 - 0.4)
        for start in range(0, len(images), 3):
            cells = grid.add_row().cells
            for cell, (image, data) in zip(cells, images[start : start + 3], strict=False):
                cell.paragraphs[0].add_run().add_picture(data, width=width)
                if image.caption:
                    add_text(cell.add_paragraph(style="Note"), image.caption)


def _picture(src: str) -> io.BytesIO | None:
    """The picture's bytes, from disk or from its signed link (as WeasyPrint reads it for the PDF)."""
    try:
        if src.startswith("file:"):
            return io.BytesIO(Path(url2pathname(urlparse(src).path)).read_bytes())
        with urlopen(src, timeout=10) as response:  # a link this server signed
            return io.BytesIO(response.read())
    except (OSError, ValueError):
        logger.warning("Photo not readable for the Word file: %s", src.split("?")[0])
        return None


def _widths(grid: Any, widths: list[Any]) -> None:
    """The grid LibreOffice reads and the cell widths Word reads; a merged cell gets its columns' sum."""
    grid.autofit = False  # a fixed layout: Word otherwise gives every column the same width
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for tr in grid._tbl.tr_lst:
        start = 0
        for tc in tr.tc_lst:
            tc.width = Emu(sum(widths[start : start + tc.grid_span]))
            start += tc.grid_span


def _shade(cell: Any, fill: str) -> None:
    _set(cell._tc.get_or_add_tcPr(), "shd", TCPR_ORDER, val="clear", color="auto", fill=fill)


def add_text(paragraph: Any, text: d.Text, *, bold: bool = False, muted: bool = False) -> None:
    for span in d.spans(text):
        add_span(paragraph, span, bold=bold, muted=muted)


def add_span(paragraph: Any, span: d.Span, *, bold: bool = False, muted: bool = False) -> None:
    if not span.text:
        return
    run = paragraph.add_run(span.text)  # python-docx writes a newline as a line break
    rpr = run._r.get_or_add_rPr()
    _run_format(rpr, bold=True if span.bold or bold else None, italic=True if span.italic else None)
    if span.muted or muted:
        run.font.color.rgb = GREY
