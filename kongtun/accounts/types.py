"""Request types for views, so that mypy knows what the middleware puts on a request (the signed-in
user of the accounts app, and django-htmx's details)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from kongtun.accounts.models import User


class HtmxRequest(HttpRequest):
    """Any request: `request.htmx` is set by django_htmx's middleware."""

    htmx: HtmxDetails


class AuthedRequest(HtmxRequest):
    """The request of a `@login_required` view: `request.user` is a real user."""

    user: User
