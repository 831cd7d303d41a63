"""nlp.documents.eml: subject, body and .docx attachments of e-mail messages, with their locations."""

from __future__ import annotations

import base64
import quopri
from email.message import EmailMessage

import pytest

from nlp.documents import read_eml
from nlp.documents.eml import decode_bytes, html_to_text

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def _message(subject: str = "會議通知", plain: str | None = "王小明您好：\n請於明日出席。\n",
             html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "承辦人 <clerk@ntpc.gov.tw>"
    message["To"] = "someone@example.com"
    message["Subject"] = subject
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def _raw(headers: str, body: bytes) -> bytes:
    return headers.replace("\n", "\r\n").encode("ascii") + b"\r\n" + body


BIG5_BODY = "承辦人：陳大文\n電話：(02)2960-3456\n".encode("cp950")
UTF8_BODY = "住址：新北市板橋區中山路一段161號\n".encode()

RAW_MESSAGES = [
    ("utf-8 base64 subject, plain utf-8 body",
     _raw("Subject: =?UTF-8?B?" + base64.b64encode("【限閱】會議紀錄".encode()).decode() + "?=\n"
          "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n", UTF8_BODY),
     "【限閱】會議紀錄", "住址：新北市板橋區中山路一段161號\n"),
    ("Big5 base64 subject and body",
     _raw("Subject: =?Big5?B?" + base64.b64encode("陳情案件回覆".encode("big5")).decode() + "?=\n"
          "Content-Type: text/plain; charset=big5\nContent-Transfer-Encoding: base64\n",
          base64.encodebytes(BIG5_BODY)),
     "陳情案件回覆", "承辦人：陳大文\n電話：(02)2960-3456\n"),
    ("quoted-printable utf-8 body, Q-encoded subject",
     _raw("Subject: =?utf-8?Q?" + quopri.encodestring("身分證".encode(), header=True).decode() + "?=\n"
          "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n",
          quopri.encodestring(UTF8_BODY)),
     "身分證", "住址：新北市板橋區中山路一段161號\n"),
    ("Big5 body labelled big5 but using cp950 characters (碁 恒)",
     _raw("Subject: test\nContent-Type: text/plain; charset=big5\nContent-Transfer-Encoding: 8bit\n",
          "申請人：林恒碁\n".encode("cp950")),
     "test", "申請人：林恒碁\n"),
    ("no charset, no content type",
     _raw("Subject: plain\n", b"hello\n"), "plain", "hello\n"),
]


@pytest.mark.parametrize(("raw", "subject", "body"), [m[1:] for m in RAW_MESSAGES],
                         ids=[m[0] for m in RAW_MESSAGES])
def test_encoded_headers_charsets_and_transfer_encodings(raw, subject, body):
    message = read_eml(raw)
    assert (message.subject, message.body) == (subject, body)
    assert message.text == subject + "\n" + body


def test_text_and_parts_of_a_plain_message():
    message = read_eml(bytes(_message()))
    assert message.subject == "會議通知"
    assert message.body == "王小明您好：\n請於明日出席。\n"
    assert [(p.name, message.text[p.start:p.end]) for p in message.parts] == [
        ("subject", "會議通知"), ("body", "王小明您好：\n請於明日出席。\n")]
    start = message.text.index("王小明")
    assert message.locate(start, start + 3) == {"part": "body"}
    assert message.locate(0, 2) == {"part": "subject"}


def test_plain_text_is_preferred_to_html():
    message = read_eml(bytes(_message(plain="純文字版本\n", html="<p>HTML 版本</p>")))
    assert message.body == "純文字版本\n"


def test_an_html_only_body_becomes_text_with_its_line_breaks():
    html = ("<html><head><style>p {color: red}</style><title>標題</title></head><body>"
            "<p>王小明&nbsp;先生：</p><div>電話：<b>0912-345-678</b><br>分機&#32;123</div>"
            "<table><tr><td>姓名</td><td>陳大文</td></tr></table><script>var x = 1;</script></body></html>")
    message = read_eml(bytes(_message(plain=None, html=html)))
    assert message.body.split("\n") == ["王小明 先生：", "", "電話：0912-345-678", "分機 123", "姓名\t陳大文"]
    assert "color" not in message.body and "var x" not in message.body and "標題" not in message.body


@pytest.mark.parametrize(("html", "text"), [
    ("<p>一</p><p>二</p>", "一\n\n二"),
    ("甲<br/>乙<br>丙", "甲\n乙\n丙"),
    ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
    ("<pre>  縮排\n  保留</pre>", "  縮排\n  保留"),
    ("多餘   空白\n換行", "多餘 空白 換行"),
    ("&lt;限閱&gt; &amp; 機密", "<限閱> & 機密"),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_docx_attachments_are_read_and_located(sample_docx):
    message = _message()
    message.add_attachment(sample_docx, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename="陳情書.docx")
    message.add_attachment(b"%PDF-1.7", maintype="application", subtype="pdf", filename="附件.pdf")
    parsed = read_eml(bytes(message))
    assert [(a.filename, a.error) for a in parsed.attachments] == [("陳情書.docx", None)]
    assert parsed.skipped == ("附件.pdf",)
    attachment_part = parsed.parts[-1]
    assert (attachment_part.name, attachment_part.filename) == ("attachment", "陳情書.docx")
    assert parsed.text[attachment_part.start:attachment_part.end] == parsed.attachments[0].text
    assert parsed.text == parsed.subject + "\n" + parsed.body + "\n" + parsed.attachments[0].text
    start = parsed.text.index("王小明", attachment_part.start)
    assert parsed.locate(start, start + 3) == {
        "part": "attachment", "filename": "陳情書.docx",
        "location": {"part": "table", "table": 0, "row": 1, "cell": 0, "paragraph": 0}}


@pytest.mark.parametrize(("content", "code"), [
    (b"not a word file", "not_docx"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    (b"PK\x03\x04 truncated", "corrupt"),
])
def test_an_unreadable_attachment_is_reported_not_raised(content, code):
    message = _message()
    message.add_attachment(content, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename="壞掉.docx")
    parsed = read_eml(bytes(message))
    (attachment,) = parsed.attachments
    assert (attachment.filename, attachment.text, attachment.error.code) == ("壞掉.docx", "", code)
    assert [p.name for p in parsed.parts] == ["subject", "body"]


def test_attachments_after_an_unreadable_one_are_still_located(sample_docx):
    message = _message()
    message.add_attachment(b"junk", maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename="a.docx")
    message.add_attachment(sample_docx, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename="a.docx")
    parsed = read_eml(bytes(message))
    assert [a.error is None for a in parsed.attachments] == [False, True]
    start = parsed.text.index("頁首：限閱")
    assert parsed.locate(start, start + 2)["location"] == {"part": "header", "section": 0, "kind": "primary",
                                                           "paragraph": 0}


def test_a_message_without_a_body():
    parsed = read_eml(b"Subject: only a subject\r\n\r\n")
    assert (parsed.subject, parsed.body, parsed.text) == ("only a subject", "", "only a subject\n")


@pytest.mark.parametrize(("payload", "charset", "text"), [
    ("中文".encode("cp950"), "big5", "中文"),
    ("中文".encode(), "x-unknown-charset", "中文"),
    ("中文".encode("cp950"), None, "中文"),
    (b"\xff\xfe\xfa", "utf-8", None),
])
def test_decode_bytes_never_raises(payload, charset, text):
    decoded = decode_bytes(payload, charset)
    assert isinstance(decoded, str)
    if text is not None:
        assert decoded == text
