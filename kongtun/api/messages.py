"""The API's own parameter checks (pydantic's) said in Thai, as (field, message) pairs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

VALUE_ERROR = "Value error, "  # what pydantic puts before a validator's own words (core.limits)


def _number(ctx: dict[str, Any]) -> str:
    return _("Enter a number.")


def _at_least(ctx: dict[str, Any]) -> str:
    return _("It must be at least %(limit)s.") % {"limit": ctx.get("ge", ctx.get("gt"))}


def _at_most(ctx: dict[str, Any]) -> str:
    return _("It must be at most %(limit)s.") % {"limit": ctx.get("le", ctx.get("lt"))}


def _text(ctx: dict[str, Any]) -> str:
    if "max_length" in ctx:
        return _("Enter text of at most %(max_length)s characters.") % ctx
    return _("Enter text.")


def _date(ctx: dict[str, Any]) -> str:
    return _("Enter a date as YYYY-MM-DD (Christian Era), for example 2024-03-15.")


def _too_long_number(ctx: dict[str, Any]) -> str:
    return _("The number is too large or has too many decimal places.")


_MESSAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda ctx: _("This is required."),
    "int_parsing": _number,
    "int_type": _number,
    "int_from_float": lambda ctx: _("Enter a whole number."),
    "float_parsing": _number,
    "float_type": _number,
    "decimal_parsing": _number,
    "decimal_type": _number,
    "finite_number": _number,
    "greater_than": _at_least,
    "greater_than_equal": _at_least,
    "less_than": _at_most,
    "less_than_equal": _at_most,
    "decimal_max_digits": _too_long_number,
    "decimal_max_places": _too_long_number,
    "decimal_whole_digits": _too_long_number,
    "string_type": _text,
    "string_too_long": _text,
    "string_too_short": lambda ctx: _("This is required."),
    "bool_parsing": lambda ctx: _("Enter true or false."),
    "bool_type": lambda ctx: _("Enter true or false."),
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "date_type": _date,
    "uuid_parsing": lambda ctx: _("Enter an identifier in UUID form."),
    "uuid_type": lambda ctx: _("Enter an identifier in UUID form."),
    "json_invalid": lambda ctx: _("The body is not valid JSON."),
    "enum": lambda ctx: _("Choose one of: %(expected)s.") % {"expected": ctx.get("expected", "")},
    "literal_error": lambda ctx: _("Choose one of: %(expected)s.") % {"expected": ctx.get("expected", "")},
}


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    text = str(error.get("msg", ""))
    if kind == "value_error" and text.startswith(VALUE_ERROR):
        return text[len(VALUE_ERROR) :]
    ctx = error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind](ctx)
    return _("This value is not valid.")


def _field(loc: list[Any] | tuple[Any, ...]) -> str | None:
    """`("body", "payload", "rating")` → `rating`; `("query", "limit")` → `limit`."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "form", "file", "query", "path", "header", "cookie"):
        source, parts = parts[0], parts[1:]
        if source == "body" and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts) or None


def params_error_items(errors: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    return [(_field(error.get("loc", ())), _message(error)) for error in errors]
