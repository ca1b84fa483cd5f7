"""Which addresses a webhook may be sent to: http(s) only, and never a private, loopback,
link-local or otherwise non-public address (someone must not use the server to reach the
machines beside it). The check runs when a URL is saved and again before every send, since a
name can be pointed elsewhere later. `KONGTUN_WEBHOOKS_ALLOW_PRIVATE` lifts the address rule
(tests and local development with a receiver on the same machine)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def resolve(host: str, port: int) -> list[str]:
    """Every address the name stands for now."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def check_url(url: str) -> str:
    """The URL, if a webhook may be sent there; else ValidationError with the Thai reason."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(_("Give an address that starts with https:// (or http://)."))
    if parts.username or parts.password:
        raise ValidationError(_("Do not put a user name or password in the address."))
    if getattr(settings, "KONGTUN_WEBHOOKS_ALLOW_PRIVATE", False):
        return url.strip()
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ValidationError(_("The port in the address is not valid.")) from None
    try:
        addresses = resolve(parts.hostname, port)
    except (OSError, UnicodeError):
        raise ValidationError(_("The name in the address cannot be found.")) from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise ValidationError(
                _("The address leads to a private or local network. Give an address on the internet.")
            )
    return url.strip()
