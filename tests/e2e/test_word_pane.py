"""The Word task pane against the real server: blocked, personal data, redacted copy and restore, notice."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

CLASSIFIED_HEADER = "密等及解密條件或保密期限：機密（本案公布後解密）"
CLASSIFIED_BODY = "主旨：檢送本府114年度資安稽核結果，請查照。\n說明：依據行政院函辦理。"
PERSONAL_BODY = (
    "主旨：有關民眾陳情案，請協助聯繫。\n"
    "說明：陳情人王小明，身分證統一編號A123456789，"
    "電話0912-345-678，住新北市板橋區中山路一段161號。\n"
    "承辦人：李大華，電話：0912-345-678"
)
PHONE = "0912-345-678"
NATIONAL_ID = "A123456789"
WORD = "/addin/taskpane/word.html"


def open_word(open_page, body: str, header: str = "", language: str = "zh-TW", **host):
    pane = open_page(
        WORD,
        {
            "host": "Word",
            "displayLanguage": language,
            "body": body,
            "headers": {"Primary": header},
            "footers": {"Primary": ""},
            **host,
        },
    )
    expect(pane.page.locator("body")).to_have_attribute("data-ready", "true")
    return pane


def check(pane) -> None:
    pane.page.get_by_role("button", name=re.compile("^(檢查|重新檢查|Check|Check again)$")).click()
    expect(pane.page.locator("#verdict")).not_to_have_class(re.compile("verdict--pending"))
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--(block|redact|allow)"))


def test_classified_draft_is_blocked_citing_the_article(open_page):
    pane = open_word(open_page, CLASSIFIED_BODY, header=CLASSIFIED_HEADER)
    pane.screenshot("word-01-ready")
    check(pane)
    verdict = pane.page.locator("#verdict")
    expect(verdict).to_have_class(re.compile("verdict--block"))
    expect(verdict).to_have_attribute("role", "alert")
    expect(verdict).to_contain_text("禁止提供予生成式 AI")
    expect(verdict).to_contain_text("第肆章第7條第1款")
    expect(verdict).to_contain_text("無法略過")
    expect(pane.page.locator("#redact")).to_be_hidden()
    expect(pane.page.locator("#restore")).to_be_hidden()
    expect(pane.page.locator("#findings")).to_contain_text("機密等級標示")
    pane.screenshot("word-02-blocked")
    # The marking sits in the header: clicking it selects it there.
    pane.page.locator("button.finding").first.click()
    expect(pane.page.locator("button.finding--selected")).to_have_count(1)
    selection = pane.state()["selection"]
    assert selection["part"] == "header:Primary"
    assert selection["text"] == "機密"


# As Word desktop hands a 公文 over: paragraphs end in \r, the header form is a table whose cells end in Word's
# cell mark \r\x07 (a row ends with one more), and a rare name character outside the BMP comes before a name.
WORD_TABLE_DRAFT = (
    "新北市政府工務局　函\r"
    "速別\r\x07最速件\r\x07\r\x07"
    "密等及解密條件或保密期限\r\x07機密本案決標後解密\r\x07\r\x07"
    "主旨：檢送評選委員名單，請查照。\r"
    "說明：聯絡人林𡘙與王小明，電話0912-345-678。\r"
)


def test_a_draft_with_cr_paragraphs_and_the_level_in_a_table_is_blocked(open_page):
    pane = open_word(open_page, WORD_TABLE_DRAFT)
    check(pane)
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--block"))
    expect(pane.page.locator("#verdict")).to_contain_text("第肆章第7條第1款")
    expect(pane.page.locator("#findings")).to_contain_text("機密等級標示")
    pane.screenshot("word-cr-table-blocked")
    # Findings are selected in Word at the right characters, also after a non-BMP character (code points vs UTF-16).
    names = pane.page.locator(".group", has=pane.page.locator(".group__title", has_text="姓名"))
    names.locator("button.finding", has_text="王小明").click()
    expect(pane.page.locator("button.finding--selected")).to_have_count(1)
    assert pane.state()["selection"]["text"] == "王小明"
    pane.page.locator("button.finding", has_text="機密").first.click()
    expect(pane.page.locator("button.finding--selected", has_text="機密")).to_have_count(1)
    selection = pane.state()["selection"]
    assert selection["text"] == "機密" and selection["part"] == "body"


def test_a_stamp_in_a_text_box_is_read_and_blocks(open_page):
    pane = open_word(open_page, "主旨：評選委員名單。\r說明：請妥慎保管。", textBoxes={"body": ["機　密"]},
                     sets={"WordApi": "1.3", "WordApiDesktop": "1.2", "Mailbox": "1.14", "NestedAppAuth": "0"})
    check(pane)
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--block"))
    pane.page.locator("button.finding").first.click()
    expect(pane.page.locator("button.finding--selected")).to_have_count(1)
    assert pane.state()["selection"]["part"] == "shape:body:0"


def test_personal_data_grouped_selected_highlighted(open_page):
    pane = open_word(open_page, PERSONAL_BODY)
    check(pane)
    page = pane.page
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--redact"))
    expect(page.locator("#verdict")).to_contain_text("第肆章第7條第2款")
    groups = page.locator(".group__title")
    titles = [title.split("\n")[0] for title in groups.all_inner_texts()]
    assert titles.index("身分證統一編號") < titles.index("電話號碼")
    phone_group = page.locator(".group", has=page.locator(".group__title", has_text="電話號碼"))
    expect(phone_group.locator("button.finding")).to_have_count(2)
    expect(phone_group.locator(".badge")).to_have_text("2")
    pane.screenshot("word-03-findings")

    # The second phone number is the second occurrence in the document: that one is selected.
    phone_group.locator("button.finding").nth(1).click()
    expect(page.locator("button.finding--selected")).to_have_count(1)
    state = pane.state()
    second = state["document"]["body"].index(PHONE, state["document"]["body"].index(PHONE) + 1)
    assert state["selection"] == {"part": "body", "start": second, "end": second + len(PHONE), "text": PHONE}
    assert any(h["start"] == second and h["color"] == "Yellow" for h in state["highlights"].values())

    # Keyboard: Tab onto the ID finding and press Enter.
    page.get_by_role("button", name="清除標示").focus()
    id_finding = page.locator("button.finding", has_text=NATIONAL_ID)
    while not id_finding.evaluate("(node) => node === document.activeElement"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(id_finding).to_have_class(re.compile("finding--selected"))
    assert pane.state()["selection"]["text"] == NATIONAL_ID
    page.keyboard.press("Tab")
    pane.screenshot("word-03b-keyboard-focus")

    page.get_by_role("button", name="全部標示").click()
    expect(page.locator("#findings-status")).to_contain_text("已標示")
    highlighted = {h["text"] for h in pane.state()["highlights"].values()}
    assert {PHONE, NATIONAL_ID, "王小明"} <= highlighted
    pane.screenshot("word-04-highlighted")
    render_document(pane, "word-04b-document-highlighted")

    page.get_by_role("button", name="清除標示").click()
    expect(page.locator("#findings-status")).to_contain_text("已清除")
    assert pane.state()["highlights"] == {}


def test_redacted_copy_mask_and_placeholder_then_restore_at_cursor(open_page):
    pane = open_word(open_page, PERSONAL_BODY)
    check(pane)
    page = pane.page

    # Restore before a placeholder copy exists: the pane says what to do first.
    page.locator("#restore-input").fill("任何回覆")
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("請先以「代稱」")

    page.get_by_role("button", name="遮蔽後複製").click()
    output = page.locator("#redacted-output")
    expect(output).to_be_visible()
    masked = output.input_value()
    assert NATIONAL_ID not in masked and PHONE not in masked and "王小明" not in masked
    expect(page.locator("#redact-status")).to_contain_text(re.compile("已複製|無法自動複製"))
    pane.screenshot("word-05-redacted-mask")

    page.get_by_label("代稱（如〔姓名1〕，可還原）").check()
    page.get_by_role("button", name="遮蔽後複製").click()
    expect(output).not_to_have_value(masked)
    with_placeholders = output.input_value()
    placeholders = re.findall(r"〔[^〕]+〕", with_placeholders)
    assert placeholders, with_placeholders
    assert NATIONAL_ID not in with_placeholders
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == with_placeholders

    # The AI answers using the placeholders; restore puts the real values back and inserts at the cursor.
    answer = "您好，已收到以下資料：" + "、".join(dict.fromkeys(placeholders)) + "。"
    page.locator("#restore-input").fill(answer)
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("已還原")
    state = pane.state()
    inserted = state["lastInsert"]["text"]
    assert "〔" not in inserted
    assert inserted in state["document"]["body"]
    assert NATIONAL_ID in inserted and PHONE in inserted and "王小明" in inserted
    pane.screenshot("word-06-restored")


def test_notice_inserted_once_with_property_and_reminder(open_page):
    pane = open_word(open_page, "主旨：本府114年度施政計畫草案（AI 協助撰寫）。")
    page = pane.page
    page.get_by_role("button", name="插入AI生成聲明").click()
    dialog = page.get_by_role("dialog", name="最終判斷提醒")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("最終判斷")
    confirm = dialog.get_by_role("button", name="確認")
    expect(confirm).to_be_disabled()
    expect(page.locator("#reminder-check")).to_be_focused()
    pane.screenshot("word-07-reminder")
    state = pane.state()
    assert state["customProperties"] == {"AIAssisted": "true"}
    assert state["lastParagraph"]["location"] == "Start"
    assert state["document"]["body"].startswith("【AI 生成聲明】")

    # Keyboard only: tick the box with Space, Tab to the button, Enter.
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(confirm).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(page.locator("#notice-status")).to_contain_text("已確認")
    expect(page.locator("#notice-insert")).to_be_focused()

    page.get_by_role("button", name="插入AI生成聲明").click()
    expect(page.locator("#notice-status")).to_contain_text("未重複插入")
    assert pane.state()["document"]["body"].count("【AI 生成聲明】") == 1
    pane.screenshot("word-08-notice-once")

    check(pane)
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--allow"))
    pane.screenshot("word-09-allowed")


def test_english_display_language(open_page):
    pane = open_word(open_page, PERSONAL_BODY, language="en-US")
    expect(pane.page.locator("html")).to_have_attribute("lang", "en")
    check(pane)
    expect(pane.page.locator("#verdict")).to_contain_text("Personal data found")
    expect(pane.page.get_by_role("button", name="Copy redacted")).to_be_visible()
    pane.screenshot("word-10-english")


def render_document(pane, name: str) -> None:
    """A picture of the stand-in document with its highlights, for looking at what the pane did."""
    state = pane.state()
    body = state["document"]["body"]
    marks = sorted((h["start"], h["end"]) for h in state["highlights"].values() if h["part"] == "body")
    page = pane.page.context.new_page()
    page.set_viewport_size({"width": 640, "height": 300})
    page.set_content("<html><body><pre id='doc'></pre></body></html>")
    page.evaluate(
        """([body, marks]) => {
            const doc = document.getElementById('doc');
            doc.style.cssText = 'font: 16px "Noto Sans CJK TC", sans-serif; white-space: pre-wrap;';
            let at = 0;
            for (const [start, end] of marks) {
              doc.append(body.slice(at, start));
              const mark = document.createElement('mark');
              mark.style.background = 'yellow';
              mark.textContent = body.slice(start, end);
              doc.append(mark);
              at = end;
            }
            doc.append(body.slice(at));
        }""",
        [body, marks],
    )
    page.screenshot(
        path=str(Path(__file__).resolve().parents[2] / "test-output" / "screenshots" / f"{name}.png")
    )
    page.close()
