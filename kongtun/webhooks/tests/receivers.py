"""Receivers for the webhook tests: a stub in place of the HTTP transport (answers as told, keeps
what it was sent), and a real HTTP server on 127.0.0.1 that checks the signature as a
subscriber's system would."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kongtun.webhooks import signing
from kongtun.webhooks.transport import Reply


@dataclass
class Sent:
    url: str
    body: bytes
    headers: dict[str, str]

    @property
    def message(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class StubReceiver:
    """Each POST gets the next answer of `answers` (an int status, or an exception to raise);
    when they run out, 200."""

    answers: list[int | Exception] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)

    def post(self, url: str, body: bytes, headers: dict[str, str], timeout: float = 10) -> Reply:
        self.sent.append(Sent(url, body, headers))
        answer = self.answers.pop(0) if self.answers else 200
        if isinstance(answer, Exception):
            raise answer
        return Reply(answer, "" if answer < 300 else "server error")

    def events(self) -> list[str]:
        return [s.message["type"] for s in self.sent]


@dataclass
class LocalReceiver:
    """A real receiver on 127.0.0.1: it answers 200 to a message signed with `secret`, 401 else."""

    secret: str = ""
    received: list[tuple[bool, dict[str, Any]]] = field(default_factory=list)
    url: str = ""


def serve(receiver: LocalReceiver) -> Iterator[LocalReceiver]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            valid = signing.verify(receiver.secret, body, self.headers.get(signing.HEADER, ""))
            receiver.received.append((valid, json.loads(body)))
            self.send_response(200 if valid else 401)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
