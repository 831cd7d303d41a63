"""Offsets are code-point indices into the original text, on the same line as characters outside the BMP
and with full-width input: text[start:end] == finding.text, always."""

from __future__ import annotations

import pytest

from nlp.engine import Engine

ENGINE = Engine()

CASES = [
    ("😀身分證字號A123456789", "TW_NATIONAL_ID", "A123456789"),
    ("𠀋𠀋身分證字號：Ａ１２３４５６７８９", "TW_NATIONAL_ID", "Ａ１２３４５６７８９"),
    ("🙂手機：０９１２－３４５－６７８", "PHONE", "０９１２－３４５－６７８"),
    ("👨‍👩‍👧 電話：(02)2960-3456分機1234", "PHONE", "(02)2960-3456分機1234"),
    ("𠀋地址：２２０新北市板橋區中山路１段１６１號", "ADDRESS", "２２０新北市板橋區中山路１段１６１號"),
    ("🎉承辦人：王小明", "PERSON", "王小明"),
    ("𠀋居留證號碼：ＡＡ０００００００９", "TW_RESIDENT_ID", "ＡＡ０００００００９"),
    ("🙂信箱ｗａｎｇ＠ｎｔｐｃ．ｇｏｖ．ｔｗ", "EMAIL", "ｗａｎｇ＠ｎｔｐｃ．ｇｏｖ．ｔｗ"),
    ("𠀋本簽列為機密，陳核", "CLASSIFIED", "機密"),
    ("🙂【限閱】會議資料", "RESTRICTED", "限閱"),
    ("🙂出生日期：民國７４年３月５日", "BIRTH_DATE", "民國７４年３月５日"),
    ("𠀋信用卡號：４１１１ １１１１ １１１１ １１１１", "CREDIT_CARD", "４１１１ １１１１ １１１１ １１１１"),
]


@pytest.mark.parametrize(("text", "finding_type", "expected"), CASES)
def test_offsets_index_the_original_text(text, finding_type, expected):
    findings = [f for f in ENGINE.scan(text).findings if f.type == finding_type]
    assert [f.text for f in findings] == [expected]
    (finding,) = findings
    assert finding.start == text.index(expected)
    assert finding.end == finding.start + len(expected)
    assert text[finding.start : finding.end] == expected
