"""File names in downloads: ``Content-Disposition`` per RFC 6266 with the UTF-8 name per RFC 5987.

An uploaded name is the client's text: it may hold a path, quotes, semicolons, CR/LF or any script. The name
is reduced to its last path component with control characters, quotes and separators removed; the header
carries an ASCII fallback (``filename="…"``, for old clients) and the exact UTF-8 name
(``filename*=UTF-8''…``, percent-encoded), so ``公文.docx`` downloads as ``公文.docx`` and no character of
the name can end the header or add a parameter.

>>> attachment("公文.docx")
'attachment; filename="document.docx"; filename*=UTF-8\\'\\'%E5%85%AC%E6%96%87.docx'
>>> attachment("Café 會議.docx")
'attachment; filename="Cafe _.docx"; filename*=UTF-8\\'\\'Caf%C3%A9%20%E6%9C%83%E8%AD%B0.docx'
>>> safe_filename('..\\\\evil"; x=1\\r\\nSet-Cookie: a.docx')
'evil x=1Set-Cookie a.docx'
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

MAX_NAME_CHARACTERS = 150
UNSAFE = re.compile(r'["\\/:;*?<>|]')
ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_filename(name: str | None, default: str = "document.docx") -> str:
    """The last path component of ``name`` without control characters, quotes or separators."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] not in ("C", "Z") or c == " ")
    name = UNSAFE.sub("", name).strip(" .")
    if len(name) > MAX_NAME_CHARACTERS:
        stem, dot, suffix = name.rpartition(".")
        keep_suffix = dot and len(suffix) < 10
        name = (
            stem[: MAX_NAME_CHARACTERS - len(suffix) - 1] + "." + suffix if keep_suffix else name[:MAX_NAME_CHARACTERS]
        )
    return name or default


def attachment(filename: str) -> str:
    """The ``Content-Disposition`` value for downloading ``filename`` (sanitised here again)."""
    name = safe_filename(filename)
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    stem, dot, suffix = ASCII_UNSAFE.sub("_", folded).rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    if not re.search(r"[A-Za-z0-9]", stem):
        stem = "document"
    ascii_name = stem + ("." + suffix if suffix else "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
