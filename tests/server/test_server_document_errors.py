"""The server, not the engine, decides the HTTP status of a document the engine refuses."""

from __future__ import annotations

import pytest

from nlp.documents.errors import MESSAGES, DocumentError
from server.api.documents import DOCUMENT_ERROR_CODES, _document_error

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


def test_every_engine_code_has_a_status():
    assert set(DOCUMENT_ERROR_CODES) == set(MESSAGES) == set(STATUSES)


@pytest.mark.parametrize(("code", "status"), STATUSES.items())
def test_each_code_maps_to_its_status_with_the_engine_messages(code, status):
    error = _document_error(DocumentError(code))
    assert error.status == status
    assert (error.zh, error.en) == (MESSAGES[code][0], MESSAGES[code][1])


def test_an_unknown_engine_code_is_a_400():
    assert _document_error(DocumentError("something_else")).status == 400
