"""The kinds of file a background job can make. An upper app registers its exporter once (in its
`jobs.py`, imported by its `AppConfig.ready()`), so this app runs jobs without importing it:

    @exporter("dashboards.projects")
    def projects_workbook(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
        ...write the file to `out`, calling progress(done, total) after each chunk...
        return Output(filename="projects.xlsx", rows=n)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)
CHUNK = 2000  # rows read from the database at a time, and how often the progress is written


@dataclass(frozen=True)
class Output:
    filename: str  # the name the user downloads
    rows: int | None  # how many data rows the file holds (a zip: all its files'); None for a PDF


class Progress(Protocol):
    def __call__(self, done: int, total: int | None = None) -> None: ...


Exporter = Callable[[dict[str, Any], BinaryIO, Progress], Output]
_EXPORTERS: dict[str, Exporter] = {}


def exporter(kind: str) -> Callable[[Exporter], Exporter]:
    def register(fn: Exporter) -> Exporter:
        _EXPORTERS[kind] = fn
        return fn

    return register


def exporter_get(kind: str) -> Exporter:
    return _EXPORTERS[kind]


def chunked(queryset: QuerySet[M], progress: Progress | None = None, *, done: int = 0) -> Iterator[M]:
    """Every row of `queryset`, read `CHUNK` rows at a time (never the whole list in memory), telling
    `progress` after each chunk how many rows are done (counting on from `done`)."""
    count = done
    for count, obj in enumerate(queryset.iterator(chunk_size=CHUNK), start=done + 1):
        yield obj
        if progress is not None and count % CHUNK == 0:
            progress(count)
    if progress is not None:
        progress(count)
