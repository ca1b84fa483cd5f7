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
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from kongtun.core.thai import format_date
from kongtun.reports.cells import looks_like_formula
from kongtun.reports.document import Column, Document, Heading, Row, Table, Value, plain

NUMBER_FORMAT = {"int": "#,##0", "money": "#,##0.00", "decimal": "#,##0.00", "number": "General"}
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


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
