"""Sending one webhook POST. Redirects are not followed (a redirect could lead to an address the
URL check would refuse); the answer's status code is what counts, 2xx being delivered. Tests
replace `post` with a stub receiver."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

TIMEOUT = 10


@dataclass(frozen=True)
class Reply:
    status: int
    text: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float = TIMEOUT) -> Reply:
    """POST `body`; returns the status and the start of the answer. Raises OSError when the
    receiver cannot be reached."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Reply(response.status, response.read(500).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.read(500).decode("utf-8", "replace"))
