"""gunicorn workers whose own error answers are the API's JSON envelope with the security headers.

gunicorn answers some requests before the app sees them — a malformed request line (400), a URI or headers
over its limits (414, 431), a bad chunked body — and answers 500 itself when a response cannot be sent. It
writes those as a small HTML page. These workers let gunicorn decide everything as usual and only change what
goes on the wire: the status gunicorn chose, the envelope ``{"error": {"code", "message": {"zh-TW", "en"}}}``
and the same security headers as every app response. Use them with ``-k`` or ``deploy/gunicorn.conf.py``::

    gunicorn -c deploy/gunicorn.conf.py 'server.wsgi:app'
    gunicorn -k server.gunicorn_workers.ThreadWorker --threads 8 -w 4 'server.wsgi:app'
"""

from __future__ import annotations

import json
import re
import socket
from typing import Any, cast

from gunicorn.workers.gthread import ThreadWorker as GunicornThreadWorker
from gunicorn.workers.sync import SyncWorker as GunicornSyncWorker

from server.errors import ERRORS, envelope
from server.headers import CONTENT_SECURITY_POLICY

STATUS_LINE = re.compile(rb"^HTTP/1\.[01] (\d{3}) ")
CODES_BY_STATUS = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "bad_request",
    431: "request_headers_too_large",
    501: "bad_request",
}
REASONS = {
    400: "Bad Request",
    403: "Forbidden",
    414: "URI Too Long",
    417: "Expectation Failed",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
}


def error_response_bytes(status: int) -> bytes:
    """A complete HTTP/1.1 response: ``status``, the JSON envelope and the security headers; then close."""
    code = CODES_BY_STATUS.get(status, "internal_error" if status >= 500 else "bad_request")
    _, zh, en = ERRORS[code]
    body = json.dumps(envelope(code, zh, en), ensure_ascii=False).encode("utf-8")
    headers = (
        f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\n"
        "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "Cache-Control: no-store\r\n"
        "\r\n"
    )
    return headers.encode("latin-1") + body


class _JsonErrorSocket:
    """The client socket while gunicorn writes one of its error pages: the page is replaced by the envelope."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def sendall(self, data: bytes) -> None:
        match = STATUS_LINE.match(data)
        self._sock.sendall(error_response_bytes(int(match.group(1))) if match else data)


class ThreadWorker(GunicornThreadWorker):
    """``gthread`` with JSON error answers."""

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        super().handle_error(req, cast(socket.socket, _JsonErrorSocket(client)), addr, exc)  # a proxy of the socket


class SyncWorker(GunicornSyncWorker):
    """``sync`` with JSON error answers."""

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        super().handle_error(req, cast(socket.socket, _JsonErrorSocket(client)), addr, exc)  # a proxy of the socket
