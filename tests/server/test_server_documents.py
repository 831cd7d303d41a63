"""POST /api/v1/documents: a .docx scanned with locations, or returned with a notice or redacted;
corrupt, encrypted, zip-bomb and XML-entity documents refused with a clear error and nothing recorded."""

from __future__ import annotations

import base64
import io
import zipfile
from typing import Any

import docx
import pytest
from flask import Flask
from sqlalchemy import func, select

from server.models import AuditEvent

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_docx(*, classified: bool = False) -> bytes:
    document = docx.Document()
    if classified:
        document.add_paragraph("密等及解密條件或保密期限：機密")
    document.add_paragraph("主旨：函送道路養護計畫，請查照。")
    document.add_paragraph("陳情人身分證字號A123456789。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "聯絡電話"
    table.cell(0, 1).text = "0912-345-678"
    section = document.sections[0]
    section.header.paragraphs[0].text = "新北市政府 承辦人信箱 wang.xiaoming@example.com"
    section.footer.paragraphs[0].text = "第 1 頁"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client: Any, auth: dict[str, str], data: bytes, query: str = "", name: str = "陳情案.docx") -> Any:
    return client.post(
        f"/api/v1/documents{query}",
        data={"file": (io.BytesIO(data), name, DOCX)},
        content_type="multipart/form-data",
        headers=auth,
    )


def audit_count(app: Flask) -> int:
    with app.extensions["aiguard.sessions"]() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)


def test_report_says_where_each_finding_is(client: Any, auth: dict[str, str]) -> None:
    response = upload(client, auth, make_docx())
    assert response.status_code == 200
    report = response.get_json()
    assert report["verdict"] == "redact"
    assert report["filename"] == "陳情案.docx"
    parts = {f["type"]: f["location"]["part"] for f in report["findings"]}
    assert parts["TW_NATIONAL_ID"] == "body"
    assert parts["PHONE"] == "table"
    assert parts["EMAIL"] == "header"
    assert report["messages"]["zh-TW"]


def test_notice_is_inserted_once_and_marks_the_document(client: Any, auth: dict[str, str]) -> None:
    response = upload(client, auth, make_docx(), "?action=notice")
    assert response.status_code == 200
    assert response.mimetype == DOCX
    assert "attachment" in response.headers["Content-Disposition"]
    first = response.data
    assert "AI" in docx.Document(io.BytesIO(first)).paragraphs[0].text
    again = upload(client, auth, first, "?action=notice").data
    notices = [p.text for p in docx.Document(io.BytesIO(again)).paragraphs if "生成式人工智慧" in p.text]
    assert len(notices) == 1
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert b"AIAssisted" in archive.read("docProps/custom.xml")


@pytest.mark.parametrize("mode", ["mask", "placeholder"])
def test_redacted_document_keeps_no_value(client: Any, auth: dict[str, str], mode: str) -> None:
    response = upload(client, auth, make_docx(), f"?action=redact&mode={mode}")
    assert response.status_code == 200
    redacted = response.get_json()  # document and map in the body: a map never rides in a header
    assert redacted["filename"] == "陳情案-redacted.docx"
    assert redacted["media_type"] == DOCX
    text = docx_text(base64.b64decode(redacted["document"]))
    for value in ("A123456789", "0912-345-678", "wang.xiaoming@example.com"):
        assert value not in text
    assert "主旨：函送道路養護計畫，請查照。" in text
    placeholder_map = redacted["placeholder_map"]
    if mode == "placeholder":
        assert "A123456789" in placeholder_map.values()
    else:
        assert placeholder_map == {}


def test_a_classified_document_is_not_redacted_for_ai(client: Any, auth: dict[str, str]) -> None:
    response = upload(client, auth, make_docx(classified=True), "?action=redact")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "blocked"


def zip_with(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def replaced(entries: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(make_docx())) as archive:
        original = {name: archive.read(name) for name in archive.namelist()}
    return zip_with({**original, **entries})


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("corrupt", b"PK\x03\x04 this is not really a zip", 400),
        ("truncated", make_docx()[:2000], 400),
        ("plain text", "王小明 A123456789".encode(), 415),
        (
            "encrypted",
            bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
            415,
        ),
        ("legacy .doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512, 415),
        ("zip bomb", replaced({"word/media/padding.bin": b"\0" * 30_000_000}), 413),
        ("xxe", replaced({"word/document.xml": XXE}), 400),
        ("billion laughs", replaced({"word/document.xml": BILLION_LAUGHS}), 400),
    ],
)
def test_bad_documents_are_refused_and_not_recorded(
    app: Flask, client: Any, auth: dict[str, str], name: str, data: bytes, status: int
) -> None:
    response = upload(client, auth, data)
    assert response.status_code == status, name
    error = response.get_json()["error"]
    assert error["message"]["zh-TW"] and error["message"]["en"]
    assert b"Traceback" not in response.data and b"passwd" not in response.data
    assert audit_count(app) == 0


def test_a_document_over_the_size_limit_is_a_413(environment: dict[str, str], auth: dict[str, str]) -> None:
    from server import create_app

    environment["AIGUARD_MAX_DOCX_BYTES"] = "20000"
    client = create_app(environment).test_client()
    response = upload(client, auth, make_docx() + b"\0" * 30000)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] in ("document_too_large", "request_too_large")


def test_upload_needs_multipart_with_a_file_field(client: Any, auth: dict[str, str]) -> None:
    raw = client.post("/api/v1/documents", data=make_docx(), content_type=DOCX, headers=auth)
    assert raw.status_code == 415
    missing = client.post(
        "/api/v1/documents", data={"other": "x"}, content_type="multipart/form-data", headers=auth
    )
    assert missing.status_code == 400
    assert "file" in missing.get_json()["error"]["message"]["en"]


def test_unknown_action_is_a_400(client: Any, auth: dict[str, str]) -> None:
    assert upload(client, auth, make_docx(), "?action=publish").status_code == 400
    assert upload(client, auth, make_docx(), "?action=redact&mode=shuffle").status_code == 400
