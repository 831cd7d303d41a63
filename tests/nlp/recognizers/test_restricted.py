"""RESTRICTED: 限閱, 內部使用, 請勿外流, 不公開, an English CONFIDENTIAL banner — applied, not mentioned.

Hard negatives: negations, rules and statutes about 限制公開, quoted mentions, 內部使用者, and the
confidentiality disclaimer at the foot of e-mails (zh and en).
"""

from __future__ import annotations

import pytest

from nlp.recognizers.restricted import RestrictedRecognizer
from nlp.text import ScanText

RECOGNIZER = RestrictedRecognizer()

POSITIVE = [
    ("Subject: [RESTRICTED] 智慧路燈標案 Q&A draft", ["RESTRICTED"]),  # an English subject tag
    ("Classification\tRESTRICTED\nSubject\t[CONFIDENTIAL] Pilot results", ["RESTRICTED", "CONFIDENTIAL"]),  # table cells
    ("都市更新審議會第68次會議資料\n限閱資料　會後繳回\n案由一：", ["限閱"]),  # a stamp line atop the page
    ("主旨：新聞稿草稿（11/20 10:00前不公開）", ["不公開"]),
    ("考績通知書（個人資料，請勿外傳）", ["請勿外傳"]),
    ("【限閱】會議紀錄", ["限閱"]),
    (
        "RE: 會議通知\n\n好的，收到。\n\n> -----原始郵件-----\n> 【限閱】\n> 主旨：預算案討論",
        ["限閱"],
    ),  # quoted original
    ("主旨：【限閱】114年度預算案", ["限閱"]),
    ("[內部使用]", ["內部使用"]),
    ("請勿外流", ["請勿外流"]),
    ("本文件僅供內部使用", ["僅供內部使用"]),
    ("本案會議不公開", ["不公開"]),
    ("本會議紀錄不對外公開", ["不對外公開"]),
    ("CONFIDENTIAL\n\nDear John,", ["CONFIDENTIAL"]),
    ("Subject: [Confidential] budget", ["Confidential"]),
    ("Classification: Confidential", ["Confidential"]),
    ("INTERNAL USE ONLY\nQ3 figures", ["INTERNAL USE ONLY"]),
    ("［限閱］", ["限閱"]),  # full-width brackets
    pytest.param(
        "Subject: CONFIDENTIAL - budget",
        ["CONFIDENTIAL"],
    ),
]
NEGATIVE = [
    "3. 機密（Confidential）：洩漏後足以使國家安全遭受損害之事項。",  # a translation in a definition
    "新北市立圖書館總館　古籍限閱區使用須知",  # a reading room, not a marking
    "本案事務機係供本所各課室內部使用，規格如附件。",  # what a machine is for
    "資料公開方式：■公開　□不公開　□部分公開",  # an option not chosen
    "3. 認識限閱資料與個人資料保護（2小時）",  # a course title
    "本系統僅供內部使用，請以公務帳號登入。",  # restricts a system, not this text
    "本案因涉及個人隱私，不公開陳情人姓名。",  # withholds a name; the text is not restricted
    "本件非限閱",
    "內部使用者請登入系統",
    "依政府資訊公開法第18條，下列資訊應限制公開或不予提供",
    "公開招標與不公開招標之差異",
    "限閱讀",
    "本府訂有限閱文件管理規定",
    "「限閱」標示應如何使用？",
    "The committee discussed confidential matters.",
    "This e-mail is confidential. If you are not the intended recipient, please notify the sender.",
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the "
    "addressee. If you are not the intended recipient, please delete it.",
    "本郵件及附件可能含有機密或限閱資訊，如非指定收件人，請勿閱讀、複製或轉寄，並請立即刪除。",
    "附件請參考。\n\n【機密警語】本電子郵件及附件內容可能含有機密或限閱資訊，僅供指定收件人使用。"
    "若您非指定收件人，請勿使用、揭露或散布，並請刪除。",
    "各位好，附件為會議資料。\n\n王小明\n---\nCONFIDENTIAL\n"
    "This e-mail is intended solely for the addressee. "
    "If you are not the intended recipient, please delete it.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_policy_extra_markings():
    recognizer = RestrictedRecognizer(("機關內部文件",))
    (finding,) = recognizer.find(ScanText("本資料為機關內部文件"))
    assert finding.text == "機關內部文件"
    assert list(recognizer.find(ScanText("本資料非機關內部文件"))) == []
