"""One printed document as plain data, rendered to every format from the same blocks.

A domain app builds a `Document` once (`followups/documents.py: final_report_document`) and hands it
to `kongtun.reports.formats.document_response`, which renders it as a web page fragment, PDF, Word
or Excel file. No layout is written twice, so the formats cannot drift apart; the way pretix gives
every export one base and lets each format render the same rows.

Values keep their type (a `Decimal` is money, a `date` a date) until a renderer formats them: the
PDF prints ``1,040,000.00``, the workbook keeps a number it can add up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, TypeAlias, TypeVar

from kongtun.core.privacy import redact
from kongtun.core.thai import format_baht, format_date


@dataclass(frozen=True)
class Span:
    """A piece of text inside a paragraph or a cell, with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    muted: bool = False


# Text is a string or a sequence of spans; a newline is a line break in every format.
Text: TypeAlias = str | Sequence[Span]
Value: TypeAlias = str | Sequence[Span] | int | float | Decimal | dt.date | None
Align = Literal["left", "center", "right"]
# How a column prints its values: text as is; `int` a count (1,234); `money` baht and `decimal` a
# figure with two decimals (1,234.50); `number` a measured figure with two decimals only when it has
# a fraction (12, 43.94), as the plans print their targets.
Kind = Literal["text", "int", "money", "decimal", "number"]
NUMERIC_KINDS = ("int", "money", "decimal", "number")


def format_number(value: int | float | Decimal) -> str:
    """A measured figure: `12`, `43.94` (two decimals only when it has a fraction)."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def spans(text: Text) -> list[Span]:
    return [Span(text)] if isinstance(text, str) else list(text)


def plain(text: Text) -> str:
    return text if isinstance(text, str) else "".join(s.text for s in text)


@dataclass
class Heading:
    """Level 1 is the document's title, 2 a section, 3 a part of a section. A heading with an
    `anchor` is listed by `Contents`."""

    text: str
    level: int = 2
    anchor: str = ""


@dataclass
class Paragraph:
    text: Text
    align: Align = "left"
    indent: bool = False  # first line indented, as Thai reports write their paragraphs
    muted: bool = False
    small: bool = False  # notes under a table


@dataclass
class BulletList:
    items: list[Text]


@dataclass
class KeyValues:
    """Labels and values in two columns without lines (the project information on a cover)."""

    items: list[tuple[str, Text]]


@dataclass
class Column:
    label: str
    width: float  # cm on A4 portrait; scaled so that the columns fill the text width
    kind: Kind = "text"
    empty: str = ""  # printed where the value is None
    detail: bool = False  # in the workbook only: too much for the printed page
    align: Align | None = None  # numbers go right, text left, unless told

    @property
    def right(self) -> bool:
        return self.align == "right" if self.align else self.kind in NUMERIC_KINDS

    def format(self, value: Value, kind: Kind | None = None) -> Text:
        """The value as printed in this column (or as `kind`, for a cell unlike its column)."""
        kind = kind or self.kind
        if value is None:
            return self.empty
        if isinstance(value, dt.date):
            return format_date(value)
        if not isinstance(value, int | float | Decimal):
            return value  # text
        if kind == "int":
            return f"{value:,.0f}"
        if kind in ("money", "decimal"):
            return format_baht(value, unit=False)
        if kind == "number":
            return format_number(value)
        return str(value)


@dataclass
class Cell:
    """A cell that spans columns or prints its value unlike its column; a plain value is a cell of one
    column."""

    value: Value
    colspan: int = 1
    kind: Kind | None = None


# A body row, a group's heading row (shaded, kept with the rows under it) or a total (bold, ruled).
RowKind = Literal["body", "group", "total"]


@dataclass
class Row:
    cells: Sequence[Value | Cell]
    kind: RowKind = "body"
    detail: bool = False  # in the workbook only (what the printed page says in its title)

    def placed(self, columns: Sequence[Column]) -> Iterator[tuple[Column, Cell]]:
        """Each cell with the column it starts in."""
        index = 0
        for raw in self.cells:
            cell = raw if isinstance(raw, Cell) else Cell(raw)
            yield columns[min(index, len(columns) - 1)], cell
            index += cell.colspan


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    title: str = ""  # the sheet's name in a workbook
    header: bool = True  # the header row, repeated on every page the table runs onto
    empty: str = "-"  # printed in one row when there are no rows
    small: bool = False  # many columns: a smaller header

    def printed(self) -> Table:
        """The table without its workbook-only columns and rows."""
        keep = [i for i, c in enumerate(self.columns) if not c.detail]
        if len(keep) == len(self.columns) and not any(r.detail for r in self.rows):
            return self
        rows = [Row(_kept_cells(r, set(keep)), r.kind) for r in self.rows if not r.detail]
        return Table([self.columns[i] for i in keep], rows, self.title, self.header, self.empty, self.small)


def _kept_cells(row: Row, keep: set[int]) -> list[Value | Cell]:
    """The row's cells over the kept columns; a cell spanning a dropped column spans one fewer."""
    cells: list[Value | Cell] = []
    start = 0
    for raw in row.cells:
        cell = raw if isinstance(raw, Cell) else Cell(raw)
        kept = len(keep.intersection(range(start, start + cell.colspan)))
        if kept:
            cells.append(Cell(cell.value, kept, cell.kind))
        start += cell.colspan
    return cells


