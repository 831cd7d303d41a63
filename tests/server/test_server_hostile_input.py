"""Inputs that used to give 500: lone UTF-16 surrogates, deep JSON nesting, an unusual zip version, a chunked
body over the limit, non-ASCII digits in ``?days=``, a macro-enabled file renamed .docx.

Each answers the JSON envelope (zh-TW and en) with a 4xx — or, for surrogates, a normal answer — and the
server answers normally afterwards.
"""

from __future__ import annotations

import http.client
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from local_services import start_gunicorn
from test_server_documents import make_docx, upload

SCAN_OK = {"text": "會議紀錄", "channel": "word"}


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]["zh-TW"] and error["message"]["en"]
    return error


def still_answers(client: Any, auth: dict[str, str]) -> None:
    assert client.post("/api/v1/scan", json=SCAN_OK, headers=auth).status_code == 200


def raw_json(client: Any, path: str, body: str, auth: dict[str, str]) -> Any:
    """``body`` is JSON text as a browser writes it (``\\ud800`` escapes kept as they are)."""
    return client.post(path, data=body.encode("utf-8"), content_type="application/json", headers=auth)


def test_lone_surrogate_is_replaced_and_offsets_kept(client: Any, auth: dict[str, str]) -> None:
    text = "\\ud800聯絡人王小明\\udfff，電話0912-345-678，\\ud83d\\ude00身分證A123456789"
    response = raw_json(client, "/api/v1/scan", f'{{"text": "{text}", "channel": "word"}}', auth)
    assert response.status_code == 200, response.get_data(as_text=True)
    decoded = json.loads(f'"{text}"').replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    for finding in response.get_json()["findings"]:
        assert decoded[finding["start"] : finding["end"]] == finding["text"]
    assert {f["type"] for f in response.get_json()["findings"]} >= {"PHONE", "TW_NATIONAL_ID"}
    still_answers(client, auth)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/api/v1/scan",
            '{"text": "a\\ud800", "channel": "outlook", "subject": "\\udc00", "recipients": ["x\\ud800@a.tw"]}',
        ),
        ("/api/v1/redact", '{"text": "王小明\\ud800 A123456789", "mode": "placeholder"}'),
        (
            "/api/v1/restore",
            '{"text": "〔姓名1〕\\ud800", "map": {"〔姓名1〕\\udbff": "王\\ud800", "〔姓名1〕": "王"}}',
        ),
    ],
)
def test_lone_surrogates_on_every_text_route(client: Any, auth: dict[str, str], path: str, body: str) -> None:
    response = raw_json(client, path, body, auth)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "\ufffd" in json.dumps(response.get_json(), ensure_ascii=False) or path == "/api/v1/redact"
    still_answers(client, auth)


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_deep_nesting_is_a_clear_400(client: Any, auth: dict[str, str], depth: int) -> None:
    body = '{"text": "x", "channel": "word", "recipients": ' + "[" * depth + "]" * depth + "}"
    error = assert_envelope(raw_json(client, "/api/v1/scan", body, auth), 400, "invalid_request")
    assert "32" in error["message"]["en"] and "32" in error["message"]["zh-TW"]
    still_answers(client, auth)


def with_zip_version(data: bytes, version: int) -> bytes:
    """The same .docx with every central-directory entry claiming it needs zip ``version`` to extract."""
    patched = bytearray(data)
    start = 0
    while (start := patched.find(b"PK\x01\x02", start)) != -1:
        patched[start + 6 : start + 8] = version.to_bytes(2, "little")
        start += 4
    return bytes(patched)


def test_unusual_zip_version_is_refused(client: Any, auth: dict[str, str]) -> None:
    error = assert_envelope(upload(client, auth, with_zip_version(make_docx(), 99)), 400, "invalid_document")
    assert "damaged" in error["message"]["en"]
    assert upload(client, auth, make_docx()).status_code == 200


def macro_enabled_docx() -> bytes:
    """A .docm as Word writes it (macro content type and a vbaProject part), renamed .docx."""
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            archive.writestr(info.filename, content)
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 512)
    return out.getvalue()


@pytest.mark.parametrize("action", ["", "?action=notice", "?action=redact"])
def test_macro_enabled_file_renamed_docx_is_refused(client: Any, auth: dict[str, str], action: str) -> None:
    error = assert_envelope(upload(client, auth, macro_enabled_docx(), action), 415, "unsupported_media_type")
    assert "巨集" in error["message"]["zh-TW"] and "macros" in error["message"]["en"]
    assert upload(client, auth, make_docx(), action).status_code == 200


@pytest.mark.parametrize("days", ["３", "٣", "३०", "1e2", "-1", "0", "367", "", "0030000"])
def test_days_accepts_ascii_digits_only(client: Any, bearer: Any, days: str) -> None:
    admin = bearer(roles=["AIGuard.Admin"])
    for path in ("/admin/dashboard", "/admin/export.csv"):
        error = assert_envelope(client.get(f"{path}?days={days}", headers=admin), 400, "invalid_request")
        assert "366" in error["message"]["en"]
    assert client.get("/admin/dashboard?days=30", headers=admin).status_code == 200


def chunked_post(port: int, path: str, chunks: list[bytes], headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=iter(chunks), headers=headers, encode_chunked=True)
    response = connection.getresponse()
    answer = response.status, json.loads(response.read())
    connection.close()
    return answer


def broken_chunks(port: int, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """A chunked body whose chunk size is not hexadecimal."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/api/v1/scan")
    for name, value in {**headers, "Transfer-Encoding": "chunked"}.items():
        connection.putheader(name, value)
    connection.endheaders(b"zz\r\n{}\r\n0\r\n\r\n")
    response = connection.getresponse()
    answer = response.status, json.loads(response.read())
    connection.close()
    return answer


def test_chunked_body_over_the_limit_is_413_under_gunicorn(
    environment: dict[str, str], tmp_path: Path, auth: dict[str, str]
) -> None:
    environment["AIGUARD_MAX_REQUEST_BYTES"] = "65536"
    server = start_gunicorn(environment, workers=1, log=tmp_path / "gunicorn.log")
    headers = {**auth, "Content-Type": "application/json"}
    try:
        big = [b'{"channel": "word", "text": "', *[b"a" * 8192] * 16, b'"}']
        status, answer = chunked_post(server.port, "/api/v1/scan", big, headers)
        assert status == 413 and answer["error"]["code"] == "request_too_large"
        assert answer["error"]["message"]["zh-TW"] and answer["error"]["message"]["en"]
        small = [b'{"channel": "word", ', b'"text": "\\ud800 ok"}']
        status, answer = chunked_post(server.port, "/api/v1/scan", small, headers)
        assert status == 200 and answer["verdict"] == "allow"
        status, answer = broken_chunks(server.port, headers)
        assert status == 400 and answer["error"]["code"] == "bad_request"
        assert "Traceback" not in (tmp_path / "gunicorn.log").read_text(errors="replace")
    finally:
        server.stop()
