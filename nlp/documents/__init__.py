"""Documents the engine reads: Word files (.docx) and e-mail messages (.eml).

Pure Python, no web framework: the server and the CLI call these and scan the ``text`` they return.
Every offset is a code-point index into that text; ``locate(start, end)`` says where a finding is.

- :func:`check_docx` refuses unsafe or unreadable files (:class:`DocumentError` with code, zh-TW/en
  message and HTTP status);
- :func:`read_docx` gives body, tables, headers and footers as :class:`DocxText`;
- :func:`insert_notice_docx` adds the AI notice once and tags the document (custom property AIAssisted);
- :func:`redact_docx` rewrites only the characters of given spans, formatting kept;
- :func:`read_eml` gives subject, body and .docx attachments as :class:`EmailText`;
- :mod:`nlp.documents.formats` scans, redacts and (for .pptx) adds the notice to .pptx, .xlsx, .csv, .odt,
  .ods and .odp (readers in ``presentation``, ``spreadsheet``, ``opendocument``; safety checks shared with
  .docx in ``archive``).
"""

from nlp.documents.docx import (
    PROP_AI_ASSISTED,
    PROP_NOTICE_INSERTED,
    DocxText,
    Segment,
    check_docx,
    insert_notice_docx,
    read_custom_properties,
    read_docx,
    redact_docx,
)
from nlp.documents.eml import Attachment, EmailPart, EmailText, html_to_text, read_eml
from nlp.documents.errors import DocumentError

__all__ = [
    "PROP_AI_ASSISTED",
    "PROP_NOTICE_INSERTED",
    "Attachment",
    "DocumentError",
    "DocxText",
    "EmailPart",
    "EmailText",
    "Segment",
    "check_docx",
    "html_to_text",
    "insert_notice_docx",
    "read_custom_properties",
    "read_docx",
    "read_eml",
    "redact_docx",
]
