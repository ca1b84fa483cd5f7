from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from kongtun.accounts.models import Notification
from kongtun.accounts.permissions import is_admin, memberships


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the menu needs: the user's roles, funds and unread notices (one query each, lazily)."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav_memberships": memberships(user),
        "nav_is_admin": is_admin(user),
        "nav_unread": Notification.objects.filter(user=user, read_at__isnull=True).count,
    }
