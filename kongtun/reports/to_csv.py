"""Rows as a CSV file (UTF-8 with a byte-order mark, so Excel reads Thai), every cell through
`cells.csv_cell`: text that would start a formula is written as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from kongtun.reports.cells import csv_cell


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.BytesIO()
    write_csv_rows(out, header, rows)
    return out.getvalue()


def write_csv_rows(out: BinaryIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """The rows written one by one to `out` (a file of any length); returns how many."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([csv_cell(c) for c in header])
    count = 0
    for row in rows:
        writer.writerow([csv_cell(c) for c in row])
        count += 1
    text.flush()
    text.detach()  # `out` stays open for the caller
    return count
