from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpRequest

from kongtun.accounts.models import Notification
from kongtun.accounts.permissions import is_admin, memberships
from kongtun.projects.selectors import may_propose


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the menu needs: the user's roles, funds, unread notices and whether to show "My proposals"
    (one query each, lazily: the template calls them only when it shows them)."""
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "nav_memberships": memberships(user),
        "nav_is_admin": is_admin(user),
        "nav_unread": Notification.objects.filter(user=user, read_at__isnull=True).count,
        "nav_may_propose": partial(may_propose, user),
    }
