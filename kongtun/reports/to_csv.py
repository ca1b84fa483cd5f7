"""Rows as a CSV file (UTF-8 with a byte-order mark, so Excel reads Thai), every cell through
`cells.csv_cell`: text that would start a formula is written as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from kongtun.reports.cells import csv_cell


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_cell(c) for c in header])
    for row in rows:
        writer.writerow([csv_cell(c) for c in row])
    return out.getvalue().encode("utf-8-sig")
