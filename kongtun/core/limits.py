"""The sane ranges of numbers and dates: one rule each, for forms, API schemas and services alike.

Each rule is a Django validator raising a ValidationError with its Thai sentence. Forms use them
through core.forms (MoneyField, ThaiDateField, CountField, FiscalYearField, RatingField), API input
schemas through the annotated types below (`Money`, `Count`, …: pydantic runs the same validator and
the API answers its words unchanged, see api/messages.py), and services through `check`, so the web
page and the API refuse the same values with the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pydantic import AfterValidator

from kongtun.core.thai import format_date

MONEY_MAX = Decimal("999999999999.99")  # DecimalField(max_digits=14, decimal_places=2)
COUNT_MAX = 10_000_000  # persons, outputs, a fund's registered population: no fund counts more
FISCAL_YEAR_MIN, FISCAL_YEAR_MAX = 2493, 2643  # B.E.; the funds started in 2549
DATE_MIN, DATE_MAX = dt.date(1950, 1, 1), dt.date(2100, 12, 31)  # 1 Jan 2493 – 31 Dec 2643 B.E.
RATING_MIN, RATING_MAX = 1, 5


def _baht(value: Decimal) -> str:
    return f"{value:,.2f}"


def _amount_invalid() -> ValidationError:
    return ValidationError(_("Enter an amount in baht, for example 15,000 or 15000.50."), code="invalid")


def _whole(value: Any, low: int, high: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and low <= value <= high


def money(value: Any) -> None:
    """An amount in baht: not negative, at most what its column holds, at most two decimals."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError(
            _("Enter an amount in baht, for example 15,000 or 15000.50."), code="invalid"
        ) from exc
    if not amount.is_finite():
        raise ValidationError(_("Enter an amount in baht, for example 15,000 or 15000.50."), code="invalid")
    if amount < 0:
        raise ValidationError(_("The amount cannot be negative."), code="min_value")
    if amount > MONEY_MAX:
        raise ValidationError(
            _("The amount is too large: at most %(limit)s baht.") % {"limit": _baht(MONEY_MAX)},
            code="max_value",
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(_("Enter at most two decimal places (satang)."), code="max_decimal_places")


def number(value: Any) -> None:
    """A measured value (a problem's size, a baseline, a target, a quantity): what its column holds."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError(_("Enter a number."), code="invalid") from exc
    if not amount.is_finite() or abs(amount) > MONEY_MAX or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(
            _("Enter a number of at most %(limit)s with at most two decimal places.")
            % {"limit": _baht(MONEY_MAX)},
            code="number",
        )


def count(value: Any) -> None:
    """A number of persons or outputs, or a registered population: a whole number 0 – 10,000,000."""
    if not _whole(value, 0, COUNT_MAX):
        raise ValidationError(
            _("Enter a whole number from 0 to %(limit)s.") % {"limit": f"{COUNT_MAX:,}"}, code="count"
        )


def fiscal_year(value: Any) -> None:
    """A fiscal year in the Buddhist Era (2568), not the Christian one (2025)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not FISCAL_YEAR_MIN <= value <= FISCAL_YEAR_MAX
    ):
        raise ValidationError(
            _("Enter a fiscal year of the Buddhist Era from %(low)s to %(high)s, for example 2568.")
            % {"low": FISCAL_YEAR_MIN, "high": FISCAL_YEAR_MAX},
            code="fiscal_year",
        )


def date(value: Any) -> None:
    """A day between 2493 and 2643 B.E. (a year 2569 typed as a Christian year is 3112 B.E.)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date) or not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(
            _("Enter a date between the years %(low)s and %(high)s of the Buddhist Era.")
            % {"low": FISCAL_YEAR_MIN, "high": FISCAL_YEAR_MAX},
            code="date_range",
        )


def rating(value: Any) -> None:
    if not _whole(value, RATING_MIN, RATING_MAX):
        raise ValidationError(_("Choose a rating from 1 to 5."), code="rating")


def within(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> None:
    """A day of a project (an activity, a report) inside the project's period, where it has one."""
    if day is None:
        return
    if (start and day < start) or (end and day > end):
        raise ValidationError(
            _("The date must be within the project period (%(start)s – %(end)s).")
            % {"start": format_date(start) if start else "…", "end": format_date(end) if end else "…"},
            code="project_period",
        )


RULES: dict[str, Callable[[Any], None]] = {
    "money": money,
    "number": number,
    "count": count,
    "fiscal_year": fiscal_year,
    "date": date,
    "rating": rating,
}


def check(**values: tuple[str, Any]) -> None:
    """For services: `check(amount=("money", amount), due_date=("date", due))`; None passes.
    Raises one ValidationError naming every refused field."""
    errors: dict[str, list[ValidationError]] = {}
    for field, (rule, value) in values.items():
        if value is None:
            continue
        try:
            RULES[rule](value)
        except ValidationError as exc:
            errors[field] = [exc]
    if errors:
        raise ValidationError(errors)  # type: ignore[arg-type]


def _schema(rule: Callable[[Any], None]) -> AfterValidator:
    def run(value: Any) -> Any:
        if value is not None:
            try:
                rule(value)
            except ValidationError as exc:
                raise ValueError(exc.messages[0]) from None
        return value

    return AfterValidator(run)


# API input schemas: `amount: Money`, `date: Date`, `actual_output_count: Count | None = None`.
Money = Annotated[Decimal, _schema(money)]
Number = Annotated[Decimal, _schema(number)]
Count = Annotated[int, _schema(count)]
FiscalYear = Annotated[int, _schema(fiscal_year)]
Date = Annotated[dt.date, _schema(date)]
Rating = Annotated[int, _schema(rating)]
