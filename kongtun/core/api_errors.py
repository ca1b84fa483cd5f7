"""The one shape of every 4xx answer of the JSON API: `{"detail": "…", "errors": [{"field", "message"}]}`.

`detail` is one Thai sentence for the whole answer; `errors` names each refused field (`field` is
`null` for what concerns the whole record). The API's exception handlers (api/api.py), the NUL-byte
middleware and the operations that answer 409 or 422 themselves all build it here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from ninja import Schema


class ErrorItem(Schema):
    field: str | None
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem]


def error_body(detail: str, errors: Iterable[tuple[str | None, str]] = ()) -> dict[str, Any]:
    return {"detail": str(detail), "errors": [{"field": f, "message": str(m)} for f, m in errors]}


def validation_items(exc: ValidationError) -> list[tuple[str | None, str]]:
    """A Django ValidationError as (field, message) pairs; `__all__` and no field are `None`."""
    if hasattr(exc, "error_dict"):
        return [
            (None if field == "__all__" else field, message)
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return [(None, message) for message in exc.messages]


def error_response(
    detail: str, errors: Iterable[tuple[str | None, str]] = (), *, status: int
) -> JsonResponse:
    return JsonResponse(error_body(detail, errors), status=status, json_dumps_params={"ensure_ascii": False})
