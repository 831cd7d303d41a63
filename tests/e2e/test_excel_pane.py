"""The Excel task pane against the real server: header-aware findings in a roster with their cells, a marking
in a sheet name blocks, the selection copied redacted as tab-separated text and restored into empty cells, and
a large sheet read and scanned in chunks with a progress bar."""

from __future__ import annotations

import re

from playwright.sync_api import expect

EXCEL = "/addin/taskpane/excel.html"
ROSTER = [
    ["114年度急難救助申請名冊"],
    ["姓名", "身分證字號", "手機", "地址", "補助金額"],
    ["林美", "A123456789", "0912345678", "新北市板橋區中山路一段161號", 20000],
    ["張志豪", "F131104093", "0922333444", "三重區重新路二段77號", 15000],
    ["林美", "A123456789", "0912345678", "新北市板橋區中山路一段161號", 5000],
]


def open_excel(open_page, sheets, **host):
    pane = open_page(EXCEL, {"host": "Excel", "displayLanguage": "zh-TW", "sheets": sheets, **host})
    expect(pane.page.locator("body")).to_have_attribute("data-ready", "true")
    return pane


def check(pane) -> None:
    pane.page.get_by_role("button", name=re.compile("^(檢查|重新檢查)$")).click()
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--(block|redact|allow)"), timeout=60000)


def test_roster_findings_by_header_with_their_cells(open_page):
    pane = open_excel(
        open_page,
        [{"name": "名冊", "origin": [1, 1], "rows": ROSTER}],
        comments=[{"sheet": "名冊", "cell": "G4", "content": "已電話聯絡陳大同 0933-111-222"}],
    )
    page = pane.page
    check(pane)
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--redact"))
    names = page.locator(".group", has=page.locator(".group__title", has_text="姓名"))
    # A bare two-character name is a finding because its column is headed 姓名 (origin B2: the roster's row 3 is 4).
    expect(names.locator("button.finding", has_text="名冊!B4：林美")).to_have_count(1)
    phones = page.locator(".group", has=page.locator(".group__title", has_text="電話號碼"))
    expect(phones).to_contain_text("名冊!D4")
    expect(phones).to_contain_text("的註解")
    expect(page.locator("#findings")).not_to_contain_text("20000")  # amounts are not phones
    pane.screenshot("excel-01-findings")
    names.locator("button.finding", has_text="張志豪").click()
    expect(page.locator("button.finding--selected")).to_have_count(1)
    book = pane.state()["workbook"]
    assert book["activated"] == "名冊"
    assert book["selected"] == {"sheet": "名冊", "cell": "B5"}


def test_a_marking_in_a_sheet_name_blocks(open_page):
    pane = open_excel(open_page, [{"name": "附表", "origin": [0, 0], "rows": [["說明"]]},
                                  {"name": "名冊（限閱）", "origin": [0, 0], "rows": ROSTER}])
    check(pane)
    verdict = pane.page.locator("#verdict")
    expect(verdict).to_have_class(re.compile("verdict--block"))
    expect(verdict).to_contain_text("第肆章第7條")
    expect(pane.page.locator("#findings")).to_contain_text("工作表名稱 名冊（限閱）")
    expect(pane.page.locator("#redact")).to_be_hidden()
    pane.screenshot("excel-02-sheet-name-blocked")


def copy_roster_with_placeholders(open_page, columns: int):
    """The roster sheet checked, its first four rows × ``columns`` selected and copied with placeholders."""
    pane = open_excel(
        open_page,
        [{"name": "名冊", "origin": [0, 0], "rows": ROSTER}],
        selection={"sheet": "名冊", "row": 1, "column": 0, "rows": 4, "columns": columns},
    )
    check(pane)
    pane.page.locator("input[name=mode][value=placeholder]").check()
    pane.page.get_by_role("button", name="遮蔽後複製").last.click()
    expect(pane.page.locator("#redacted-output")).to_have_value(re.compile("〔"))
    return pane


def test_selection_copied_redacted_as_tsv_and_restored_into_empty_cells(open_page):
    pane = copy_roster_with_placeholders(open_page, columns=3)
    page = pane.page
    output = page.locator("#redacted-output")
    lines = output.input_value().split("\n")
    assert lines[0] == "姓名\t身分證字號\t手機"
    assert len(lines) == 4 and all(len(line.split("\t")) == 3 for line in lines)
    assert "林美" not in output.input_value() and "A123456789" not in output.input_value()
    assert lines[1] == lines[3]  # the same person, the same placeholders
    pane.screenshot("excel-03-redacted-copy")
    name = lines[1].split("\t")[0]
    # Restore writes from the selected cell on; the selection holds data, so nothing is overwritten.
    page.locator("#restore-input").fill(f"{name}\t已核定")
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("未覆寫")
    assert pane.state()["workbook"]["written"] == []


def test_restore_into_an_empty_cell(open_page):
    pane = copy_roster_with_placeholders(open_page, columns=1)
    page = pane.page
    name = page.locator("#redacted-output").input_value().split("\n")[1]
    # The official selects an empty cell (A11) before restoring.
    empty = {"sheet": "名冊", "row": 10, "column": 0, "rows": 1, "columns": 1}
    pane.page.evaluate("(selection) => { window.__officeStandIn.selection = selection; }", empty)
    page.locator("#restore-input").fill(f"{name}\t已核定")
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("已還原 1 處")
    written = pane.state()["workbook"]["written"]
    assert written == [{"sheet": "名冊", "row": 10, "column": 0, "rows": [["林美", "已核定"]]}]


def test_a_large_sheet_is_read_and_scanned_in_chunks_with_progress(open_page):
    rows = [["姓名", "手機", "金額"]] + [[f"林{chr(0x7F8E + i % 50)}", "0912345678", 1000 + i] for i in range(6000)]
    pane = open_excel(open_page, [{"name": "名冊", "origin": [0, 0], "rows": rows}])
    page = pane.page
    page.get_by_role("button", name="檢查").click()
    expect(page.locator("#verdict progress")).to_be_visible()
    pane.screenshot("excel-04-progress")
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--redact"), timeout=120000)
    assert pane.state()["workbook"]["reads"] >= 2  # read in blocks
    phones = page.locator(".group", has=page.locator(".group__title", has_text="電話號碼"))
    expect(phones.locator(".badge")).to_have_text("6000")
    expect(page.locator("button.finding", has_text="名冊!A6001：")).to_have_count(1)
