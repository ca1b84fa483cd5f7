"""Background jobs of the accounts: the daily notice digest (enqueue it once a day: cron with
`manage.py notices_digest --enqueue`, or the deployment's scheduler)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from kongtun.accounts.services import notices_digest_of_day


@task()
def notices_digest_daily(day: str) -> int | None:
    """Send the digest of `day` (ISO date) unless it went out already; returns the e-mails sent."""
    return notices_digest_of_day(day=dt.date.fromisoformat(day))
