"""CLASSIFIED: a level (絕對機密 / 極機密 / 機密 / 密) applied to the text, with the level reported.

Hard negatives from the BRIEF: statute names, negations, Q&A and training material about levels, an empty
or 普通 密等 field, unticked boxes, declassified documents, e-mail disclaimers.
"""

from __future__ import annotations

import pytest

from nlp.recognizers.classified import ClassifiedRecognizer
from nlp.text import ScanText

RECOGNIZER = ClassifiedRecognizer()


def run(recognizer, text):
    findings = sorted(recognizer.find(ScanText(text)), key=lambda f: f.start)
    assert all(text[f.start : f.end] == f.text for f in findings)
    return findings


# (text, spans located left to right, the level of each span)
POSITIVE = [
    ("密等及解密條件或保密期限密（本件於決標後解密）", [(12, 13)], ["密"]),  # the value glued to the label
    ("密　　等\t□普通　■機密　□密", ["機密"], ["機密"]),  # a spaced label in a table cell, boxes after a tab
    ("密等／保密期限：密／本件公布後解密", [(8, 9)], ["密"]),  # a slash label and a slash condition
    ("速別：最速件　密等：機密本件開標後解密", ["機密"], ["機密"]),  # after 速別 on the row, condition glued
    ("密等\r機密（本案決標後解密）\r主旨：評選委員名單", ["機密"], ["機密"]),  # the value on the next line, \r endings
    ("速別\r\x07普通件\r\x07密等\r\x07極機密\r\x07\r\x07", ["極機密"], ["極機密"]),  # Word's cell marks
    ("附件密等：密", [(5, 6)], ["密"]),
    ("機密名冊\n姓名\t身分證字號", ["機密"], ["機密"]),  # a sheet name or title naming its level  # an e-mail line giving the attachments' level
    ("這份簽呈屬機密文件，閱後請送還。", ["機密"], ["機密"]),
    ("一、本簽核列密等「密」，陳核時請以密件袋傳遞。", [(9, 10)], ["密"]),  # verb + 密等 + quoted level
    ("速別：速件\t密等及解密條件或保密期限：密（至114年6月30日解密）", [(19, 20)], ["密"]),  # a Word table row
    ("調閱資料密等：□普通　□密　■機密", [(15, 17)], ["機密"]),  # a ticked box after another field label
    ("本案涉及個人隱私，列為密件處理。", [(11, 12)], ["密"]),  # a comma between subject and verb
    ("密等及解密條件或保密期限：機密（解密條件：公布後解密）", ["機密"], ["機密"]),
    ("密等及解密條件或保密期限：極機密（保密期限至120年12月31日）", ["極機密"], ["極機密"]),
    ("密等及解密條件或保密期限：絕對機密", ["絕對機密"], ["絕對機密"]),
    ("密等及解密條件或保密期限：密（本件於公布後解密）", [(13, 14)], ["密"]),
    ("> 密等及解密條件或保密期限：機密\n> 主旨：XX", ["機密"], ["機密"]),  # quoted in a reply
    ("密等：機密", ["機密"], ["機密"]),
    ("主旨：（密）檢送本府113年度專案稽核發現事項", [(4, 5)], ["密"]),  # level in brackets before the subject
    ("本函列為「密」件，請以密封方式傳遞", [(5, 6)], ["密"]),  # quoted level applied in running text
    ("本報告經本局核定為機密等級，保密期限5年。", ["機密"], ["機密"]),
    ("機　密\n新北市政府警察局", [(0, 3)], ["機密"]),  # spaced stamp
    ("密等：□機密 ■密 □普通", [(8, 9)], ["密"]),  # only the ticked box counts
    ("密等：☑機密 □密 □普通", ["機密"], ["機密"]),
    ("【機密】", ["機密"], ["機密"]),
    ("〔密〕\n主旨：請派員出席", ["密"], ["密"]),
    ("機密\n\n主旨：請派員出席", ["機密"], ["機密"]),  # a level alone on the first line: a stamp
    ("本件核定為極機密", ["極機密"], ["極機密"]),
    ("請以密件處理", ["密"], ["密"]),
    ("本案屬密件，請妥處", ["密"], ["密"]),
    ("本案經核定為機密等級", ["機密"], ["機密"]),
]
NEGATIVE = [
    "密等：絕對機密／極機密／機密／密（擇一填寫）",  # the options a template offers
    "密等欄：本案如經核定為機密文書，填列機密或密，並註明解密條件。",  # an instruction, conditional
    "密等：□絕對機密\t□極機密\t□機密\t□密\t■普通",  # only 普通 ticked, boxes across cells
    "檢方指出，該簽呈於開標前列為密件，林男明知仍外傳。",  # news about another document
    "密　等：\n附件：如說明",  # an empty field with a spaced label
    "機密文件管理課程\n講師：王小明",  # a course title, not a title naming a level
    "機密資料之保管\n各單位應指定專人保管。",  # a rule heading
    "本案非屬機密",
    "本件非機密文件",
    "依國家機密保護法規定辦理",
    "國家機密保護法第2條",
    "問：「密」字公文可否使用Copilot？",
    "答：「機密」等級之公文不得使用生成式AI。",
    "問：機密公文可以用Copilot嗎？\n答：不可以。",
    "一、公文機密等級分為絕對機密、極機密、機密及密四級。",
    "機密等級分為：絕對機密、極機密、機密、密",
    "・絕對機密\n・極機密\n・機密\n・密",  # training slide
    "簡報：公文密等\n絕對機密\n極機密\n機密\n密",
    "課程名稱：機密公文處理實務",
    "本府機密文書管理作業要點",
    "第二章 機密文書之處理",
    "資料列為機密等級者，不得使用AI",
    "請確認本案是否為機密",
    "密等及解密條件或保密期限：",  # empty field
    "密等及解密條件或保密期限：\n主旨：請派員出席會議",
    "密等及解密條件或保密期限：普通",
    "密等及解密條件或保密期限：\n普通",
    "密等: 普通",
    "密等：□機密 □密 ■普通",
    "密等：□絕對機密 □極機密 □機密 □密 □普通",  # nothing ticked
    "本件原列機密，已於114年1月1日解密",
    "密等及解密條件或保密期限：機密（原列機密，已於114年1月1日解密）",
    "本郵件內容可能含有機密資訊，如非指定收件人，請立即刪除。",
    "本案為密切合作事項",
    "密碼：1234",
    "請保密",
    "秘密",
]


@pytest.mark.parametrize(("text", "spans", "expected_levels"), POSITIVE)
def test_finds_applied_levels(check_spans, text, spans, expected_levels):
    findings = check_spans(RECOGNIZER, text, spans)
    assert [f.level for f in findings] == expected_levels


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_level_in_running_text_reports_the_level():
    """本簽列為機密，請以密件處理: classified, level 機密 (請以密件處理 restates it)."""
    findings = run(RECOGNIZER, "本簽列為機密，請以密件處理")
    assert findings[0].text == "機密" and findings[0].level == "機密" and findings[0].start == 4
    assert {f.level for f in findings} <= {"機密", "密"}


def test_full_width_header_colon_and_spaces():
    text = "密等及解密條件或保密期限：　機密"
    (finding,) = run(RECOGNIZER, text)
    assert finding.level == "機密" and text[finding.start : finding.end] == "機密"


def test_policy_extra_marking_words():
    recognizer = ClassifiedRecognizer({"機敏": "密"})
    (finding,) = recognizer.find(ScanText("本資料屬機敏資料"))
    assert (finding.text, finding.level) == ("機敏", "密")
    assert list(recognizer.find(ScanText("本資料非機敏資料"))) == []
