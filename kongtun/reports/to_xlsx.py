"""A document's tables as an Excel workbook (openpyxl): one sheet per table, its header in row 1.

Text that someone typed is always a text cell, never a formula: a value starting with ``=`` is
stored as text and marked with Excel's leading-apostrophe flag (``quotePrefix``), so neither Excel
nor LibreOffice runs it, and characters a workbook cannot hold are dropped instead of failing.
Numbers stay numbers, so that the sheet adds them up.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kongtun.core.thai import format_date
from kongtun.reports.cells import looks_like_formula
from kongtun.reports.document import Column, Document, Heading, Row, Table, Value, plain

NUMBER_FORMAT = {"int": "#,##0", "money": "#,##0.00", "decimal": "#,##0.00", "number": "General"}
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
CM_TO_WIDTH = 5  # a column `width` in cm of A4 as Excel's column width (characters)


def render_xlsx(document: Document) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    book.properties.title = document.title
    book.properties.language = document.language
    names: set[str] = set()
    for table, heading in _tables_with_headings(document):
        sheet = book.create_sheet(_sheet_name(table.title or heading or document.title, names))
        _write(sheet, table)
    if not book.worksheets:
        book.create_sheet(_sheet_name(document.title, names))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _tables_with_headings(document: Document) -> list[tuple[Table, str]]:
    """Each table with the heading it stands under, the sheet's name when the table has no title."""
    found, heading = [], ""
    for block in document.walk():
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table):
            found.append((block, heading))
    return found


def _sheet_name(title: str, taken: set[str]) -> str:
    base = SHEET_NAME_BAD.sub(" ", " ".join(title.split()))[:31].strip() or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def _write(sheet: Worksheet, table: Table) -> None:
    columns = table.columns
    row_number = 0
    if table.header:
        row_number = 1
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index)
            _put(cell, column.label)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    for row in table.rows:
        row_number += 1
        _write_row(sheet, row_number, row, columns)
    for index in range(1, len(columns) + 1):
        letter = sheet.cell(row=1, column=index).column_letter
        lengths = [len(str(c.value or "")) for c in next(sheet.iter_cols(index, index))]
        sheet.column_dimensions[letter].width = min(max(max(lengths, default=0) + 2, 8), 60)


def _write_row(sheet: Worksheet, number: int, row: Row, columns: Sequence[Column]) -> None:
    index = 1
    for column, cell in row.placed(list(columns)):
        target = sheet.cell(row=number, column=index)
        _put(target, cell.value, cell.kind or column.kind)
        if row.kind in ("group", "total"):
            target.font = Font(bold=True)
        if cell.colspan > 1:
            sheet.merge_cells(
                start_row=number, start_column=index, end_row=number, end_column=index + cell.colspan - 1
            )
        index += cell.colspan


def _put(cell: Any, value: Value, kind: str = "text") -> None:
    if value is None:
        return
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float | Decimal):
        cell.value = value
        cell.number_format = NUMBER_FORMAT.get(kind, "General")
        return
    text = format_date(value) if isinstance(value, dt.date) else plain(value)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    cell.data_type = "s"  # openpyxl takes a string starting with "=" for a formula
    if looks_like_formula(text):
        cell.quotePrefix = True
    if "\n" in text:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_xlsx_rows(
    out: BinaryIO,
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Value]],
    about: Sequence[tuple[str, Value]] = (),
    language: str = "th",
) -> int:
    """A workbook of any length written row by row (openpyxl's write-only mode keeps the rows on
    disk, not in memory): the rows on a sheet named `title` under a header, then a sheet `about`
    saying what the file holds and how many rows. Returns the number of rows written."""
    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.language = language
    names: set[str] = set()
    sheet = book.create_sheet(_sheet_name(title, names))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(column.width * CM_TO_WIDTH, 8), 60)
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, column.label, bold=True) for column in columns])
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, value, column.kind) for column, value in zip(columns, row, strict=False)])
        count += 1
    info = book.create_sheet(_sheet_name(_("About this file"), names))
    info.column_dimensions["A"].width = 30
    info.column_dimensions["B"].width = 60
    facts: list[tuple[str, Value]] = [(_("File"), title), (_("Rows"), count), *about]
    for label, value in facts:
        info.append([_cell(info, label, bold=True), _cell(info, value, "int")])
    book.save(out)
    return count


def _cell(sheet: Any, value: Value, kind: str = "text", *, bold: bool = False) -> Any:
    cell = WriteOnlyCell(sheet)
    _put(cell, value, kind)
    if bold:
        cell.font = Font(bold=True)
    return cell
