"""E-mail messages (.eml): subject, body and the text of .docx attachments, with where each part lies.

:attr:`EmailText.text` is ``subject + "\\n" + body``, then ``"\\n" + text`` of each readable .docx
attachment. :attr:`EmailText.parts` gives each piece's range in that text, so a finding can be traced
back to the subject, the body or an attachment (and, through :meth:`EmailText.locate`, to the
paragraph or table cell inside the attachment).

The body is the text/plain alternative when there is one, otherwise the text/html one converted to
text with :mod:`html.parser` (block elements and <br> become line breaks). Encoded headers
(``=?UTF-8?B?...?=``, ``=?Big5?Q?...?=``), quoted-printable and base64 bodies and Big5 or UTF-8
charsets are decoded. An attachment that cannot be read is reported with its error, never raised.
"""

from __future__ import annotations

import bisect
import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from html.parser import HTMLParser
from typing import Any

from nlp.documents.docx import DocxText, read_docx
from nlp.documents.errors import DocumentError

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Charsets mail clients label loosely: Big5 mail from Windows is really cp950 (a superset).
_CHARSET_ALIASES = {"big5": "cp950", "x-big5": "cp950", "big-5": "cp950", "cn-big5": "cp950",
                    "ks_c_5601-1987": "cp949", "gb2312": "gb18030", "gbk": "gb18030"}
_FALLBACK_CHARSETS = ("utf-8", "cp950", "big5hkscs")


@dataclass(frozen=True)
class Attachment:
    """A .docx attachment: its text, or the error that kept it from being read."""

    filename: str
    text: str
    error: DocumentError | None = field(default=None, compare=False)
    document: DocxText | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class EmailPart:
    """``EmailText.text[start:end]`` is the subject, the body or one attachment's text."""

    start: int
    end: int
    name: str  # "subject", "body" or "attachment"
    filename: str | None = None


