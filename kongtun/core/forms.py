"""Form pieces shared by every app: the Thai date field and the phone-friendly widgets. Their ranges
are core.limits' rules, the ones the API schemas and the services apply too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kongtun.core import limits, thai


class ThaiDateInput(forms.TextInput):
    """A text box that shows `15/03/2567`; phones get the numeric keypad."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": _("dd/mm/yyyy (B.E.)"), "inputmode": "numeric", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return thai.format_input_date(value)
        return super().format_value(value)


class ThaiDateField(forms.DateField):
    """Accepts `15/03/2567` (B.E.), `15/03/2024` and ISO `2024-03-15`."""

    widget = ThaiDateInput
    default_validators = [limits.date]
    default_error_messages = {
        "invalid": _("Enter a date as day/month/year in the Buddhist Era, for example 15/03/2567."),
    }

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return thai.parse_date(str(value))
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class MoneyField(forms.DecimalField):
    """Baht with satang; refuses negative amounts and more than the column holds (limits.money),
    accepts `1,040,000.50`."""

    default_validators = [limits.money]
    default_error_messages = {
        "invalid": _("Enter an amount in baht, for example 15,000 or 15000.50."),
        "min_value": _("The amount cannot be negative."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace(",", "").replace("บาท", "").strip()
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        """A saved amount is shown with thousands separators (18,000,000.00); what the user typed
        is shown as typed."""
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return thai.format_baht(value, unit=False)
        return super().prepare_value(value)


class CountField(forms.IntegerField):
    """A number of persons or outputs (or a registered population): 0 – limits.COUNT_MAX."""

    default_validators = [limits.count]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)


class FiscalYearField(forms.IntegerField):
    """A fiscal year of the Buddhist Era (limits.fiscal_year)."""

    default_validators = [limits.fiscal_year]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)


def rating_errors() -> dict[str, Any]:
    """A rating choice outside 1–5 is refused in the words of limits.rating."""
    return {"invalid_choice": _("Choose a rating from 1 to 5.")}