@dataclass
class Image:
    src: str  # what the PDF and the Word file read: a file:// URI, or a signed object-storage link
    url: str  # the same picture for the browser (an access-checked view)
    caption: str = ""


@dataclass
class Images:
    """Photos side by side, three to a row."""

    images: list[Image]


@dataclass
class Signature:
    """The signature block: a dotted line, the name and the position, centred right of the middle."""

    lines: list[str]


@dataclass
class PageBreak:
    pass


@dataclass
class Contents:
    """The table of contents: every heading of the document that has an anchor, with its page."""

    title: str


@dataclass
class Section:
    """Blocks kept together: a cover page (centred, no page number) or blocks that must not be split."""

    blocks: list[Block]
    cover: bool = False
    keep_together: bool = False


Block: TypeAlias = (
    Heading | Paragraph | BulletList | KeyValues | Table | Images | Signature | PageBreak | Contents | Section
)


@dataclass
class Margins:
    """In cm; those of the field's printed reports."""

    top: float = 2
    right: float = 2
    bottom: float = 2
    left: float = 2.5


@dataclass
class Document:
    title: str
    filename: str  # without extension
    blocks: list[Block] = field(default_factory=list)
    language: str = "th"
    paper: str = "A4"  # 21 × 29.7 cm, portrait
    margins: Margins = field(default_factory=Margins)
    numbered: bool = True  # page numbers at the foot of every page but the cover

    PAGE_WIDTH_CM = 21.0
    PAGE_HEIGHT_CM = 29.7

    @property
    def text_width(self) -> float:
        return self.PAGE_WIDTH_CM - self.margins.left - self.margins.right

    def walk(self) -> Iterator[Block]:
        """Every block, those inside sections included, in reading order."""
        yield from _walk(self.blocks)

    def contents(self) -> list[Heading]:
        return [b for b in self.walk() if isinstance(b, Heading) and b.anchor]

    def tables(self) -> list[Table]:
        return [b for b in self.walk() if isinstance(b, Table)]


def _walk(blocks: Sequence[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from _walk(block.blocks)


# Fields that address a file or a place in the document, not text a reader reads.
_NOT_PROSE = frozenset({"src", "url", "filename", "anchor", "language", "paper"})
_T = TypeVar("_T")


def _redact_value(value: _T) -> _T:
    if isinstance(value, str):
        return redact(value)  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return type(value)(_redact_value(v) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {
            f.name: _redact_value(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _NOT_PROSE
        }
        return dataclasses.replace(value, **changes)  # type: ignore[type-var]
    return value


def redacted(document: Document) -> Document:
    """The document as the public reads it: every phone number, e-mail address and ID number in
    its text masked (`core.privacy.redact`). The builder leaves out the fields that are personal
    data as a whole (names of leaders and reporters); this catches what was typed into the prose."""
    return _redact_value(document)
