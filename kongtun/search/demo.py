"""Demo step: index the demo projects, plans and activity reports for search (runs last)."""

from __future__ import annotations

from kongtun.search.services import search_reindex


def load(size: str) -> None:
    search_reindex()
