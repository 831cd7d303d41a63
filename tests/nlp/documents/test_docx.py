"""nlp.documents.docx: safety checks, text and locations, the AI notice, redaction."""

from __future__ import annotations

import copy
import io
import re
import warnings
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from lxml import etree

from nlp.documents import (
    DocumentError,
    check_docx,
    insert_notice_docx,
    read_custom_properties,
    read_docx,
    redact_docx,
)
from nlp.engine import Engine

from .builders import build_sample, docx_bytes, rezip, zip_entries

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
NOTICE_ZH = "【AI 生成聲明】本文件部分內容由生成式 AI 協助產出，並經撰稿人審閱，撰稿人負最終判斷之責。"
NOTICE_EN = ("[AI-assisted notice] Parts of this document were drafted with generative AI "
             "and reviewed by the author.")


# --------------------------------------------------------------------------------------------------
# read_docx: text and locations

LOCATIONS = [
    ("密等及解密條件或保密期限：", {"part": "body", "paragraph": 0}),
    ("0912345678", {"part": "body", "paragraph": 1}),
    ("分機\t123\n第二行", {"part": "body", "paragraph": 2}),
    ("王小明", {"part": "table", "table": 0, "row": 1, "cell": 0, "paragraph": 0}),
    ("02-2960-3456", {"part": "table", "table": 0, "row": 1, "cell": 1, "paragraph": 0}),
    ("巢狀儲存格", {"part": "table", "table": 0, "row": 1, "cell": 0,
                "nested": [{"table": 0, "row": 0, "cell": 1}], "paragraph": 0}),
    ("結尾段落", {"part": "body", "paragraph": 3}),
    ("第二節內文", {"part": "body", "paragraph": 5}),
    ("頁首：限閱", {"part": "header", "section": 0, "kind": "primary", "paragraph": 0}),
    ("首頁頁首", {"part": "header", "section": 0, "kind": "firstPage", "paragraph": 0}),
    ("偶數頁頁首", {"part": "header", "section": 0, "kind": "evenPages", "paragraph": 0}),
    ("陳大文", {"part": "footer", "section": 0, "kind": "primary", "paragraph": 0}),
    ("首頁頁尾", {"part": "footer", "section": 0, "kind": "firstPage", "paragraph": 0}),
    ("偶數頁頁尾", {"part": "footer", "section": 0, "kind": "evenPages", "paragraph": 0}),
]


@pytest.mark.parametrize(("snippet", "location"), LOCATIONS,
                         ids=[loc["part"] + ":" + s for s, loc in LOCATIONS])
def test_every_snippet_is_read_once_and_located(sample_docx, snippet, location):
    document = read_docx(sample_docx)
    assert document.text.count(snippet) == 1
    start = document.text.index(snippet)
    assert document.locate(start, start + len(snippet)) == location


def test_text_is_paragraphs_in_reading_order_joined_by_newlines(sample_docx):
    document = read_docx(sample_docx)
    lines = document.text.split("\n")
    # headers (primary, first page, even) of section 0 (section 1 links to them), the body, then the footers:
    # the order the Word pane and the document-open check read (addin/lib/word-document.js)
    assert lines[:5] == ["頁首：限閱", "首頁頁首", "偶數頁頁首",
                         "密等及解密條件或保密期限：", "聯絡電話0912345678，謝謝"]
    tail = [line for line in lines if line.startswith(("頁首", "首頁", "偶數", "頁尾"))]
    assert tail == ["頁首：限閱", "首頁頁首", "偶數頁頁首", "頁尾：承辦人陳大文", "首頁頁尾", "偶數頁頁尾"]
    where = document.text.index
    assert where("偶數頁頁首") < where("第二節內文") < where("頁尾：承辦人陳大文")


def test_segments_cover_the_text_exactly(sample_docx):
    document = read_docx(sample_docx)
    assert document.segments[0].start == 0
    assert document.segments[-1].end == len(document.text)
    for before, after in zip(document.segments, document.segments[1:], strict=False):
        assert after.start == before.end + 1
        assert document.text[before.end] in "\n\t"
    separators = "".join(document.text[s.end] for s in document.segments[:-1])
    assert "\t" in separators  # the table's row 1: 王小明 | 02-2960-3456


