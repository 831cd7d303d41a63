"""PHONE: every Taiwanese format; 發文字號 / 案號 that look like mobile numbers are not phones."""

from __future__ import annotations

import pytest

from nlp.recognizers.phone import PhoneRecognizer

RECOGNIZER = PhoneRecognizer()

POSITIVE = [
    ("聯絡方式：0 9 3 3 2 1 5 6 8 0／", ["0 9 3 3 2 1 5 6 8 0"]),
    ("手機：0912345678", ["0912345678"]),
    ("請洽0912-345-678王先生", ["0912-345-678"]),
    ("手機0912 345 678。", ["0912 345 678"]),
    ("０９１２－３４５－６７８", ["０９１２－３４５－６７８"]),  # full-width
    ("(02)2960-3456", ["(02)2960-3456"]),
    ("（０２）２９６０－３４５６", ["（０２）２９６０－３４５６"]),
    ("02-29603456", ["02-29603456"]),
    ("037-123456", ["037-123456"]),
    ("049-2345678", ["049-2345678"]),
    ("0826-12345", ["0826-12345"]),
    ("+886-2-2960-3456", ["+886-2-2960-3456"]),
    ("+886(0)2-2960-3456", ["+886(0)2-2960-3456"]),
    ("+886-912-345-678", ["+886-912-345-678"]),
    ("+886 912 345 678", ["+886 912 345 678"]),
    ("0800-000-123", ["0800-000-123"]),
    ("電話：(02)2960-3456分機1234", ["(02)2960-3456分機1234"]),  # extension is part of the span
    ("電話 02-2960-3456 #1234", ["02-2960-3456 #1234"]),
    ("Tel: 02-2960-3456 ext. 12", ["02-2960-3456 ext. 12"]),
    ("TEL：（02）2960-3456轉5678", ["（02）2960-3456轉5678"]),
    ("電話：2960-3456", ["2960-3456"]),  # local number after a phone label
    (
        "承辦人：王小明，電話：(02)29603456 分機 8888，傳真：(02)29603457",
        ["(02)29603456 分機 8888", "(02)29603457"],
    ),
    ("請洽2960-3456分機1234", ["2960-3456分機1234"]),  # no area code, no label: the extension says phone
    ("聯絡：2983 2141 轉 2230", ["2983 2141 轉 2230"]),
    ("洽詢：8953-2207#15（上班時間）", ["8953-2207#15"]),
    ("分機：3018", ["3018"]),  # a bare extension: the number is the span, 分機 stays readable
    ("承辦人\t王小明\t分機\t4482", ["4482"]),  # a Word table row: the tab is the colon
    ("諮詢專線：2960-3456", ["2960-3456"]),
    ("職稱\t姓名\t專線\t傳真\n處長\t王小明\t2960-3366\t2960-3370", ["2960-3366", "2960-3370"]),  # column headers
    (
        "職稱    姓名      分機    業務\n科長    王小明    3101    綜理科務\n技士    李美華    3118    登革熱防治",
        ["3101", "3118"],
    ),  # a contact list aligned with spaces: the 分機 column
    ("職稱\t姓名\t分機\n科長\t王小明\t3101", ["3101"]),
    ("電話：(02)2960-3456、0912-345-678", ["(02)2960-3456", "0912-345-678"]),
    ("Tel. +49 30 2654 8812 (Berlin office)", ["+49 30 2654 8812"]),  # a foreign number: + and a country code
    ("mobile +1 415-555-0132", ["+1 415-555-0132"]),
    ("089-123456", ["089-123456"]),  # Taitung: 8 digits after the trunk 0
    ("04-2345-6789", ["04-2345-6789"]),  # Taichung: 9
    pytest.param(
        "(+886)2-2960-3456",
        ["(+886)2-2960-3456"],
    ),
    pytest.param(
        "(+886) 912-345-678",
        ["(+886) 912-345-678"],
    ),
]
NEGATIVE = [
    "舉發單號\t日期\n0934156602\t114/01/07",  # 09… under a case-number column header
    "建號：05678-000",
    "發文字號：北府工字第0981234567號",  # ROC 98 發文字號 looks exactly like a mobile number
    "北府工字第0981234567號函",
    "新北府社字第0991234567號",
    "收文號0981234567",
    "受理編號：0912345678",
    "案號 0912345678",
    "訂單編號0912345678",
    "金額新臺幣0912345678元",
    "09123456789",  # 11 digits
    "1234567890912345678",  # inside a longer run
    "2960-3456",  # a local number without a phone label
    "請於114年3月5日前回覆",
    "身分證字號A123456789",
    "服務時間：上午0830-1200，下午1330-1730",  # service hours: 7 digits after the trunk 0 is no number
    "受理時間 0900-1730",
    "週一至週五08:30-17:30",
    "開放時間：0800-1200",
    "北府工字第 0981234567 號",  # 發文字號 with spaces
    "新北府社字第0991234567號函",
    "拍賣標的：新北市林口區麗園段0512-0000地號土地",  # 地號
    "同段 0512-0000 建號",
    "2960-3456轉知各單位",  # 轉 starting a verb, no digits after it
    "職稱\t姓名\t分機\n科長\t王小明\t綜理科務",  # no number in the 分機 column
    "編號\t年度\t件數\n1\t113\t3101",  # 3–5 digits in a column that is not 分機
    "科長    王小明    3101    綜理科務",  # an aligned row without its header
    "溫度 +12 3 4",  # a plus sign before a few short numbers
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
