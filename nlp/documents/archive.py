"""Safety checks every zip-based office file goes through before any of its XML is parsed.

.docx, .xlsx and .pptx (Office Open XML) and .odt, .ods and .odp (OpenDocument) are zip archives of XML
parts. :func:`check_archive` refuses, with a :class:`DocumentError` whose message names the format:

- what is not that format (no zip signature; for OOXML the main part, for ODF the ``mimetype`` entry);
- a password-protected file (an OLE2 file holding an EncryptedPackage, or encrypted zip entries) and a
  legacy binary file (.doc, .xls, .ppt);
- zip bombs: too many entries, an extreme compression ratio, more uncompressed bytes than allowed (declared
  sizes are not trusted: every entry is decompressed and counted, CRC verified);
- XML with a DOCTYPE or ENTITY declaration (XXE, billion laughs), searched in the raw bytes, UTF-16 too;
- macros (a VBA project in OOXML, Basic or script libraries in ODF).

:func:`open_archive` runs the checks once and returns a :class:`CheckedArchive` holding every entry as checked
(decompressed once). Every reader, writer and the server accept one in place of the file's bytes and hand it
on (:func:`opened`), so one request checks and decompresses a package once, under the limits its caller set.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import TypedDict, Union

from nlp.documents.errors import DocumentError

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
ODF_MEDIA_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


@dataclass(frozen=True)
class Format:
    """What a format is called in messages, and how its main part is recognised."""

    suffix: str
    zh: str
    en: str
    main_part: str  # OOXML: the part that must exist; ODF: "mimetype"
    legacy: str = ""  # the legacy binary format's suffix, if Office had one


FORMATS = {
    "docx": Format("docx", "Word 文件（.docx）", "a Word document (.docx)", "word/document.xml", ".doc"),
    "xlsx": Format("xlsx", "Excel 活頁簿（.xlsx）", "an Excel workbook (.xlsx)", "xl/workbook.xml", ".xls"),
    "pptx": Format("pptx", "PowerPoint 簡報（.pptx）", "a PowerPoint presentation (.pptx)", "ppt/presentation.xml",
                   ".ppt"),
    "odt": Format("odt", "ODF 文字文件（.odt）", "an ODF text document (.odt)", "mimetype"),
    "ods": Format("ods", "ODF 試算表（.ods）", "an ODF spreadsheet (.ods)", "mimetype"),
    "odp": Format("odp", "ODF 簡報（.odp）", "an ODF presentation (.odp)", "mimetype"),
}


def wrong_format(kind: str, detail: str) -> DocumentError:
    """The error for a file that is not ``kind`` (``not_docx`` keeps its historic code for .docx)."""
    fmt = FORMATS[kind]
    if kind == "docx":
        return DocumentError("not_docx", detail=detail)
    return DocumentError("unsupported_format", zh=f"此檔案不是{fmt.zh}。", en=f"This file is not {fmt.en}.",
                         detail=detail)


@dataclass(frozen=True)
class CheckedArchive:
    """A zip-based office file that passed :func:`check_archive`, with every entry decompressed once."""

    data: bytes  # the file as uploaded
    kind: str
    infos: tuple[zipfile.ZipInfo, ...]
    entries: dict[str, bytes] = field(repr=False)  # name -> content, CRC verified

    @property
    def names(self) -> set[str]:
        return set(self.entries)


# A file's bytes, or the same file already checked: what every reader and writer of nlp.documents takes.
Document = Union[bytes, CheckedArchive]


class Limits(TypedDict, total=False):
    """The zip-bomb limits a caller may set (``**limits`` of every reader and writer); defaults in
    :func:`open_archive`."""

    max_uncompressed: int
    max_entries: int
    max_ratio: int


def opened(data: Document, kind: str, limits: Limits) -> CheckedArchive:
    """``data`` checked as ``kind`` under ``limits`` — or, already checked, handed on as it is."""
    if isinstance(data, CheckedArchive):
        if data.kind != kind:
            raise wrong_format(kind, f"checked as {data.kind}")
        return data
    return open_archive(data, kind, **limits)


def file_bytes(data: Document) -> bytes:
    """The file's bytes, whether checked or not."""
    return data.data if isinstance(data, CheckedArchive) else bytes(data)


def check_archive(data: bytes, kind: str, *, max_uncompressed: int = 50_000_000, max_entries: int = 2000,
                  max_ratio: int = 200, main_part: str | None = None) -> set[str]:
    """Refuse anything that is not a safe, readable file of ``kind``; return the archive's entry names."""
    return open_archive(data, kind, max_uncompressed=max_uncompressed, max_entries=max_entries,
                        max_ratio=max_ratio, main_part=main_part).names


