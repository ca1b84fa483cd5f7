"""Reads of the dashboards and search pages from a PostgreSQL read replica.

Installed by the settings when DATABASE_REPLICA_URL is set. A GET or HEAD request whose path starts
with one of DATABASE_REPLICA_PATHS reads the domain data from the replica: those pages only read,
and the roll-ups and search documents they show are built after commit anyway, so a replica a
moment behind shows nothing a user could miss. Everything else stays on the primary: every write,
every other page (so nobody misses their own save on the next page), and on every page the session,
the user, their roles and the cache with its rate limits.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
# Apps whose rows a dashboard or a search shows. Not accounts (roles decide what a page shows),
# sessions, auth or the cache table: those are read from the primary on every page.
REPLICA_APPS = frozenset(
    {"areas", "funds", "programme", "situations", "plans", "projects", "followups", "dashboards", "search"}
)

_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if _reads_from_replica.get() and model._meta.app_label in REPLICA_APPS:
            return REPLICA
        return "default"

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


def reads_from_replica(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and request.path_info.startswith(settings.DATABASE_REPLICA_PATHS)


class ReplicaReadsMiddleware:
    """Marks the requests of the dashboards and search pages for the router, for their whole length."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _reads_from_replica.set(reads_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _reads_from_replica.reset(token)
