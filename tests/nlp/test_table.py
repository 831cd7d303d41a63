"""nlp.table: header-aware table scanning with cell coordinates, and cell-by-cell redaction."""

from __future__ import annotations

import pytest

from nlp.engine import Engine
from nlp.policy import Policy
from nlp.restoration import restore
from nlp.table import CHUNK_ROWS, Table, column_letters, find_header_row, header_type, redact_tables, scan_tables

ROSTER = [
    ["113年度弱勢家庭補助申請名冊"],
    ["序號", "姓名", "身分證字號", "聯絡電話", "地址", "出生日期", "金額（元）", "備註"],
    ["1", "林美", "A123456789", "0912345678", "新北市板橋區中山路一段161號", "75/01/02", "0223456789", ""],
    ["2", "陳志", "B223456788", "02-2960-3456", "臺北市信義區市府路1號", "80.3.4", "3500", "無"],
    ["3", "王小明", "", "-", "同上", "", "1200", "林美之子"],
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def by_cell(table_scan):
    return {(table_scan.locate(f.start, f.end).get("cell"), f.type): f for f in table_scan.result.findings}


# --------------------------------------------------------------------------------------------------
# headers

HEADERS = [
    ("姓名", "PERSON"), ("申請人姓名", "PERSON"), ("Name", "PERSON"), ("Full name", "PERSON"),
    ("身分證字號", "TW_NATIONAL_ID"), ("身分證統一編號", "TW_NATIONAL_ID"), ("ID No.", "TW_NATIONAL_ID"),
    ("居留證號碼", "TW_RESIDENT_ID"), ("統一編號", "TW_BUSINESS_ID"), ("護照號碼", "TW_PASSPORT"),
    ("健保卡號", "TW_NHI_CARD"), ("信用卡號", "CREDIT_CARD"), ("匯款帳號", "BANK_ACCOUNT"),
    ("E-mail", "EMAIL"), ("電子郵件地址", "EMAIL"), ("聯絡電話", "PHONE"), ("手機", "PHONE"), ("Mobile", "PHONE"),
    ("戶籍地址", "ADDRESS"), ("Address", "ADDRESS"), ("出生日期", "BIRTH_DATE"), ("生日", "BIRTH_DATE"),
    ("Date of birth", "BIRTH_DATE"), ("病歷號", "SENSITIVE_CATEGORY"), ("診斷", "SENSITIVE_CATEGORY"),
    ("緊急聯絡人電話", "PHONE"), ("申請人地址", "ADDRESS"),
    ("金額", "amount"), ("金額（元）", "amount"), ("合計", "amount"), ("Amount", "amount"), ("序號", "amount"),
    ("備註", None), ("機關名稱", None), ("Company name", None), ("出生地", None), ("使用者帳號", None), ("日期", None),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS, ids=[h for h, _ in HEADERS])
def test_header_type(header, expected):
    assert header_type(header) == expected


def test_header_row_is_found_below_a_title_row():
    rows = [[cell for cell in row] for row in ROSTER]
    assert find_header_row(rows) == 1
    assert find_header_row([["說明"], ["本表僅供參考"]]) == -1


def test_column_letters():
    assert [column_letters(n) for n in (1, 2, 26, 27, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


# --------------------------------------------------------------------------------------------------
# scanning


def test_header_columns_make_findings_a_cell_alone_would_not(engine):
    table_scan = scan_tables(engine, [Table("名冊", ROSTER)])
    found = by_cell(table_scan)
    assert found[("B3", "PERSON")].text == "林美"
    # found because of its column: the table's header rule or the name rule's own 姓名-column reading
    assert any("姓名" in evidence for evidence in found[("B3", "PERSON")].evidence)
    assert found[("B4", "PERSON")].text == "陳志"
    assert ("C3", "TW_NATIONAL_ID") in found and ("C4", "TW_NATIONAL_ID") in found
    assert ("D3", "PHONE") in found and ("D4", "PHONE") in found
    assert ("F4", "BIRTH_DATE") in found
    assert table_scan.result.verdict == "redact"


def test_amount_columns_are_not_phones_and_placeholders_are_not_values(engine):
    found = by_cell(scan_tables(engine, [Table("名冊", ROSTER)]))
    assert not [key for key in found if key[0] and key[0][0] == "G"]  # 0223456789 under 金額 is an amount
    assert ("D5", "PHONE") not in found  # "-" is no phone
    assert ("E5", "ADDRESS") not in found  # 同上 is no address
    assert not [key for key in found if key[0] == "B2"]  # the header itself is not a finding


def test_checksum_identifiers_are_found_in_any_column(engine):
    rows = [["項目", "說明"], ["1", "當事人 A123456789 已到場"]]
    found = by_cell(scan_tables(engine, [Table("工作表1", rows)]))
    assert ("B2", "TW_NATIONAL_ID") in found


def test_locations_follow_the_origin_and_the_sheet(engine):
    table = Table("第二頁", [["姓名", "電話"], ["林美", "0912345678"]], origin=(4, 2))
    table_scan = scan_tables(engine, [Table("封面", [["說明"]]), table])
    locations = {f.text: table_scan.locate(f.start, f.end) for f in table_scan.result.findings}
    assert locations["林美"] == {"sheet": "第二頁", "row": 6, "column": 3, "cell": "C6"}
    assert locations["0912345678"]["cell"] == "D6"


@pytest.mark.parametrize("where", ["sheet name", "title cell"])
def test_a_marking_in_a_sheet_name_or_title_cell_blocks(engine, where):
    if where == "sheet name":
        table = Table("名冊（限閱）", [["姓名"], ["林美"]])
    else:
        table = Table("工作表1", [["密等及解密條件或保密期限：密"], ["姓名"], ["林美"]])
    table_scan = scan_tables(engine, [table])
    assert table_scan.result.verdict == "block"
    marking = next(f for f in table_scan.result.findings if f.type in ("CLASSIFIED", "RESTRICTED"))
    location = table_scan.locate(marking.start, marking.end)
    assert location == ({"sheet": "名冊（限閱）", "part": "sheet_name"} if where == "sheet name"
                        else {"sheet": "工作表1", "row": 1, "column": 1, "cell": "A1"})


def test_no_header_row_means_no_header_findings(engine):
    rows = [["姓名", "電話"], ["林美", "陳志"]]
    found = by_cell(scan_tables(engine, [Table("", rows, header_row=-1)]))
    assert not [f for f in found.values() if f.recognizer == "table_header"]
    found = by_cell(scan_tables(engine, [Table("", rows)]))
    assert ("A2", "PERSON") in found


def test_policy_actions_and_allow_list_apply_to_header_findings():
    engine = Engine(Policy(actions={"PERSON": "ignore"}, allow_values=("0223456789",)))
    rows = [["姓名", "電話"], ["林美", "0223456789"], ["陳志", "0912345678"]]
    found = by_cell(scan_tables(engine, [Table("名冊", rows)]))
    assert not [key for key in found if key[1] == "PERSON"]
    assert ("B2", "PHONE") not in found and ("B3", "PHONE") in found


def test_a_long_sheet_is_scanned_in_chunks_with_the_header_repeated(engine):
    rows = [["姓名", "手機", "金額"]] + [["林美", "0912345678", "0223456789"] for _ in range(CHUNK_ROWS * 2 + 7)]
    table_scan = scan_tables(engine, [Table("名冊", rows)])
    found = table_scan.result.findings
    assert sum(1 for f in found if f.type == "PERSON") == len(rows) - 1
    assert sum(1 for f in found if f.type == "PHONE") == len(rows) - 1
    assert all(table_scan.text[f.start:f.end] == f.text for f in found)
    assert not [f for f in found if table_scan.locate(f.start, f.end).get("cell", "").startswith("C")]


# --------------------------------------------------------------------------------------------------
# redaction


def test_redaction_is_cell_by_cell_with_one_placeholder_per_value(engine):
    rows = [["姓名", "電話", "備註"], ["林美", "0912345678", "同上"], ["陳志", "0912345678", "林美之子"]]
    redaction = redact_tables(engine, [Table("名冊", rows)], "placeholder")
    assert redaction.rows[0][0] == ("姓名", "電話", "備註")
    first, second = redaction.rows[0][1], redaction.rows[0][2]
    assert first[0] != "林美" and first[1] == second[1]  # same phone, same placeholder
    assert redaction.placeholder_map[first[0]] == "林美"
    assert restore(redaction.tsv(), redaction.placeholder_map).text.splitlines()[1] == "林美\t0912345678\t同上"


def test_mask_keeps_cells_and_separators(engine):
    redaction = redact_tables(engine, [Table("名冊", ROSTER)], "mask")
    tsv = redaction.tsv()
    assert "A123456789" not in tsv and "林美" not in tsv.splitlines()[2]
    assert [len(row) for row in redaction.rows[0]] == [len(row) for row in ROSTER]
    assert redaction.cell_replacements[(0, 2, 1)] == [(0, 2, redaction.rows[0][2][1])]
