"""Downloads with any file name: RFC 6266 / 5987 ``Content-Disposition``, sanitised, through the app and gunicorn.

A Chinese name used to crash gunicorn (a header is Latin-1), a ``"`` injected header parameters and CR/LF
gave 500; the audit counted the failed request. Now the name travels as ``filename*=UTF-8''…`` with an ASCII
fallback, nothing of the client's name can break the header, and the event is recorded once the answer exists.
"""

from __future__ import annotations

import http.client
import io
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from local_services import start_gunicorn
from test_server_documents import DOCX, audit_count, make_docx, upload

from server.disposition import attachment, safe_filename

NAMES: dict[str, str | None] = {
    "公文.docx": "公文-ai-notice.docx",
    'a"; filename=evil.exe; x=".docx': None,  # what arrives depends on the client's multipart quoting
    "C:/Users/王/公文.docx": "公文-ai-notice.docx",
    "\u202egnp.docx": "gnp-ai-notice.docx",
    "": "document-ai-notice.docx",
}


def parameters(header: str) -> dict[str, str]:
    """The parameters of a Content-Disposition value, as a strict RFC 6266 reader splits them."""
    kind, *rest = [part.strip() for part in header.split(";")]
    assert kind == "attachment"
    values = dict(part.split("=", 1) for part in rest)
    assert set(values) == {"filename", "filename*"}, header
    return values


def downloaded_name(header: str) -> str:
    encoded = parameters(header)["filename*"]
    assert encoded.startswith("UTF-8''")
    return unquote(encoded[len("UTF-8''") :], encoding="utf-8", errors="strict")


@pytest.mark.parametrize("name", sorted(NAMES))
def test_any_name_downloads_under_its_own_name(client: Any, auth: dict[str, str], app: Flask, name: str) -> None:
    before = audit_count(app)
    response = upload(client, auth, make_docx(), "?action=notice", name=name)
    assert response.status_code == 200 and response.mimetype == DOCX
    header = response.headers["Content-Disposition"]
    header.encode("ascii")  # nothing outside ASCII in a header
    assert "\r" not in header and "\n" not in header
    downloaded = downloaded_name(header)
    assert downloaded == (NAMES[name] or downloaded) and downloaded.endswith("-ai-notice.docx")
    assert not set(downloaded) & set('";/\\\r\n'), downloaded
    fallback = parameters(header)["filename"]
    assert fallback.startswith('"') and fallback.endswith('.docx"') and '"' not in fallback[1:-1]
    assert audit_count(app) == before + 1


def test_sanitising_is_idempotent_and_bounded() -> None:
    for name in NAMES:
        once = safe_filename(name)
        assert safe_filename(once) == once
    long_name = "長" * 500 + ".docx"
    assert len(safe_filename(long_name)) <= 150 and safe_filename(long_name).endswith(".docx")
    assert attachment("公文.docx").startswith('attachment; filename="document.docx"; ')


def raw_upload(port: int, token: str, filename_parameter: str, query: str) -> tuple[int, dict[str, str], bytes]:
    """A multipart upload written by hand, so the part's file name arrives exactly as a hostile client sends it."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; {filename_parameter}\r\n'
            f"Content-Type: {DOCX}\r\n\r\n"
        ).encode()
        + make_docx()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        f"/api/v1/documents{query}",
        body=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Authorization": token},
    )
    response = connection.getresponse()
    answer = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return answer


def test_names_through_gunicorn(environment: dict[str, str], tmp_path: Path, auth: dict[str, str]) -> None:
    server = start_gunicorn(environment, workers=1, log=tmp_path / "gunicorn.log")
    try:
        token = auth["Authorization"]
        cases = {
            'filename="公文.docx"': "公文-ai-notice.docx",
            "filename*=UTF-8''%E5%85%AC%E6%96%87.docx": "公文-ai-notice.docx",
            "filename*=UTF-8''a%0D%0AX-Injected%3A%201.docx": "aX-Injected 1-ai-notice.docx",
            'filename="x\\"; name=\\"y.docx"': "x name=y-ai-notice.docx",
        }
        for parameter, expected in cases.items():
            status, headers, body = raw_upload(server.port, token, parameter, "?action=notice")
            assert status == 200, body[:300]
            assert "x-injected" not in headers
            assert downloaded_name(headers["content-disposition"]) == expected
            assert body.startswith(b"PK")
        status, headers, body = raw_upload(
            server.port, token, 'filename="公文.docx"', "?action=redact&mode=placeholder"
        )
        assert status == 200 and headers["content-type"].startswith("application/json")
        assert "content-disposition" not in headers
        log = (tmp_path / "gunicorn.log").read_text(errors="replace")
        assert "Traceback" not in log and "Error handling request" not in log
    finally:
        server.stop()


def test_audit_counts_a_redaction_once_it_is_answered(client: Any, auth: dict[str, str], app: Flask) -> None:
    before = audit_count(app)
    assert upload(client, auth, make_docx(), "?action=redact", name="公文.docx").status_code == 200
    assert upload(client, auth, make_docx(classified=True), "?action=redact").status_code == 422
    assert upload(client, auth, b"not a docx", "?action=redact").status_code in (400, 415)
    assert audit_count(app) == before + 2  # the redaction and the block; nothing for the unreadable file
    assert io.BytesIO(b"").read() == b""
