"""nlp.documents.formats and its readers: .pptx, .xlsx, .csv, .odt, .ods, .odp — locations, redaction that
keeps formatting, the notice, and the same hostile-file refusals as .docx."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from nlp.documents import DocumentError
from nlp.documents.docx import read_custom_properties
from nlp.documents.formats import insert_notice_document, redact_document, scan_document
from nlp.engine import Engine

from .builders import rezip, zip_entries
from .office_builders import csv_bytes, odp_bytes, ods_bytes, odt_bytes, pptx_bytes, xlsx_bytes

BUILDERS = {"pptx": pptx_bytes, "xlsx": xlsx_bytes, "csv": csv_bytes, "odt": odt_bytes, "ods": ods_bytes,
            "odp": odp_bytes}
NOTICE = "【AI 生成聲明】本簡報部分內容由生成式 AI 協助產出，並經撰稿人審閱，撰稿人負最終判斷之責。"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def located(engine, data, kind):
    """(type, text) -> the location of its first occurrence."""
    found: dict = {}
    for finding in scan_document(engine, data, kind).located_findings():
        found.setdefault((finding["type"], finding["text"]), finding["location"])
    return found


# --------------------------------------------------------------------------------------------------
# locations

LOCATIONS = [
    ("pptx", ("PHONE", "0912345678"), {"slide": 1, "shape": "TextBox 2", "shape_id": 3, "paragraph": 0}),
    ("pptx", ("PERSON", "陳志明"), {"slide": 1, "part": "notes", "paragraph": 0}),
    ("pptx", ("TW_NATIONAL_ID", "A123456789"), {"slide": 2, "shape": "TextBox 2", "shape_id": 3, "paragraph": 0}),
    ("pptx", ("PHONE", "02-2960-3456"),
     {"slide": 2, "shape": "Table 3", "shape_id": 4, "row": 1, "cell": 1, "paragraph": 0}),
    ("xlsx", ("PERSON", "陳志"), {"sheet": "名冊", "row": 4, "column": 2, "cell": "B4"}),
    ("xlsx", ("TW_NATIONAL_ID", "A123456789"), {"sheet": "名冊", "row": 3, "column": 3, "cell": "C3"}),
    ("csv", ("PERSON", "林美"), {"sheet": "", "row": 2, "column": 2, "cell": "B2"}),
    ("ods", ("ADDRESS", "臺北市信義區市府路1號"), {"sheet": "名冊", "row": 4, "column": 5, "cell": "E4"}),
    ("odt", ("PHONE", "0912345678"), {"part": "body", "paragraph": 1}),
    ("odt", ("TW_NATIONAL_ID", "A123456789"), {"part": "body", "table": "名單", "row": 1, "cell": 1, "paragraph": 5}),
    ("odp", ("PERSON", "王小明"), {"slide": 1, "shape": "標題", "paragraph": 1}),
    ("odp", ("TW_NATIONAL_ID", "A123456789"), {"slide": 1, "part": "notes", "paragraph": 0}),
]


@pytest.mark.parametrize(("kind", "finding", "location"), LOCATIONS, ids=[f"{k}:{f[1]}" for k, f, _ in LOCATIONS])
def test_findings_carry_their_location(engine, kind, finding, location):
    assert located(engine, BUILDERS[kind](), kind)[finding] == location


def test_amount_column_in_a_workbook_is_not_a_phone(engine):
    assert not [key for key, where in located(engine, xlsx_bytes(), "xlsx").items() if where.get("column") == 6]


@pytest.mark.parametrize(("kind", "data"), [
    ("pptx", lambda: pptx_bytes(marking_in="title")),
    ("pptx", lambda: pptx_bytes(marking_in="notes")),
    ("xlsx", lambda: xlsx_bytes(sheet_name="名冊（限閱）")),
    ("xlsx", lambda: xlsx_bytes(title_marking=True)),
    ("ods", lambda: ods_bytes(sheet_name="限閱名冊")),
    ("odp", lambda: odp_bytes(marking=True)),
], ids=["pptx-title", "pptx-notes", "xlsx-sheet-name", "xlsx-title-cell", "ods-sheet-name", "odp-title"])
def test_markings_in_titles_notes_and_sheet_names_block(engine, kind, data):
    scan = scan_document(engine, data(), kind)
    assert scan.result.verdict == "block"
    redaction = redact_document(engine, data(), kind, "mask")
    assert redaction.result.verdict == "block" and redaction.placeholder_map == {}


# --------------------------------------------------------------------------------------------------
# redaction


@pytest.mark.parametrize("kind", list(BUILDERS))
def test_redaction_removes_every_finding_and_rescans_clean(engine, kind):
    redaction = redact_document(engine, BUILDERS[kind](), kind, "placeholder")
    assert redaction.result.verdict == "redact" and redaction.placeholder_map
    rescanned = scan_document(engine, redaction.data, kind)
    personal = [f for f in rescanned.result.findings if f.personal and "〔" not in f.text]
    assert personal == []
    for value in ("A123456789", "0912345678"):
        assert value not in rescanned.text


def test_pptx_redaction_keeps_run_formatting(engine):
    data = redact_document(engine, pptx_bytes(), "pptx", "mask").data
    box = Presentation(io.BytesIO(data)).slides[0].shapes[1]
    runs = box.text_frame.paragraphs[0].runs
    assert runs[0].text.startswith("承辦人王○明，手機09")
    assert runs[1].font.bold and runs[1].font.size.pt == 20  # the bold run survives, trimmed
    assert "12345678" not in box.text_frame.text


def test_xlsx_redaction_keeps_styles_comments_and_other_sheets(engine):
    original = xlsx_bytes()
    data = redact_document(engine, original, "xlsx", "placeholder").data
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["名冊"]
    assert sheet["B3"].value.startswith("〔") and sheet["B3"].font.bold and sheet["B3"].font.color.rgb == "00FF0000"
    assert sheet["F3"].value == "0223456789" and sheet["F4"].value == 3500
    assert sheet["F2"].comment.text == "金額單位：元"
    assert workbook["說明"]["A1"].value == "本表僅供內部統計"
    untouched = {name for name, content in zip_entries(original).items() if zip_entries(data).get(name) == content}
    assert "xl/styles.xml" in untouched and "xl/worksheets/sheet2.xml" in untouched
    assert b"A123456789" not in b"".join(zip_entries(data).values())


def test_csv_redaction_keeps_delimiter_encoding_and_line_endings(engine):
    data = redact_document(engine, csv_bytes("big5", "\t"), "csv", "mask").data
    text = data.decode("big5")
    assert text.count("\r\n") == 3 and text.splitlines()[0].split("\t")[1] == "姓名"
    assert "A123456789" not in text and text.splitlines()[2].split("\t")[5] == "3500"


def test_same_value_same_placeholder_across_the_sheet(engine):
    rows = "姓名,電話\n林美,0912345678\n陳志,0912345678\n".encode()
    redaction = redact_document(engine, rows, "csv", "placeholder")
    lines = redaction.data.decode("utf-8-sig").splitlines()
    assert lines[1].split(",")[1] == lines[2].split(",")[1]
    assert list(redaction.placeholder_map.values()).count("0912345678") == 1


# --------------------------------------------------------------------------------------------------
# the notice


@pytest.mark.parametrize("placement", ["first_slide", "notes"])
def test_notice_once_and_tagged(placement):
    data = insert_notice_document(pptx_bytes(), "pptx", NOTICE, placement)
    deck = Presentation(io.BytesIO(data))
    if placement == "first_slide":
        assert deck.slides[0].shapes[-1].text_frame.text == NOTICE
    else:
        assert all(NOTICE in slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    assert read_custom_properties(data)["AIAssisted"] is True
    again = insert_notice_document(data, "pptx", NOTICE, placement)
    assert again == data


def test_notice_refused_for_spreadsheets():
    with pytest.raises(DocumentError) as caught:
        insert_notice_document(xlsx_bytes(), "xlsx", NOTICE)
    assert caught.value.code == "notice_unsupported"


# --------------------------------------------------------------------------------------------------
# hostile files


def _with_entry(data: bytes, name: str, content: bytes) -> bytes:
    entries = zip_entries(data)
    entries[name] = content
    return rezip(entries)


HOSTILE = [
    ("xlsx", lambda: _with_entry(xlsx_bytes(), "xl/vbaProject.bin", b"VBA"), "macro_enabled"),
    ("pptx", lambda: _with_entry(pptx_bytes(), "ppt/vbaProject.bin", b"VBA"), "macro_enabled"),
    ("odt", lambda: _with_entry(odt_bytes(), "Basic/Standard/Module1.xml", b"<x/>"), "macro_enabled"),
    ("xlsx", lambda: _with_entry(xlsx_bytes(), "xl/sharedStrings.xml",
                                 b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><sst/>'), "xml_entities"),
    ("ods", lambda: _with_entry(ods_bytes(), "content.xml", b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>'),
     "xml_entities"),
    ("pptx", lambda: rezip({"ppt/bomb.xml": b"<a>" + b" " * 30_000_000 + b"</a>", **zip_entries(pptx_bytes())}),
     "zip_bomb"),
    ("xlsx", lambda: bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    ("pptx", lambda: bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 512, "legacy_office"),
    ("xlsx", lambda: pptx_bytes(), "unsupported_format"),
    ("odp", lambda: odt_bytes(), "unsupported_format"),
    ("ods", lambda: b"not a zip", "unsupported_format"),
    ("xlsx", lambda: xlsx_bytes()[:2000], "corrupt"),
]


@pytest.mark.parametrize(("kind", "data", "code"), HOSTILE,
                         ids=[f"{k}-{c}-{i}" for i, (k, _, c) in enumerate(HOSTILE)])
def test_hostile_files_are_refused_before_parsing(engine, kind, data, code):
    with pytest.raises(DocumentError) as caught:
        scan_document(engine, data(), kind)
    assert caught.value.code == code
    assert caught.value.zh and caught.value.en


def test_ods_repeated_cells_are_capped(engine, monkeypatch):
    import nlp.documents.opendocument as opendocument

    monkeypatch.setattr(opendocument, "MAX_CELLS", 50)
    entries = zip_entries(ods_bytes())
    entries["content.xml"] = entries["content.xml"].replace(
        b"<table:table-cell", b'<table:table-cell table:number-columns-repeated="16384"', 1)
    with pytest.raises(DocumentError) as caught:
        scan_document(engine, rezip(entries), "ods")
    assert caught.value.code == "too_large"


def test_stored_mimetype_first_in_odf_output(engine):
    data = redact_document(engine, odt_bytes(), "odt", "mask").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