def test_a_table_row_reads_as_one_line_of_cells():
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for row, values in zip(table.rows, (("速別", "普通件", "密等及解密條件或保密期限", "機密（本案決標後解密）"),
                                        ("承辦人", "王小明", "電話", "02-2960-3456"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    text = read_docx(docx_bytes(document)).text
    assert text.split("\n")[:2] == ["速別\t普通件\t密等及解密條件或保密期限\t機密（本案決標後解密）",
                                     "承辦人\t王小明\t電話\t02-2960-3456"]
    scan = Engine().scan(text)
    assert scan.verdict == "block" and [f.level for f in scan.findings if f.type == "CLASSIFIED"] == ["機密"]


TEXT_BOX_RUN = f"""<w:r xmlns:w="{W}"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
    <w:p><w:r><w:t>機密</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
    <w:p><w:r><w:t>機密</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def test_a_stamp_in_a_text_box_is_read_once_after_its_anchor_and_can_be_redacted():
    document = docx.Document()
    anchor = document.add_paragraph("新北市政府工務局　函")
    anchor._p.append(etree.fromstring(TEXT_BOX_RUN))
    document.add_paragraph("主旨：評選委員名單，請查照。")
    data = docx_bytes(document)
    read = read_docx(data)
    assert read.text.split("\n")[:3] == ["新北市政府工務局　函", "機密", "主旨：評選委員名單，請查照。"]
    start = read.text.index("機密")
    assert read.locate(start, start + 2) == {"part": "textbox", "textbox": 0, "paragraph": 0,
                                             "anchor": {"part": "body", "paragraph": 0}}
    redacted = read_docx(redact_docx(data, [(start, start + 2, "〔已遮蔽〕")])).text
    assert redacted.split("\n")[1] == "〔已遮蔽〕"


def test_a_span_across_paragraphs_reports_where_it_ends(sample_docx):
    document = read_docx(sample_docx)
    start = document.text.index("謝謝")
    end = document.text.index("重要") + 2
    assert document.locate(start, end) == {"part": "body", "paragraph": 1,
                                           "to": {"part": "body", "paragraph": 2}}


def _with_shared_header(data: bytes) -> bytes:
    """Section 1 references section 0's primary header part explicitly (same rId): it is read once."""
    entries = zip_entries(data)
    root = etree.fromstring(entries["word/document.xml"])
    sections = [s for s in root.iter(f"{{{W}}}sectPr")]
    reference = sections[0].find(f"{{{W}}}headerReference[@{{{W}}}type='default']")
    sections[1].insert(0, copy.deepcopy(reference))
    entries["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
    return rezip(entries)


def test_a_header_shared_by_sections_is_read_once(sample_docx):
    shared = _with_shared_header(sample_docx)
    assert read_docx(shared).text.count("頁首：限閱") == 1


def test_an_unlinked_section_header_is_located_in_its_own_section():
    document = docx.Document()
    document.add_paragraph("一")
    document.sections[0].header.paragraphs[0].text = "第一節頁首"
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "第二節頁首"
    second.footer.is_linked_to_previous = False
    table = second.footer.add_table(rows=1, cols=1, width=docx.shared.Inches(3))
    table.cell(0, 0).text = "頁尾表格"
    text = read_docx(docx_bytes(document))
    start = text.text.index("第二節頁首")
    assert text.locate(start, start + 1) == {"part": "header", "section": 1, "kind": "primary",
                                             "paragraph": 0}
    start = text.text.index("頁尾表格")
    assert text.locate(start, start + 1) == {"part": "footer", "section": 1, "kind": "primary",
                                             "table": 0, "row": 0, "cell": 0, "paragraph": 0}


def _paragraph_from_xml(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W}" xmlns:r="{R}">{inner}</w:p>')


def test_hyperlinks_content_controls_and_insertions_are_read_deletions_are_not():
    document = docx.Document()
    document.add_paragraph("前")
    body = document.element.body
    body.insert(1, _paragraph_from_xml(
        '<w:hyperlink r:id="rId99"><w:r><w:t>連結</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>刪除</w:delText></w:r></w:del>'
        '<w:sdt><w:sdtContent><w:r><w:t>控制項</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r>'))
    text = read_docx(docx_bytes(document)).text
    assert text.split("\n")[:2] == ["前", "連結新增控制項"]


def test_an_empty_document_has_no_text_and_no_location():
    text = read_docx(docx_bytes(docx.Document()))
    assert (text.text, text.segments, text.locate(0, 0)) == ("", (), {})


def test_malformed_xml_passes_the_zip_checks_but_is_corrupt_to_read(sample_docx):
    broken = _inject(sample_docx, "word/document.xml", lambda c: c.replace(b"</w:body>", b""))
    check_docx(broken)
    with pytest.raises(DocumentError) as raised:
        read_docx(broken)
    assert raised.value.code == "corrupt"


# --------------------------------------------------------------------------------------------------
# check_docx: every refusal


def _ole(streams: str) -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + streams.encode("utf-16-le") + b"\x00" * 512


def _inject(data: bytes, part: str, transform) -> bytes:
    entries = zip_entries(data)
    entries[part] = transform(entries[part])
    return rezip(entries)


DOCTYPE = b'<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _after_declaration(content: bytes, insert: bytes) -> bytes:
    end = content.index(b"?>") + 2
    return content[:end] + insert + content[end:]


def _crc_broken(data: bytes) -> bytes:
    entries = zip_entries(data)
    stored = rezip(entries, zipfile.ZIP_STORED)
    marker = "密等及解密條件".encode()
    index = stored.index(marker)
    return stored[:index] + b"X" + stored[index + 1:]


def _without_document(data: bytes) -> bytes:
    entries = zip_entries(data)
    del entries["word/document.xml"]
    return rezip(entries)


def _duplicate_entry(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate: that is the point
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in zip_entries(data).items():
                archive.writestr(name, content)
            archive.writestr("word/document.xml", b"<other/>")
    return buffer.getvalue()


def _encrypted_entry(data: bytes) -> bytes:
    broken = bytearray(data)
    # general purpose flag bit 0 in the local header and the central directory entry of the first file
    broken[6] |= 0x01
    central = bytes(broken).index(b"PK\x01\x02")
    broken[central + 8] |= 0x01
    return bytes(broken)


REFUSALS = [
    ("plain text", lambda d: "這是一份純文字檔案。\n".encode(), "not_docx"),
    ("empty", lambda d: b"", "not_docx"),
    ("pdf", lambda d: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not_docx"),
    ("password-protected docx (OLE)", lambda d: _ole("EncryptionInfo EncryptedPackage"), "encrypted"),
    ("legacy .doc (OLE)", lambda d: _ole("WordDocument 1Table SummaryInformation"), "legacy_doc"),
    ("encrypted zip entry", _encrypted_entry, "encrypted"),
    ("zip without word/document.xml", _without_document, "not_docx"),
    ("truncated zip", lambda d: d[: len(d) // 2], "corrupt"),
    ("duplicate entry names", _duplicate_entry, "corrupt"),
    ("CRC error", _crc_broken, "corrupt"),
    ("DOCTYPE in document.xml",
     lambda d: _inject(d, "word/document.xml", lambda c: _after_declaration(c, DOCTYPE)),
     "xml_entities"),
    ("ENTITY in a .rels part",
     lambda d: _inject(d, "_rels/.rels",
                       lambda c: _after_declaration(c, b'<!entity x SYSTEM "file:///etc/passwd">')),
     "xml_entities"),
    ("DOCTYPE in UTF-16 XML",
     lambda d: _inject(d, "word/styles.xml",
                       lambda c: ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY y "z">]><x/>')
                       .encode("utf-16")), "xml_entities"),
]


@pytest.mark.parametrize(("make", "code"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_check_docx_refuses(sample_docx, make, code):
    data = make(sample_docx)
    with pytest.raises(DocumentError) as raised:
        check_docx(data)
    assert raised.value.code == code
    assert raised.value.zh and raised.value.en
    for function in (read_docx, lambda d: redact_docx(d, []), lambda d: insert_notice_docx(d, "甲", "a")):
        with pytest.raises(DocumentError):
            function(data)


@pytest.fixture(scope="module")
def zip_bomb(sample_docx, tmp_path_factory) -> bytes:
    """A valid document plus a 100 MB member of zeros, deflated to about 100 kB, written streaming."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in zip_entries(sample_docx).items():
            archive.writestr(name, content)
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(100):
                member.write(chunk)
    return path.read_bytes()


def test_check_docx_refuses_a_zip_bomb(zip_bomb):
    assert len(zip_bomb) < 1_000_000
    with pytest.raises(DocumentError) as raised:
        check_docx(zip_bomb)
    assert raised.value.code == "zip_bomb"


@pytest.mark.parametrize(("limits", "code"), [
    ({"max_uncompressed": 20_000}, "too_large"),
    ({"max_entries": 5}, "zip_bomb"),
])
def test_check_docx_limits_are_parameters(sample_docx, limits, code):
    check_docx(sample_docx)
    with pytest.raises(DocumentError) as raised:
        check_docx(sample_docx, **limits)
    assert raised.value.code == code


@pytest.mark.parametrize("function", [read_docx, lambda d, **k: redact_docx(d, [], **k),
                                      lambda d, **k: insert_notice_docx(d, "甲", "a", **k)])
def test_the_limits_reach_every_entry_point(sample_docx, function):
    function(sample_docx, max_uncompressed=10_000_000)
    with pytest.raises(DocumentError) as raised:
        function(sample_docx, max_uncompressed=20_000)
    assert raised.value.code == "too_large"


def test_check_docx_accepts_a_real_document(sample_docx):
    assert check_docx(sample_docx).kind == "docx"


# --------------------------------------------------------------------------------------------------
# insert_notice_docx


def _custom_properties_xml(data: bytes) -> etree._Element:
    return etree.fromstring(zip_entries(data)["docProps/custom.xml"])


def _body_texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize(("position", "where"), [("top", slice(0, 2)), ("bottom", slice(-2, None))])
def test_the_notice_is_inserted_once_at_its_position(sample_docx, position, where):
    once = insert_notice_docx(sample_docx, NOTICE_ZH, NOTICE_EN, position)
    twice = insert_notice_docx(once, NOTICE_ZH, NOTICE_EN, position)
    assert twice == once
    paragraphs = _body_texts(twice)
    assert paragraphs[where] == [NOTICE_ZH, NOTICE_EN]
    assert [p for p in paragraphs if p not in (NOTICE_ZH, NOTICE_EN)] == _body_texts(sample_docx)
    assert read_docx(twice).text.count(NOTICE_ZH) == 1
    body = etree.fromstring(zip_entries(twice)["word/document.xml"]).find(f"{{{W}}}body")
    assert body[-1].tag == f"{{{W}}}sectPr"


def test_the_notice_sets_custom_properties_readable_back(sample_docx):
    moment = datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    data = insert_notice_docx(sample_docx, NOTICE_ZH, NOTICE_EN, now=moment)
    root = _custom_properties_xml(data)
    values = {p.get("name"): (etree.QName(p[0]).localname, p[0].text, p.get("fmtid"), p.get("pid"))
              for p in root.findall(f"{{{CUSTOM}}}property")}
    assert values["AIAssisted"][:2] == ("bool", "true")
    assert values["AIAssistedNoticeInserted"][:2] == ("lpwstr", "2025-03-04T05:06:07Z")
    assert {v[2] for v in values.values()} == {"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"}
    assert sorted(v[3] for v in values.values()) == ["2", "3"]
    entries = zip_entries(data)
    assert b'PartName="/docProps/custom.xml"' in entries["[Content_Types].xml"]
    assert b"relationships/custom-properties" in entries["_rels/.rels"]
    assert read_custom_properties(data) == {"AIAssisted": True,
                                            "AIAssistedNoticeInserted": "2025-03-04T05:06:07Z"}
    docx.Document(io.BytesIO(data))  # python-docx still opens it


def _with_existing_custom_properties(data: bytes) -> bytes:
    entries = zip_entries(data)
    entries["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM}" xmlns:vt="{VT}">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="承辦單位">'
        "<vt:lpwstr>資訊中心</vt:lpwstr></property>"
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="AIAssisted">'
        "<vt:bool>false</vt:bool></property></Properties>").encode()
    entries["_rels/.rels"] = entries["_rels/.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'custom-properties" Target="docProps/custom.xml"/></Relationships>')
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/docProps/custom.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    return rezip(entries)


def test_an_existing_custom_properties_part_keeps_its_other_properties(sample_docx):
    original = _with_existing_custom_properties(sample_docx)
    data = insert_notice_docx(original, NOTICE_ZH, NOTICE_EN)
    properties = read_custom_properties(data)
    assert properties["承辦單位"] == "資訊中心"
    assert properties["AIAssisted"] is True
    root = _custom_properties_xml(data)
    pids = [p.get("pid") for p in root.findall(f"{{{CUSTOM}}}property")]
    assert pids == ["2", "5", "6"]
    entries = zip_entries(data)
    assert entries["_rels/.rels"].count(b"custom-properties") == 1
    assert entries["[Content_Types].xml"].count(b"/docProps/custom.xml") == 1


def test_a_notice_already_present_by_is_present_is_not_inserted_but_the_document_is_tagged(sample_docx):
    data = insert_notice_docx(sample_docx, NOTICE_ZH, NOTICE_EN, is_present=lambda text: "密等" in text)
    assert _body_texts(data) == _body_texts(sample_docx)
    assert read_custom_properties(data) == {"AIAssisted": True}


def test_a_deleted_notice_is_inserted_again_even_though_the_property_is_set(sample_docx):
    with_notice = insert_notice_docx(sample_docx, NOTICE_ZH, NOTICE_EN)
    text = read_docx(with_notice).text
    start = text.index(NOTICE_ZH)
    removed = redact_docx(with_notice, [(start, start + len(NOTICE_ZH) + 1 + len(NOTICE_EN), "")])
    assert NOTICE_ZH not in read_docx(removed).text
    again = insert_notice_docx(removed, NOTICE_ZH, NOTICE_EN)
    assert read_docx(again).text.count(NOTICE_ZH) == 1


def test_inserting_the_notice_leaves_other_parts_byte_for_byte(sample_docx):
    before = zip_entries(sample_docx)
    after = zip_entries(insert_notice_docx(sample_docx, NOTICE_ZH, NOTICE_EN))
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"word/document.xml", "[Content_Types].xml", "_rels/.rels"}
    assert list(after)[: len(before)] == list(before)


@pytest.mark.parametrize("bad", [{"position": "middle"}, {"notice_zh": "", "notice_en": ""}])
def test_insert_notice_rejects_bad_arguments(sample_docx, bad):
    arguments = {"notice_zh": NOTICE_ZH, "notice_en": NOTICE_EN, "position": "top", **bad}
    with pytest.raises(ValueError):
        insert_notice_docx(sample_docx, **arguments)


# --------------------------------------------------------------------------------------------------
# redact_docx


def _runs_document(runs: list[tuple[str, bool]]) -> bytes:
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text, bold in runs:
        paragraph.add_run(text).bold = bold or None
    document.add_paragraph("其他段落", style="Heading 1")
    return docx_bytes(document)


def _runs(data: bytes) -> list[tuple[str, bool]]:
    return [(run.text, bool(run.bold)) for run in docx.Document(io.BytesIO(data)).paragraphs[0].runs]


RUN_CASES = [
    ("span across a bold run: replacement keeps the first run's formatting",
     [("聯絡電話09", False), ("12345", True), ("678，謝謝", False)], "0912345678", "〔電話1〕",
     [("聯絡電話〔電話1〕", False), ("", True), ("，謝謝", False)]),
    ("span starting in a bold run: the replacement is bold",
     [("承辦人：", False), ("王", True), ("小明", False), ("。", True)], "王小明", "〔姓名1〕",
     [("承辦人：", False), ("〔姓名1〕", True), ("", False), ("。", True)]),
    ("span inside one run",
     [("身分證A123456789號", False), ("重要", True)], "A123456789", "A12****789",
     [("身分證A12****789號", False), ("重要", True)]),
    ("span over a tab",
     [("電話0912\t345678", False)], "0912\t345678", "〔電話1〕", [("電話〔電話1〕", False)]),
    ("span starting on a tab", [("電話\t0912", True)], "\t0912", "*", [("電話*", True)]),
    ("deletion",
     [("甲", False), ("乙", True), ("丙", False)], "乙", "", [("甲", False), ("", True), ("丙", False)]),
]


@pytest.mark.parametrize(("runs", "target", "replacement", "expected"), [c[1:] for c in RUN_CASES],
                         ids=[c[0] for c in RUN_CASES])
def test_redaction_rewrites_only_the_span_and_keeps_run_formatting(runs, target, replacement, expected):
    data = _runs_document(runs)
    text = read_docx(data).text
    start = text.index(target)
    redacted = redact_docx(data, [(start, start + len(target), replacement)])
    assert _runs(redacted) == expected
    assert read_docx(redacted).text == text[:start] + replacement + text[start + len(target):]
    heading = docx.Document(io.BytesIO(redacted)).paragraphs[1]
    assert (heading.text, heading.style.name) == ("其他段落", "Heading 1")


def _splice(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _spans(text: str, targets: dict[str, str]) -> list[tuple[int, int, str]]:
    return [(text.index(target), text.index(target) + len(target), replacement)
            for target, replacement in targets.items()]


def test_redaction_in_body_tables_headers_and_footers(sample_docx):
    text = read_docx(sample_docx).text
    spans = _spans(text, {"0912345678": "〔電話1〕", "王小明": "〔姓名1〕", "巢狀儲存格": "＊＊",
                          "限閱": "〔標示〕", "陳大文": "〔姓名2〕", "偶數頁頁尾": ""})
    redacted = redact_docx(sample_docx, spans)
    assert read_docx(redacted).text == _splice(text, spans)
    document = docx.Document(io.BytesIO(redacted))
    assert document.paragraphs[2].runs[0].bold and document.paragraphs[2].runs[0].font.size.pt == 16
    assert document.tables[0].cell(1, 0).paragraphs[0].text == "〔姓名1〕"
    assert document.sections[0].footer.paragraphs[0].text == "頁尾：承辦人〔姓名2〕"


def test_redaction_leaves_untouched_parts_byte_for_byte(sample_docx):
    text = read_docx(sample_docx).text
    before = zip_entries(sample_docx)
    after = zip_entries(redact_docx(sample_docx, _spans(text, {"王小明": "〔姓名1〕"})))
    assert {name for name in before if before[name] != after[name]} == {"word/document.xml"}
    assert list(after) == list(before)


def test_redacting_nothing_in_a_checked_package_gives_the_file_back(sample_docx):
    assert redact_docx(check_docx(sample_docx), []) == sample_docx


def test_redaction_across_paragraphs_keeps_the_paragraphs(sample_docx):
    text = read_docx(sample_docx).text
    start, end = text.index("保密期限："), text.index("聯絡電話") + 4
    redacted = redact_docx(sample_docx, [(start, end, "〔略〕")])
    assert _body_texts(redacted)[:2] == ["密等及解密條件或〔略〕", "0912345678，謝謝"]


def test_no_spans_returns_the_document_unchanged(sample_docx):
    assert redact_docx(sample_docx, []) == sample_docx


@pytest.mark.parametrize("spans", [[(5, 3, "x")], [(-1, 2, "x")], [(0, 10**6, "x")],
                                   [(0, 5, "a"), (4, 6, "b")]])
def test_redaction_rejects_bad_spans(sample_docx, spans):
    with pytest.raises(ValueError):
        redact_docx(sample_docx, spans)


def test_redacting_every_finding_of_a_scan_leaves_no_value_behind(sample_docx):
    text = read_docx(sample_docx).text
    values = ["0912345678", "02-2960-3456", "王小明", "陳大文"]
    pattern = "|".join(map(re.escape, values))
    spans = [(m.start(), m.end(), "＊" * len(m.group())) for m in re.finditer(pattern, text)]
    redacted = redact_docx(sample_docx, spans)
    whole = b"".join(zip_entries(redacted).values()).decode("utf-8", errors="ignore")
    assert not any(value in whole for value in values)


def test_building_the_sample_twice_gives_the_same_text():
    assert read_docx(build_sample()).text == read_docx(build_sample()).text
