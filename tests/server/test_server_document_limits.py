"""The configured upload limits really apply, and one request checks and decompresses a package once.

The large package is cheap to build: a real .docx plus a stored (uncompressed) media entry of zeros, so the
zip-bomb ratio check has nothing to say and only the size limits decide.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from typing import Any

import docx
import pytest
from flask import Flask
from werkzeug.test import EnvironBuilder

import nlp.documents.archive as archive
from nlp.documents.docx import read_docx
from nlp.documents.errors import DocumentError
from server import create_app
from tests.nlp.documents.builders import build_sample, zip_entries
from tests.nlp.documents.office_builders import pptx_bytes, xlsx_bytes

MB = 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def padded_docx(size: int) -> bytes:
    """The sample .docx with a stored media entry that brings the package to ``size`` bytes or a little more."""
    sample = build_sample()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in zip_entries(sample).items():
            package.writestr(name, content)
        package.writestr("word/media/scan.bin", bytes(max(size - len(sample), 0)), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def personal_docx() -> bytes:
    """A .docx with personal data and no marking (redacted, not refused)."""
    document = docx.Document()
    document.add_paragraph("陳情人王小明，身分證字號A123456789，電話0912-345-678。")
    document.sections[0].header.paragraphs[0].text = "承辦人信箱 wang.xiaoming@example.com"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client: Any, auth: dict[str, str], data: bytes, name: str, query: str = "") -> Any:
    # The builder spools a large body to a temporary file: close it here, not whenever it is collected.
    builder = EnvironBuilder(
        path=f"/api/v1/documents{query}",
        method="POST",
        data={"file": (io.BytesIO(data), name, DOCX)},
        content_type="multipart/form-data",
        headers=auth,
    )
    environ = builder.get_environ()
    try:
        return client.open(environ)
    finally:
        environ["wsgi.input"].close()
        builder.close()


@pytest.fixture
def app_with_limits(environment: dict[str, str]) -> Any:
    def build(**settings: int) -> Flask:
        environment.update({f"AIGUARD_{key.upper()}": str(value) for key, value in settings.items()})
        return create_app(environment)

    return build


@pytest.mark.timeout(120)
def test_an_80_mb_limit_accepts_a_70_mb_package(app_with_limits: Any, auth: dict[str, str]) -> None:
    package = padded_docx(70 * MB)
    assert 70 * MB <= len(package) < 71 * MB
    with pytest.raises(DocumentError, match="too_large"):  # the engine's own default (50 MB) would refuse it:
        read_docx(package)  # the server must hand on the package it checked under its settings
    app = app_with_limits(max_docx_bytes=80 * MB, max_docx_uncompressed_bytes=100 * MB)
    answer = upload(app.test_client(), auth, package, "掃描檔.docx")
    assert answer.status_code == 200, answer.get_json()
    report = answer.get_json()
    assert report["verdict"] == "block" and report["findings"]  # the sample carries a marking
    app.extensions["aiguard.db"].dispose()


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        ({"max_docx_bytes": 2 * MB}, "request_too_large"),  # the upload itself, refused as it arrives
        ({"max_docx_bytes": 8 * MB, "max_docx_uncompressed_bytes": 2 * MB}, "document_too_large"),  # unpacked
    ],
)
def test_a_smaller_configured_limit_refuses(app_with_limits: Any, auth: dict[str, str], settings: dict, code: str):
    app = app_with_limits(**settings)
    answer = upload(app.test_client(), auth, padded_docx(3 * MB), "掃描檔.docx")
    assert answer.status_code == 413 and answer.get_json()["error"]["code"] == code
    app.extensions["aiguard.db"].dispose()


@pytest.fixture
def decompressions(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How often each entry of an uploaded package is decompressed by the checks."""
    counts: Counter = Counter()
    real = archive.read_entry

    def counting(zip_file: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
        counts[info.filename] += 1
        return real(zip_file, info, limit)

    monkeypatch.setattr(archive, "read_entry", counting)
    return counts


@pytest.mark.parametrize("query", ["", "?action=notice", "?action=redact&mode=placeholder"])
@pytest.mark.parametrize(
    ("name", "make"),
    [("公文.docx", personal_docx), ("簡報.pptx", pptx_bytes), ("名冊.xlsx", xlsx_bytes)],
)
def test_each_request_checks_the_package_once(client: Any, auth: dict[str, str], decompressions: Counter,
                                              name: str, make: Any, query: str) -> None:
    if name.endswith(".xlsx") and "notice" in query:
        pytest.skip("no notice in spreadsheets")
    data = make()
    answer = upload(client, auth, data, name, query)
    assert answer.status_code == 200, answer.get_json()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
    assert set(decompressions) == names
    assert set(decompressions.values()) == {1}, decompressions.most_common(3)
