from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from kongtun.accounts.services import api_token_user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer kt_…` with a token made in the profile page or by `create_token`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user
