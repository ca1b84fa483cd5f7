"""Refuses a NUL character anywhere in what a request sends, before any view reads it.

PostgreSQL cannot store or compare text holding NUL (U+0000), so a NUL in a path, a query string,
a form field or a JSON string would reach the database and fail there as a server error. Every such
request gets one clear sentence instead: the page answers 400, the JSON API (`/api/`) 422 in its
error shape (core/api_errors.py). Uploaded files are not looked into: they are bytes, not text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from kongtun.core.api_errors import error_response

NUL = "\x00"


def nul_message() -> str:
    return _(
        "The text you sent contains a NUL character (code 0), which cannot be stored: "
        "remove it and send it again."
    )


def _in_query(query: QueryDict) -> Iterator[str]:
    for key, values in query.lists():
        if NUL in key or any(NUL in value for value in values):
            yield key.replace(NUL, "")


def _in_json(value: Any, at: str = "") -> Iterator[str]:
    if isinstance(value, str):
        if NUL in value:
            yield at or "body"
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{at}.{key}" if at else str(key)
            if NUL in str(key):
                yield name.replace(NUL, "")
            else:
                yield from _in_json(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _in_json(item, f"{at}.{index}" if at else str(index))


def nul_fields(request: HttpRequest) -> list[str]:
    """The names of what holds a NUL: `path`, a query or form field, or a JSON field's dotted path."""
    found: list[str] = []
    if NUL in request.path_info:
        found.append("path")
    found.extend(_in_query(request.GET))
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        content_type = request.content_type or ""
        if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            found.extend(_in_query(request.POST))
        elif content_type.endswith("json") and (b"\\u0000" in request.body or b"\x00" in request.body):
            try:
                found.extend(_in_json(json.loads(request.body)))
            except ValueError:  # a NUL byte outside a string, or JSON that is not JSON: text with a NUL
                found.append("body")
    return found


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        fields = nul_fields(request)
        if not fields:
            return self.get_response(request)
        message = nul_message()
        if request.path_info.startswith("/api/"):
            return error_response(message, [(field, message) for field in fields], status=422)
        response = TemplateResponse(request, "400.html", {"message": message}, status=400)
        return response.render()
