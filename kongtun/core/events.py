"""Writes announce what changed; read models listen.

A service ends its write with `changed(obj)` (or `changed(obj, deleted=True)` just before it deletes
`obj`). After the transaction commits, every listener registered with `listen()` is called once with
the changes of that commit, each object once (its last announcement). Nothing is
sent while a transaction is open, and a transaction that rolls back sends nothing (its hook is
discarded by Django with it), so a read model never shows what the database does not hold.

Listeners are the read models (search, dashboards, …) and anything else that must learn of writes;
they register in their `AppConfig.ready()`. A service never calls a read model itself: that keeps
the layers pointing one way (see CONTRIBUTING.md). Listeners read the database again by the keys
they are given by key, after the data is saved, so an extra announcement (a savepoint that rolled
back inside a committed transaction) only costs a recomputation, never a wrong answer.

The same after-commit rule holds for mail: `after_commit(fn)` runs `fn` once the data it speaks of
is saved.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """One changed object, told by its model label (`projects.project`) and primary key, with the
    fund and fiscal year it counts under (what the roll-ups and search facets are keyed by)."""

    model: str
    pk: int
    fund_id: int | None = None
    fiscal_year: int | None = None
    deleted: bool = False
    # What the object carried when it was announced: a deleted row can no longer be read back.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


Listener = Callable[[Sequence[Change]], None]
_listeners: list[Listener] = []
_local = threading.local()  # Django's connections are per thread, so the pending list is too.


def listen(listener: Listener) -> Listener:
    """Register a listener (usable as a decorator). Called once per commit with its changes."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def _scope(obj: Any) -> tuple[int | None, int | None]:
    """The fund and fiscal year of an object: its own, or its project's."""
    for holder in (obj, getattr(obj, "project", None)):
        if holder is not None and hasattr(holder, "fund_id"):
            return holder.fund_id, getattr(holder, "fiscal_year", None)
    return None, None


def changed(obj: Any, *, deleted: bool = False, **extra: Any) -> None:
    """Announce that a service wrote (or is about to delete) `obj`; listeners hear of it after commit."""
    fund_id, fiscal_year = _scope(obj)
    change = Change(
        model=obj._meta.label_lower,
        pk=obj.pk,
        fund_id=fund_id,
        fiscal_year=fiscal_year,
        deleted=deleted,
        extra=extra,
    )
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        # Autocommit: the write is already saved. A delete is announced before it happens, so it
        # must sit in the transaction that deletes.
        if deleted:
            raise RuntimeError("changed(obj, deleted=True) needs the delete's transaction.atomic()")
        _dispatch([change])
        return
    if not any(func is _flush for _sids, func, _robust in connection.run_on_commit):
        # The first change of this transaction. Anything still pending was announced in work that
        # rolled back (a transaction, or the savepoint that held the hook): it is dropped with it.
        _local.pending = []
        transaction.on_commit(_flush)
    _local.pending.append(change)


def after_commit(fn: Callable[[], None]) -> None:
    """Run `fn` (e.g. sending mail) once the current transaction has committed."""
    transaction.on_commit(fn)


def _flush() -> None:
    pending: list[Change] = getattr(_local, "pending", None) or []
    _local.pending = []
    latest: dict[tuple[str, int], Change] = {}
    for change in pending:
        key = (change.model, change.pk)
        # A delete wins over earlier updates of the same object; otherwise the last word counts.
        if not (key in latest and latest[key].deleted):
            earlier = latest.pop(key, None)
            if earlier is not None and earlier.extra:
                # What an earlier announcement said (`created=True`) holds for the commit.
                change = replace(change, extra={**earlier.extra, **change.extra})
            latest[key] = change
    _dispatch(list(latest.values()))


def _dispatch(changes: Sequence[Change]) -> None:
    if not changes:
        return
    for listener in list(_listeners):
        try:
            listener(changes)
        except Exception:
            # The write is committed: a failing read model must not turn it into an error page.
            # It is logged; `search_reindex` / `dashboards_refresh` rebuild from the live tables.
            if getattr(settings, "KONGTUN_EVENTS_RAISE", False):
                raise
            logger.exception("listener %s failed on %d changes", listener, len(changes))
