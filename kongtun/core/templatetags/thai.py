"""Template filters for Thai dates and money, and free text as the public reads it; loaded as
builtins in every template."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from kongtun.core import privacy, thai

register = template.Library()


@register.filter
def thaidate(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        return thai.format_date(value.date() if value.tzinfo is None else _local(value))
    return thai.format_date(value)


@register.filter
def thaidate_short(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        return thai.format_datetime(value)
    return thai.format_date_short(value)


@register.filter
def baht(value: Decimal | float | int | None) -> str:
    return thai.format_baht(value)


@register.filter
def money(value: Decimal | float | int | None) -> str:
    """The number alone, for table cells under a 'บาท' header."""
    return thai.format_baht(value, unit=False)


@register.filter
def bahtwords(value: Decimal | float | int | None) -> str:
    return "" if value is None else thai.baht_in_words(value)


def _local(value: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localtime(value).date()


@register.filter
def redact(value: str | None) -> str:
    """Free text as the public reads it: phone numbers, e-mail addresses and ID numbers masked."""
    return privacy.redact(value or "")