def open_archive(data: bytes, kind: str, *, max_uncompressed: int = 50_000_000, max_entries: int = 2000,
                 max_ratio: int = 200, main_part: str | None = None) -> CheckedArchive:
    """Refuse anything that is not a safe, readable file of ``kind``; return it checked, entries decompressed.

    Checks, in order: zip magic (an OLE2 compound file is an encrypted Office file or a legacy binary one),
    a readable zip directory, entry count, compression ratio of each large entry, total uncompressed size,
    unique entry names; then every entry is decompressed (CRC verified, real size counted) and every XML
    part's raw bytes are searched for DOCTYPE and ENTITY declarations before any XML is parsed; macros;
    last, the main part (``main_part`` overrides the format's default; ``""`` leaves it to the caller) or the
    ODF media type.
    """
    fmt = FORMATS[kind]
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise wrong_format(kind, "not bytes")
    data = bytes(data)
    if data.startswith(OLE2_MAGIC):
        if is_encrypted_ole(data):
            raise DocumentError("encrypted")
        if kind == "docx":
            raise DocumentError("legacy_doc")
        if fmt.legacy:
            raise DocumentError(
                "legacy_office",
                zh=f"此檔案是舊版 Office 97–2003 格式（{fmt.legacy}），請另存為 .{fmt.suffix} 後再上傳。",
                en=f"This is a legacy Office 97–2003 file ({fmt.legacy}); save it as .{fmt.suffix} and upload it "
                "again.",
            )
        raise wrong_format(kind, "OLE2 file")
    if not data.startswith(ZIP_MAGIC):
        raise wrong_format(kind, "no zip signature")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise DocumentError("corrupt", detail=f"zip directory: {error}") from None  # e.g. "zip file version 9.9"
    with archive:
        infos = archive.infolist()
        if len(infos) > max_entries:
            raise DocumentError("zip_bomb", detail=f"{len(infos)} entries > {max_entries}")
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise DocumentError("encrypted", detail=f"encrypted zip entry {info.filename}")
            if info.file_size > 1_000_000 and info.file_size > max_ratio * max(info.compress_size, 1):
                raise DocumentError("zip_bomb", detail=f"{info.filename} ratio > {max_ratio}")
            total += info.file_size
        if total > max_uncompressed:
            raise DocumentError("too_large", detail=f"{total} bytes uncompressed > {max_uncompressed}")
        names = {info.filename for info in infos}
        if len(names) != len(infos):
            raise DocumentError("corrupt", detail="duplicate entry names")
        budget = max_uncompressed  # declared sizes may lie: count what decompression really yields
        mimetype = b""
        entries: dict[str, bytes] = {}
        for info in infos:
            content = entries[info.filename] = read_entry(archive, info, budget)
            budget -= len(content)
            if info.filename.lower().endswith((".xml", ".rels")) and declares_dtd(content):
                raise DocumentError("xml_entities", detail=info.filename)
            if holds_macros(info.filename, content):
                raise _macro_error(kind, info.filename)
            if info.filename == "mimetype":
                mimetype = content.strip()
        if kind in ODF_MEDIA_TYPES and main_part is None:
            if mimetype.decode("ascii", "replace") != ODF_MEDIA_TYPES[kind] or "content.xml" not in names:
                raise wrong_format(kind, f"mimetype {mimetype[:80]!r}")
        elif main_part != "" and (main_part or fmt.main_part) not in names:
            raise wrong_format(kind, "no main part")
    return CheckedArchive(data, kind, tuple(infos), entries)


def holds_macros(name: str, content: bytes) -> bool:
    """A VBA project (a .docm/.xlsm/.pptm renamed): the vbaProject part or a macro-enabled content type; in
    ODF, Basic or script libraries."""
    lowered = name.lower()
    if lowered.endswith(("vbaproject.bin", "vbadata.xml")) or name.startswith(("Basic/", "Scripts/")):
        return True
    return lowered == "[content_types].xml" and b"macroenabled" in content.lower()


def _macro_error(kind: str, name: str) -> DocumentError:
    if kind == "docx":
        return DocumentError("macro_enabled", detail=name)
    fmt = FORMATS[kind]
    return DocumentError(
        "macro_enabled",
        zh=f"此檔案含有巨集，已拒絕處理。請另存為不含巨集的{fmt.zh}後再上傳。",
        en=f"This file contains macros and was refused; save it as {fmt.en} without macros and upload it again.",
        detail=name,
    )


def is_encrypted_ole(data: bytes) -> bool:
    """An OOXML file protected with a password is an OLE2 file holding an EncryptedPackage stream."""
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Decompress one entry (zipfile stops at the declared size and verifies the CRC at the end)."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise DocumentError("too_large", detail=info.filename)
                chunks.append(chunk)
    except DocumentError:
        raise
    except RuntimeError as error:  # zipfile: "File ... is encrypted, password required"
        raise DocumentError("encrypted", detail=f"{info.filename}: {error}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
        raise DocumentError("corrupt", detail=f"{info.filename}: {error}") from None
    return b"".join(chunks)


def declares_dtd(content: bytes) -> bool:
    """True when raw XML bytes hold a DOCTYPE or ENTITY declaration, in UTF-8 or UTF-16."""
    candidates = [content]
    head = content[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        for encoding in ("utf-16-le", "utf-16-be", "utf-16"):
            try:
                candidates.append(content.decode(encoding, errors="ignore").encode("utf-8"))
            except LookupError:  # pragma: no cover - the codecs always exist
                pass
    for candidate in candidates:
        upper = candidate.upper()
        if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
            return True
    return False
