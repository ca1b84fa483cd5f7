"""Thai conventions: Buddhist-Era dates, the Oct–Sep fiscal year, baht amounts.

Dates are stored in CE; fiscal years are stored as Buddhist-Era integers (ปีงบประมาณ 2568),
because that is the number every Thai user reads, writes and searches for.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pythainlp.util import bahttext, thai_strftime

BE_OFFSET = 543

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def to_be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def to_ce_year(be_year: int) -> int:
    return be_year - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The Buddhist-Era fiscal year a date falls in: October starts the next year."""
    return to_be_year(day.year) + (1 if day.month >= 10 else 0)


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day (CE dates) of a Buddhist-Era fiscal year."""
    ce = to_ce_year(fiscal_year)
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def fiscal_quarter(day: dt.date) -> int:
    """Quarter 1 is Oct–Dec, quarter 4 is Jul–Sep."""
    return ((day.month - 10) % 12) // 3 + 1


def format_date(day: dt.date | dt.datetime | None) -> str:
    """`15 มีนาคม 2567`."""
    if day is None:
        return ""
    return thai_strftime(_as_datetime(day), "%-d %B %Y")


def format_date_short(day: dt.date | dt.datetime | None) -> str:
    """`15 มี.ค. 67`."""
    if day is None:
        return ""
    return thai_strftime(_as_datetime(day), "%-d %b %y")


def format_datetime(moment: dt.datetime | None) -> str:
    """`15 มี.ค. 67 14:05`; aware datetimes are shown in local (Bangkok) time."""
    if moment is None:
        return ""
    from django.utils import timezone

    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return thai_strftime(moment, "%-d %b %y %H:%M")


def _as_datetime(day: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(day, dt.datetime):
        return day
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a calendar date, no time zone


def parse_date(text: str) -> dt.date:
    """Read `15/03/2567` (Buddhist Era), `15/03/2024` (CE) or ISO `2024-03-15`.

    A four-digit year above 2400 is taken as Buddhist Era: CE years that large are not in use,
    and BE years below it are before 1857 CE. Raises ValueError on anything else.
    """
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            raise ValueError(text)
        year, month, day = (int(g) for g in match.groups())
    if year > 2400:
        year = to_ce_year(year)
    return dt.date(year, month, day)


def format_input_date(day: dt.date | None) -> str:
    """How a date is shown back in a form field: `15/03/2567`."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{to_be_year(day.year)}"


def to_money(value: Decimal | float | int | str) -> Decimal:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(value) from exc


def format_baht(value: Decimal | float | int | None, *, unit: bool = True) -> str:
    """`1,040,000.00 บาท`."""
    if value is None:
        return ""
    text = f"{to_money(value):,.2f}"
    return _("%(amount)s baht") % {"amount": text} if unit else text


# How Thai officials shorten a local government's name: อบต.ป่าชิง, ทต.บ้านนา.
LG_ABBREVIATIONS = (
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)


def short_lg_name(name: str) -> str:
    """`องค์การบริหารส่วนตำบลป่าชิง` → `อบต.ป่าชิง`, for narrow columns and chart labels."""
    for long, short in LG_ABBREVIATIONS:
        if name.startswith(long):
            return short + name[len(long) :].strip()
    return name


def local_name(name_th: str, name_en: str) -> str:
    """A place or issue name in the reader's language: Thai, or English when the page is English
    and an English name exists."""
    return name_en if name_en and (get_language() or "").startswith("en") else name_th


def baht_in_words(value: Decimal | float | int) -> str:
    """`หนึ่งล้านสี่หมื่นบาทถ้วน`. bahttext wants a float, not a Decimal."""
    return str(bahttext(float(to_money(value))))
