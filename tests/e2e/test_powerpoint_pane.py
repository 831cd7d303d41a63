"""The PowerPoint task pane against the real server: a blocked deck, findings by slide, redacted copy and
restore as a text box, the notice on the first slide with the final-judgment reminder."""

from __future__ import annotations

import re

from playwright.sync_api import expect

POWERPOINT = "/addin/taskpane/powerpoint.html"
TITLE = {"id": "2", "type": "Placeholder", "text": "114年度資安稽核結果簡報"}
BLOCKED_DECK = [
    [TITLE, {"id": "3", "type": "Image"}],
    [
        {"id": "4", "type": "Placeholder", "text": "評選委員名單"},
        {"id": "5", "type": "Group", "shapes": [{"id": "6", "type": "GeometricShape", "text": "機　密"}]},
    ],
]
PERSONAL_DECK = [
    [TITLE],
    [{"id": "4", "type": "Table", "values": [["姓名", "電話"], ["陳美玲", "0912-345-678"], ["張志豪", "0922-333-444"]]}],  # noqa: E501
    [{"id": "7", "type": "TextBox", "text": "陳情人王小明（A123456789）來電，請承辦人回覆。"}],
]


def open_powerpoint(open_page, slides, **host):
    pane = open_page(POWERPOINT, {"host": "PowerPoint", "displayLanguage": "zh-TW", "slides": slides, **host})
    expect(pane.page.locator("body")).to_have_attribute("data-ready", "true")
    return pane


def check(pane) -> None:
    pane.page.get_by_role("button", name=re.compile("^(檢查|重新檢查)$")).click()
    expect(pane.page.locator("#verdict")).to_have_class(re.compile("verdict--(block|redact|allow)"))


def test_a_deck_with_a_stamp_in_a_group_is_blocked_and_the_stamp_selected(open_page):
    pane = open_powerpoint(open_page, BLOCKED_DECK)
    expect(pane.page.locator("#scan-hint")).to_contain_text("投影片")
    check(pane)
    verdict = pane.page.locator("#verdict")
    expect(verdict).to_have_class(re.compile("verdict--block"))
    expect(verdict).to_contain_text("第肆章第7條第1款")
    expect(verdict).to_contain_text("無法略過")
    expect(pane.page.locator("#redact")).to_be_hidden()
    finding = pane.page.locator("button.finding").first
    expect(finding).to_contain_text("第 2 張投影片")
    pane.screenshot("powerpoint-01-blocked")
    finding.click()
    expect(pane.page.locator("button.finding--selected")).to_have_count(1)
    deck = pane.state()["presentation"]
    assert deck["selectedSlides"] == ["257#"]
    assert deck["selectedShapes"] == {"slide": "257#", "ids": ["5"]}
    assert deck["selectedText"]["text"] == "機　密" or deck["selectedText"]["text"].startswith("機")


def test_findings_by_slide_redacted_copy_and_restore_as_a_text_box(open_page):
    pane = open_powerpoint(open_page, PERSONAL_DECK, selectedSlides=[2])
    page = pane.page
    check(pane)
    expect(page.locator("#verdict")).to_have_class(re.compile("verdict--redact"))
    names = page.locator(".group", has=page.locator(".group__title", has_text="姓名"))
    expect(names).to_contain_text("第 2 張投影片（表格）：陳美玲")
    expect(names).to_contain_text("第 3 張投影片：王小明")
    pane.screenshot("powerpoint-02-findings")
    names.locator("button.finding", has_text="王小明").click()
    expect(page.locator("button.finding--selected")).to_have_count(1)
    deck = pane.state()["presentation"]
    assert deck["selectedSlides"] == ["258#"]
    assert deck["selectedText"]["text"] == "王小明"

    page.locator("input[name=mode][value=placeholder]").check()
    page.get_by_role("button", name="遮蔽後複製").last.click()
    output = page.locator("#redacted-output")
    expect(output).to_have_value(re.compile("〔"))
    copied = output.input_value()
    for value in ("陳美玲", "王小明", "A123456789", "0912-345-678"):
        assert value not in copied, copied
    assert "114年度資安稽核結果簡報" in copied
    pane.screenshot("powerpoint-03-redacted-copy")

    # The selected slide only: the other slides are context, so a name found there is redacted here too.
    page.locator("input[name=scope][value=selection]").check()
    page.get_by_role("button", name="遮蔽後複製").last.click()
    expect(output).not_to_have_value(re.compile("114年度"))
    copied = output.input_value()
    assert "王小明" not in copied and "〔" in copied
    placeholder = re.search(r"〔姓名\d+〕", copied).group(0)
    page.locator("#restore-input").fill(f"{placeholder}您好，已收到陳情。")
    page.get_by_role("button", name="還原並插入").click()
    expect(page.locator("#restore-status")).to_contain_text("文字方塊")
    boxes = pane.state()["presentation"]["boxes"]
    assert boxes[-1]["slide"] == "258#"
    assert boxes[-1]["text"] == "王小明您好，已收到陳情。"


def test_notice_once_on_the_first_slide_with_the_reminder(open_page):
    pane = open_powerpoint(open_page, PERSONAL_DECK, selectedSlides=[2])
    page = pane.page
    page.get_by_role("button", name="插入AI生成聲明").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#reminder-confirm")).to_be_disabled()
    pane.screenshot("powerpoint-04-reminder")
    page.locator("#reminder-check").check()
    page.locator("#reminder-confirm").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#notice-status")).to_contain_text("最終判斷")
    deck = pane.state()["presentation"]
    assert len(deck["boxes"]) == 1
    box = deck["boxes"][0]
    assert box["slide"] == "256#" and box["options"]["top"] < 50
    assert "AI" in box["text"] and box["font"]["italic"] is True
    assert deck["properties"] == {"AIAssisted": "true"}
    pane.screenshot("powerpoint-05-notice")
    page.get_by_role("button", name="插入AI生成聲明").click()
    expect(page.locator("#notice-status")).to_contain_text("未重複插入")
    assert len(pane.state()["presentation"]["boxes"]) == 1
