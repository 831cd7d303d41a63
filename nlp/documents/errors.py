"""Why a document could not be read: one exception, a stable code, zh-TW and English messages.

The engine knows nothing of HTTP: the server maps each ``code`` to its status (``server/api/documents.py``),
the CLI prints ``zh`` and ``en`` and exits 1. Codes are part of the interface: never rename one.

>>> error = DocumentError("encrypted")
>>> error.code
'encrypted'
>>> error.zh
'此檔案受密碼保護或已加密，無法檢查。請先移除密碼再上傳。'
"""

from __future__ import annotations

from typing import Any

# code -> (zh-TW message, English message)
MESSAGES: dict[str, tuple[str, str]] = {
    "not_docx": (
        "此檔案不是 Word 文件（.docx）。",
        "This file is not a Word document (.docx).",
    ),
    "legacy_doc": (
        "此檔案是舊版 Word 97–2003 文件（.doc），請另存為 .docx 後再上傳。",
        "This is a legacy Word 97–2003 document (.doc); save it as .docx and upload it again.",
    ),
    "encrypted": (
        "此檔案受密碼保護或已加密，無法檢查。請先移除密碼再上傳。",
        "This file is password-protected or encrypted and cannot be checked; remove the password first.",
    ),
    "too_large": (
        "文件解壓縮後內容過大，無法處理。",
        "The document is too large once uncompressed.",
    ),
    "zip_bomb": (
        "文件的壓縮結構異常（疑似壓縮炸彈），已拒絕處理。",
        "The document's compressed structure is abnormal (a suspected zip bomb) and was refused.",
    ),
    "xml_entities": (
        "文件含有不允許的 XML 宣告（DOCTYPE 或 ENTITY），已拒絕處理。",
        "The document contains a forbidden XML declaration (DOCTYPE or ENTITY) and was refused.",
    ),
    "macro_enabled": (
        "此檔案含有巨集（可能是改名為 .docx 的 .docm），已拒絕處理。請另存為不含巨集的 Word 文件（.docx）後再上傳。",
        "This file contains macros (possibly a .docm renamed .docx) and was refused; save it as a Word document "
        "without macros (.docx) and upload it again.",
    ),
    "unsupported_format": (
        "此檔案格式不支援，或副檔名與內容不符。",
        "This file's format is not supported, or its name does not match its content.",
    ),
    "legacy_office": (
        "此檔案是舊版 Office 97–2003 格式，請另存為新版格式（.xlsx、.pptx）後再上傳。",
        "This is a legacy Office 97–2003 file; save it in the current format (.xlsx, .pptx) and upload it again.",
    ),
    "notice_unsupported": (
        "此格式不支援插入 AI 生成聲明，請於 Word、PowerPoint 或 ODF 文字／簡報檔插入。",
        "The AI notice cannot be inserted into this format; use a Word, PowerPoint or ODF text/presentation file.",
    ),
    "corrupt": (
        "文件已損毀或不完整，無法讀取。",
        "The document is damaged or incomplete and cannot be read.",
    ),
}


class DocumentError(Exception):
    """A document that cannot be processed, with a code and zh-TW and English messages."""

    def __init__(self, code: str, zh: str | None = None, en: str | None = None, detail: str = "") -> None:
        default_zh, default_en = MESSAGES.get(code, ("無法處理此文件。", "The document cannot be processed."))
        self.code = code
        self.zh = zh or default_zh
        self.en = en or default_en
        self.detail = detail  # for logs: which part or limit; never document content
        super().__init__(f"{code}: {self.en}" + (f" ({detail})" if detail else ""))

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "zh-TW": self.zh, "en": self.en}
