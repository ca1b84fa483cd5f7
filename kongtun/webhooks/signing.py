"""How a webhook message is signed, as Stripe and GitHub do it.

Each POST carries `Kongtun-Signature: t=<unix time>,v1=<hex>`, where the hex is
HMAC-SHA256(secret, "<t>.<body>") of the exact bytes of the body. The receiver recomputes it with
the subscription's secret, compares in constant time, and refuses a `t` older than a few minutes
(a replayed message). `verify` is that check, for our tests and as the reference for receivers.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER = "Kongtun-Signature"
TOLERANCE = 5 * 60


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The value of the signature header for `body` sent now (or at `timestamp`)."""
    t = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def verify(
    secret: str, body: bytes, header: str, *, tolerance: int = TOLERANCE, now: int | None = None
) -> bool:
    """Whether `header` is a valid signature of `body` with `secret`, made within `tolerance` seconds."""
    parts: dict[str, list[str]] = {}
    for item in header.split(","):
        key, _sep, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        t = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    if abs((int(time.time()) if now is None else now) - t) > tolerance:
        return False
    expected = sign(secret, body, t).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, given) for given in parts.get("v1", []))
