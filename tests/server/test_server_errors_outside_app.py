"""Errors the app never sees, behind the shipped nginx and gunicorn configuration: every one a client can see
is the JSON envelope (zh-TW and en) with the security headers; a large placeholder map never rides in a header.

nginx (deploy/nginx/aiguard.conf) answers oversized bodies, headers and URLs and a missing gunicorn itself;
gunicorn with deploy/gunicorn.conf.py answers malformed requests itself. Both are started by the test command.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from entra_test_tokens import JwksServer
from local_services import Process, start_gunicorn
from test_server_nginx import nginx_in_front_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECURITY_HEADERS = ("content-security-policy", "strict-transport-security", "x-content-type-options")


@pytest.fixture
def stack(tmp_path: Path, jwks_server: JwksServer) -> Iterator[tuple[Process, int, ssl.SSLContext]]:
    """gunicorn with the shipped configuration (signed-in API, one proxy trusted) behind the shipped nginx."""
    from entra_test_tokens import base_environment  # noqa: PLC0415

    environment = base_environment(tmp_path, jwks_server)
    environment["AIGUARD_PROXY_COUNT"] = "1"
    app = start_gunicorn(environment, workers=1, log=tmp_path / "gunicorn.log", shipped_config=True)
    try:
        with nginx_in_front_of(app.port, tmp_path) as tls_port:
            context = ssl.create_default_context(cafile=str(tmp_path / "config" / "devcert" / "ca.pem"))
            yield app, tls_port, context
    finally:
        app.stop()


def https(port: int, context: ssl.SSLContext) -> http.client.HTTPSConnection:
    return http.client.HTTPSConnection("localhost", port, context=context, timeout=30)


def answer(connection: http.client.HTTPConnection) -> tuple[int, dict[str, str], Any]:
    response = connection.getresponse()
    headers = {k.lower(): v for k, v in response.getheaders()}
    body = response.read()
    connection.close()
    return (
        response.status,
        headers,
        json.loads(body) if headers.get("content-type", "").startswith("application/json") else body,
    )


def assert_json_error(status: int, headers: dict[str, str], body: Any, expected_status: int, code: str) -> None:
    assert status == expected_status, body
    assert headers["content-type"].startswith("application/json"), headers
    assert body["error"]["code"] == code
    assert body["error"]["message"]["zh-TW"] and body["error"]["message"]["en"]
    for name in SECURITY_HEADERS:
        assert name in headers, (name, headers)


def many_people_docx(people: int) -> bytes:
    document = docx.Document()
    document.add_paragraph("主旨：本府志工名冊，請查照。")
    surnames = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
    given = "志明美玲家豪淑芬俊傑雅婷建宏怡君宗翰佳穎冠宇欣怡承恩詩涵柏翰思妤"
    for number in range(people):
        name = (
            surnames[number % len(surnames)] + given[(number * 2) % len(given)] + given[(number * 3 + 1) % len(given)]
        )
        document.add_paragraph(
            f"承辦人：{name}，電話0912-{345000 + number:06d}"[:28] + f"，信箱 user{number}@example.com"
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_redacting_a_docx_with_many_people_through_nginx(
    stack: tuple[Process, int, ssl.SSLContext], auth: dict[str, str]
) -> None:
    _, port, context = stack
    boundary = "aiguard-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="名冊.docx"\r\n'
            f"Content-Type: {DOCX}\r\n\r\n"
        ).encode()
        + many_people_docx(60)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    connection = https(port, context)
    connection.request(
        "POST",
        "/api/v1/documents?action=redact&mode=placeholder",
        body=body,
        headers={**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    status, headers, redacted = answer(connection)
    assert status == 200, redacted
    assert len(redacted["placeholder_map"]) >= 60  # e-mail addresses alone: one placeholder each
    assert sum(len(k) + len(v) for k, v in redacted["placeholder_map"].items()) > 1500
    assert all(len(value) < 4096 for value in headers.values())
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(base64.b64decode(redacted["document"]))).paragraphs)
    assert "user7@example.com" not in text and "〔" in text


def test_nginx_errors_are_json(stack: tuple[Process, int, ssl.SSLContext]) -> None:
    _, port, context = stack
    connection = https(port, context)
    connection.request("GET", "/readyz", headers={"X-Padding": "a" * 20_000})
    assert_json_error(*answer(connection), 400, "bad_request")

    connection = https(port, context)
    connection.request("GET", "/api/v1/policy?" + "q=" * 6000)
    assert_json_error(*answer(connection), 414, "uri_too_long")

    connection = https(port, context)
    connection.putrequest("POST", "/api/v1/documents")
    connection.putheader("Content-Length", str(20 * 1024 * 1024))
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.endheaders()
    assert_json_error(*answer(connection), 413, "request_too_large")

    connection = https(port, context)
    connection.request("GET", "/readyz")
    assert answer(connection)[0] == 200


def test_gunicorn_down_is_a_json_502_with_retry_after(stack: tuple[Process, int, ssl.SSLContext]) -> None:
    app, port, context = stack
    app.stop()
    connection = https(port, context)
    connection.request("POST", "/api/v1/scan", body=b"{}", headers={"Content-Type": "application/json"})
    status, headers, body = answer(connection)
    assert_json_error(status, headers, body, 502, "service_unavailable")
    assert int(headers["retry-after"]) > 0


def raw_to_gunicorn(port: int, request: bytes) -> tuple[int, dict[str, str], Any]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


@pytest.mark.parametrize(
    ("request_bytes", "status", "code"),
    [
        (b"GARBAGE\r\n\r\n", 400, "bad_request"),
        (b"GET /readyz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "bad_request"),
        (b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
        (b"GET /readyz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n", 431, "request_headers_too_large"),
        (b"POST /api/v1/scan HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "bad_request"),
    ],
    ids=["request-line", "header", "long-uri", "long-header", "transfer-coding"],
)
def test_gunicorn_errors_are_json(
    stack: tuple[Process, int, ssl.SSLContext], request_bytes: bytes, status: int, code: str
) -> None:
    app, _, _ = stack
    assert_json_error(*raw_to_gunicorn(app.port, request_bytes), status, code)
    assert raw_to_gunicorn(app.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] == 200


def test_several_workers_on_memory_store_refuse_to_start(tmp_path: Path, environment: dict[str, str]) -> None:
    log = tmp_path / "refused.log"
    try:
        refused = start_gunicorn(environment, workers=2, log=log, shipped_config=True)
        assert refused.process.wait(timeout=60) != 0  # the master stops: a worker failed to boot
    except RuntimeError:
        pass  # it stopped before it was listening
    assert "AIGUARD_RATE_LIMIT_STORAGE_URL: memory:// counts per process, and 2 workers" in log.read_text()
    environment["AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT"] = "1"
    allowed = start_gunicorn(environment, workers=2, log=tmp_path / "allowed.log", shipped_config=True)
    try:
        assert raw_to_gunicorn(allowed.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] == 200
    finally:
        allowed.stop()
    one = start_gunicorn(
        {**environment, "AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT": "0"}, workers=1, log=tmp_path / "one.log"
    )
    one.stop()
