from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from kongtun.accounts.models import User


class UsernameOrEmailBackend(ModelBackend):
    """Log in with either the username or the e-mail address (officers remember one or the other)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if not username or not password:
            return None
        field = "email__iexact" if "@" in username else "username__iexact"
        user = User.objects.filter(**{field: username.strip()}).first()
        if user is None:
            User().set_password(password)  # same work as a real check, so timing does not reveal accounts
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
