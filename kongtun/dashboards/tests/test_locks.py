"""Writes across the country never queue behind each other: the roll-up rewrite after a write locks
its own district and year, not the nation's year (PostgreSQL, with real commits and connections)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, connections, transaction

from kongtun.conftest import seed_configuration
from kongtun.dashboards.selectors import Scope, dashboard
from kongtun.dashboards.services import rollup_update
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.followups.services import report_create

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite has a single writer: an open write transaction holds every other write, "
        "whatever its district",
    ),
    pytest.mark.django_db(transaction=True),
]

HOLD = 20.0  # seconds a held transaction stays open at most; every wait below is far shorter


@pytest.fixture
def data(story: Any) -> Any:
    seed_configuration()  # a transactional test starts from a flushed database
    return rollup_data(story)


def _in_thread(work: Callable[[], None]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def held_district(story: Any, data: Any) -> Iterator[threading.Event]:
    """A write in จะนะ (fund A) left open with its district's roll-up rewrite done, as the listener
    does it, in another connection: its district lock is held until `release` is set."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction.atomic():
            report_create(project=data.p1, by=story.officer_a, title="ประชุมแกนนำ", date=dt.date(2025, 3, 1))
            rollup_update(fiscal_year=YEAR, fund_ids=[story.fund_a.pk])
            held.set()
            release.wait(HOLD)

    thread = _in_thread(hold)
    assert held.wait(HOLD)
    yield release
    release.set()
    thread.join(HOLD)


def test_a_report_in_another_district_rolls_up_at_once_while_a_district_is_held(story, data, held_district):
    before = dashboard(Scope(fiscal_year=YEAR, area=story.fund_b.district.province))
    began = time.monotonic()
    report_create(
        project=data.p4,
        by=story.officer_b,
        title="รณรงค์บ้านปลอดบุหรี่",
        date=dt.date(2025, 3, 2),
        spending=[{"expense_group": "services", "amount": "300"}],
    )
    took = time.monotonic() - began
    assert not held_district.is_set()  # จะนะ is still held open
    after = dashboard(Scope(fiscal_year=YEAR, area=story.fund_b.district.province))
    assert (after.reports, after.spent) == (before.reports + 1, before.spent + Decimal("300"))
    assert took < 5, f"the write in พัทลุง took {took:.1f} s: it waited for จะนะ"


def test_two_rewrites_of_one_district_take_turns(story, data, held_district):
    done = threading.Event()

    def same_district() -> None:
        rollup_update(fiscal_year=YEAR, fund_ids=[story.fund_a2.pk])  # fund A2 is in จะนะ too
        done.set()

    thread = _in_thread(same_district)
    assert not done.wait(1.0)  # it waits for the held rewrite of its district
    held_district.set()
    assert done.wait(HOLD)
    thread.join(HOLD)
