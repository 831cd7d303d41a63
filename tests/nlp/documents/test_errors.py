"""nlp.documents.errors: every code has a zh-TW and an English message and the right HTTP status."""

from __future__ import annotations

import pytest

from nlp.documents import DocumentError
from nlp.documents.errors import MESSAGES

STATUSES = {
    "not_docx": 415,
    "legacy_doc": 415,
    "encrypted": 415,
    "too_large": 413,
    "zip_bomb": 413,
    "xml_entities": 400,
    "macro_enabled": 415,
    "unsupported_format": 415,
    "legacy_office": 415,
    "notice_unsupported": 415,
    "corrupt": 400,
}


def test_the_codes_are_the_documented_ones():
    assert set(MESSAGES) == set(STATUSES)


@pytest.mark.parametrize(("code", "status"), STATUSES.items())
def test_each_code_has_messages_and_status(code, status):
    error = DocumentError(code, detail="word/document.xml")
    assert (error.code, error.http_status) == (code, status)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.zh)
    assert error.en.isascii() or "–" in error.en
    assert error.to_dict() == {"code": code, "zh-TW": error.zh, "en": error.en, "http_status": status}
    assert code in str(error) and "word/document.xml" in str(error)


def test_messages_and_status_can_be_overridden():
    error = DocumentError("corrupt", zh="自訂", en="custom", http_status=422)
    assert (error.zh, error.en, error.http_status) == ("自訂", "custom", 422)


def test_an_unknown_code_is_a_400_with_generic_messages():
    error = DocumentError("something_else")
    assert error.http_status == 400 and error.zh and error.en
