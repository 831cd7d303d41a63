"""PERSON by rules (Chinese): names after labels, before honorifics/titles, after titles, in signatures.
The span is the name without its title or honorific. English names: test_person_english.py."""

from __future__ import annotations

import pytest

from nlp.recognizers.person import PersonRecognizer

RECOGNIZER = PersonRecognizer()

POSITIVE = [
    ("所有權人：林杰　身分證統一編號", ["林杰"]),
    ("中文名：阮氏秋霞）", ["阮氏秋霞"]),
    ("人事室 鄒佩君　分機1234", ["鄒佩君"]),
    ("承辦人：王小明", ["王小明"]),
    ("承辦人：科員王小明", ["王小明"]),  # title excluded
    ("王小明先生", ["王小明"]),  # honorific excluded
    ("李美華小姐您好", ["李美華"]),
    ("陳建宏科長", ["陳建宏"]),
    ("黃淑惠老師", ["黃淑惠"]),
    ("局長王大明表示", ["王大明"]),
    ("出席：林志明、張淑芬、科長陳建宏", ["林志明", "張淑芬", "陳建宏"]),
    ("陳情人王大明君", ["王大明"]),
    ("歐陽娜娜小姐", ["歐陽娜娜"]),  # compound surname
    ("張簡文華先生", ["張簡文華"]),
    ("王小明 敬上", ["王小明"]),
    ("申請人：陳美玲（身分證字號A123456789）", ["陳美玲"]),
    ("郭俊傑您好：", ["郭俊傑"]),  # greeting
    ("賴怡伶、邱郁婷、何孟哲三人將於下週報到", ["賴怡伶", "邱郁婷", "何孟哲"]),  # list
    ("新北市政府景觀處　廖志偉\n電話", ["廖志偉"]),  # signature after the unit
    ("出席：工務局謝宗霖（分機5521）、交通局簡伶如", ["謝宗霖", "簡伶如"]),
    ("環保局空氣品質管理科范姜美玉　02-2953-2111", ["范姜美玉"]),  # compound surname after a unit
    ("資訊中心主任吳明哲表示", ["吳明哲"]),
    ("住在我樓上的黃志明曾因毒品案件", ["黃志明"]),
    ("被保險人：李秋月\n", ["李秋月"]),
    ("姓名（中文）：阮氏秋\n", ["阮氏秋"]),
    ("申請人：陶以琳", ["陶以琳"]),
    ("現年12歲的林語彤罹患罕見疾病", ["林語彤"]),
    ("葉美伶估價師", ["葉美伶"]),
]
NEGATIVE = [
    "主旨：市長施政報告初稿",  # a surname character after a title, starting a word
    "新北市政府 市民陳情案件處理單",
    "衛生所結核病個案管理交接",
    "主席：許副局長　　記錄：林股長",  # surnames with titles
    "與○○公司洽談招商合作案",
    "聯絡方式：0933215680",
    "新北市政府",
    "陳情人來電",
    "承辦人：資訊中心",
    "林口區公所",
    "黃金價格上漲",
    "核定補助新臺幣15萬元整",
    "發文日期：中華民國113年5月20日",
    "衛生局表示，糖尿病及高血壓是十大死因之一",
    "職業安全衛生委員會",
    "本次課程內容：一、機密文書處理",
    "謝謝您的協助。",
    "感謝林小姐的協助",  # a surname alone before an honorific
    "李男（45歲）",
    "依管理要點第12點辦理",
    "有限風險\n高風險\n管理措施",  # slide bullets: surname characters starting common words
    "AI系統若直接影響個人安全，即被歸類為高風險。",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_signature_name_alone_on_the_last_line(check_spans):
    check_spans(RECOGNIZER, "各位好，附件為會議資料。\n\n王小明", ["王小明"])