@dataclass(frozen=True)
class EmailText:
    subject: str
    body: str
    attachments: tuple[Attachment, ...]
    text: str
    parts: tuple[EmailPart, ...]
    skipped: tuple[str, ...] = ()  # attachments not read (not .docx), by file name

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Which part ``text[start:end]`` is in; inside an attachment, also the paragraph or cell."""
        starts = [part.start for part in self.parts]
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        part = self.parts[index]
        location: dict[str, Any] = {"part": part.name}
        if part.filename is not None:
            location["filename"] = part.filename
            # attachment parts follow the readable attachments in order
            readable = [a for a in self.attachments if a.error is None]
            attachment = readable[index - 2] if 0 <= index - 2 < len(readable) else None
            if attachment is not None and attachment.document is not None:
                location["location"] = attachment.document.locate(start - part.start, end - part.start)
        return location


def decode_bytes(payload: bytes, charset: str | None) -> str:
    """Bytes in a declared (possibly mislabelled) charset, decoded without ever raising."""
    declared = (charset or "").strip().strip('"').lower()
    candidates = [_CHARSET_ALIASES.get(declared, declared)] if declared else []
    candidates += [c for c in _FALLBACK_CHARSETS if c not in candidates]
    for candidate in candidates:
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode(candidates[0] if _known(candidates[0]) else "utf-8", errors="replace")


def _known(charset: str) -> bool:
    try:
        "".encode(charset)
    except LookupError:
        return False
    return True


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload, part.get_content_charset())


class _HtmlText(HTMLParser):
    """Visible text of an HTML body, with line breaks where the blocks were."""

    PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})  # blank line
    LINES = frozenset({"div", "li", "tr", "table", "ul", "ol", "hr", "section", "article", "header",
                       "footer", "address", "dt", "dd", "caption"})  # line break
    HIDDEN = frozenset({"script", "style", "head", "title", "template"})
    CELLS = frozenset({"td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.cells = 0  # open <td>/<th>: paragraphs inside a cell do not end the table row
        self.cell_is_empty = False

    def _tail(self) -> str:
        return "".join(self.out[-3:])[-2:]

    def _break(self, count: int) -> None:
        """End the current line and leave ``count`` - 1 blank lines (never at the very start)."""
        if self.out:
            self.out[-1] = self.out[-1].rstrip(" ")
        if not "".join(self.out).strip():
            return
        missing = count - (len(self._tail()) - len(self._tail().rstrip("\n")))
        self.out.append("\n" * max(missing, 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.out.append("\n")
        elif self.cells and tag in self.PARAGRAPHS | self.LINES - {"tr", "table"}:
            if not self.cell_is_empty:  # Outlook writes <td><p class=MsoNormal>…</p></td>
                self._break(1)
            self.pre += tag == "pre"
        elif tag in self.PARAGRAPHS or tag in self.LINES:
            self._break(2 if tag in self.PARAGRAPHS else 1)
            self.pre += tag == "pre"
        elif tag in self.CELLS:
            if self.out and not self._tail().endswith("\n"):
                self.out.append("\t")
            self.cells += 1
            self.cell_is_empty = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.CELLS:
            self.cells = max(self.cells - 1, 0)
        elif self.cells and tag in self.PARAGRAPHS | self.LINES - {"tr", "table"}:
            self.pre = max(self.pre - (tag == "pre"), 0)
        elif tag in self.PARAGRAPHS or tag in self.LINES:
            self._break(2 if tag in self.PARAGRAPHS else 1)
            if tag == "pre":
                self.pre = max(self.pre - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
            if not self.out or self._tail().endswith(("\n", "\t")):
                data = data.lstrip(" ")
        if data.strip():
            self.cell_is_empty = False
        self.out.append(data)

    def text(self) -> str:
        joined = "\n".join(line.rstrip(" ") for line in "".join(self.out).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", joined).strip("\n").replace("\xa0", " ")


def html_to_text(html: str) -> str:
    """Text of an HTML e-mail body; <p>, <div>, <br>, <li>, <tr> and headings become line breaks.

    >>> html_to_text("<p>王小明&nbsp;先生</p><div>電話：<b>0912-345-678</b><br>謝謝</div>")
    '王小明 先生\\n\\n電話：0912-345-678\\n謝謝'

    A table row is one line of tab-separated cells, also when Outlook wraps each cell's text in a paragraph:

    >>> html_to_text("<table><tr><td><p class=MsoNormal>密等</p></td><td><p>機密</p></td></tr>"
    ...              "<tr><td><p>速別</p></td><td><p>最速件</p><p>（限時）</p></td></tr></table>")
    '密等\\t機密\\n速別\\t最速件\\n（限時）'
    """
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _is_docx(part: Message) -> bool:
    filename = (part.get_filename() or "").lower()
    return filename.endswith(".docx") or part.get_content_type() == DOCX_CONTENT_TYPE


def read_eml(data: bytes) -> EmailText:
    """Subject, body and .docx attachments of an RFC 5322 message, as one text with its parts."""
    message = email.message_from_bytes(bytes(data), policy=email.policy.default)
    subject = _header_text(message, "subject")
    body_part = None
    if isinstance(message, EmailMessage):
        body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        body = _part_text(body_part).replace("\r\n", "\n")
        if body_part.get_content_subtype() == "html":
            body = html_to_text(body)
    attachments: list[Attachment] = []
    skipped: list[str] = []
    for part in message.walk():
        if part is body_part or part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        filename = _filename(part)
        if disposition not in ("attachment", "inline") and filename is None:
            continue
        if not _is_docx(part):
            if disposition == "attachment" or filename:
                skipped.append(filename or part.get_content_type())
            continue
        payload = part.get_payload(decode=True)
        name = filename or "attachment.docx"
        try:
            document = read_docx(payload if isinstance(payload, bytes) else b"")
        except DocumentError as error:
            attachments.append(Attachment(name, "", error))
        else:
            attachments.append(Attachment(name, document.text, None, document))
    pieces: list[tuple[str, str | None, str]] = [("subject", None, subject), ("body", None, body)]
    pieces += [("attachment", a.filename, a.text) for a in attachments if a.error is None]
    parts: list[EmailPart] = []
    offset = 0
    for name, filename, piece in pieces:
        parts.append(EmailPart(offset, offset + len(piece), name, filename))
        offset += len(piece) + 1
    text = "\n".join(piece for _, _, piece in pieces)
    return EmailText(subject, body, tuple(attachments), text, tuple(parts), tuple(skipped))


def _header_text(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, LookupError, UnicodeError):  # a header too broken to parse
        value = None
    return " ".join(str(value).split()) if value is not None else ""


def _filename(part: Message) -> str | None:
    try:
        return part.get_filename()
    except (ValueError, LookupError, UnicodeError):
        return None
