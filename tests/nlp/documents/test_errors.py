"""nlp.documents.errors: every code has a zh-TW and an English message; no HTTP in the engine (the server maps
codes to statuses: tests/server/test_server_document_errors.py)."""

from __future__ import annotations

import pytest

from nlp.documents import DocumentError
from nlp.documents.errors import MESSAGES

CODES = (
    "not_docx",
    "legacy_doc",
    "encrypted",
    "too_large",
    "zip_bomb",
    "xml_entities",
    "macro_enabled",
    "unsupported_format",
    "legacy_office",
    "notice_unsupported",
    "corrupt",
)


def test_the_codes_are_the_documented_ones():
    assert set(MESSAGES) == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_each_code_has_messages(code):
    error = DocumentError(code, detail="word/document.xml")
    assert error.code == code and not hasattr(error, "http_status")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.zh)
    assert error.en.isascii() or "–" in error.en
    assert error.to_dict() == {"code": code, "zh-TW": error.zh, "en": error.en}
    assert code in str(error) and "word/document.xml" in str(error)


def test_messages_can_be_overridden():
    error = DocumentError("corrupt", zh="自訂", en="custom")
    assert (error.zh, error.en) == ("自訂", "custom")


def test_an_unknown_code_has_generic_messages():
    error = DocumentError("something_else")
    assert error.zh and error.en
