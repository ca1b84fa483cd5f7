"""Login rate limits: per account and per client address, counted in the shared cache.

Every worker counts in the same cache (Redis in production, the database cache table on the
embedded default), so three gunicorn workers do not give three times the tries. The client address
is the socket's peer unless the app runs behind trusted proxies (DJANGO_TRUSTED_PROXY_COUNT): then it
is the address the nearest of them saw, so users behind one proxy are counted each on their own.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

from kongtun.accounts.models import User


def client_address(request: HttpRequest) -> str:
    """The client's address (django-ratelimit's RATELIMIT_IP_META_KEY).

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N of them the client is the N-th entry from the right; what the client itself put further
    left is not believed."""
    peer = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if count <= 0 or not forwarded:
        return peer
    candidate = forwarded[-count] if len(forwarded) >= count else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy that forwards garbage: count the proxy itself
        return peer


def login_account(group: str, request: HttpRequest) -> str:
    """The account a login POST is for: its username and e-mail address count as one."""
    name = request.POST.get("username", "").strip().lower()
    field = "email__iexact" if "@" in name else "username__iexact"
    pk = User.objects.filter(**{field: name}).values_list("pk", flat=True).first() if name else None
    return f"user:{pk}" if pk is not None else f"name:{name}"


def account_rate(group: str, request: HttpRequest) -> str:
    return settings.LOGIN_RATE_PER_ACCOUNT


def address_rate(group: str, request: HttpRequest) -> str:
    return settings.LOGIN_RATE_PER_ADDRESS
