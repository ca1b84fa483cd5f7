"""Public pages kept in the shared cache until a write changes what they show.

A page that shows the same to everyone (a dashboard) wraps its content in Django's `{% cache %}`
tag, varied on `page_key(request, generations)`. A generation is a name for what the page counts
(`nation`, `district:7301`, `fund:L9001`); its number changes when a write there commits
(`generations_bump`, called by the read model that hears the write event), so the next request
misses and renders anew, and every page that did not count that write stays cached. The cache is
the shared one (Redis in production, the database cache on the embedded default), so all workers
see the same generations. Entries also expire after PAGE_SECONDS, for what no write event
announces (the programme's configuration, area names).
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest

PAGE_SECONDS = 600
_PREFIX = "pagegen:"
_T = TypeVar("_T")


def _stamps(generations: list[str]) -> list[int]:
    keys = [_PREFIX + g for g in generations]
    found = cache.get_many(keys)
    missing = [k for k in keys if k not in found]
    if missing:
        # A generation never bumped, or evicted: start it afresh (never at a number an older,
        # stale fragment could have been stored under), then read what the first writer set.
        now = time.time_ns()
        for key in missing:
            cache.add(key, now, None)
        found.update(cache.get_many(missing))
    return [int(found.get(k, 0)) for k in keys]


def page_key(request: HttpRequest, generations: Iterable[str]) -> str:
    """What a cached fragment is varied on: the page asked for (path and query) and the current
    number of each generation it counts."""
    names = list(generations)
    stamps = ".".join(str(s) for s in _stamps(names))
    raw = f"{request.get_full_path()}|{request.headers.get('HX-Request', '')}|{stamps}"
    return hashlib.sha256(raw.encode()).hexdigest()


def generations_bump(generations: Iterable[str]) -> None:
    """After a write commits: every page counting one of these generations renders anew."""
    now = time.time_ns()
    cache.set_many({_PREFIX + g: now for g in set(generations)}, None)


def lazy(fn: Callable[[], _T]) -> Callable[[], _T]:
    """A context value computed at most once, and only if the template reads it: inside a cached
    fragment that is only on a miss (templates call a callable they are given)."""
    return functools.cache(fn)
