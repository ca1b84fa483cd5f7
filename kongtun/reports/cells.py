"""The one rule for cells of files a spreadsheet opens (Excel, CSV): text someone typed is never a
formula (OWASP "CSV injection"). `to_xlsx` stores such text as a text cell marked with Excel's
leading-apostrophe flag; `to_csv` writes it behind an apostrophe, which reading a CSV back removes."""

from __future__ import annotations

from decimal import Decimal

# What spreadsheet programs read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CellValue = str | int | float | Decimal | None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_cell(value: object) -> CellValue:
    """A value as a CSV cell: numbers as they are, text that would start a formula behind `'`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def csv_cell_read(text: str) -> str:
    """A CSV cell as it was typed: the apostrophe `csv_cell` put before a formula-like text removed."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text
