"""SENSITIVE_CATEGORY: 個資法第6條 special categories about a person.

The law, negations and statute names are not findings.
"""

from __future__ import annotations

import pytest

from nlp.recognizers.sensitive_category import SensitiveCategoryRecognizer
from nlp.text import ScanText

RECOGNIZER = SensitiveCategoryRecognizer()

POSITIVE = [
    ("經診斷為左手肘骨裂，需打石膏四週", ["經診斷為左手肘骨裂"]),
    ("死亡原因為慢性腎衰竭", ["死亡原因為慢性腎衰竭"]),
    ("110年因酒駕經法院判處公共危險罪確定", ["判處公共危險罪確定"]),
    ("陳情人罹患憂鬱症，長期就醫", ["罹患憂鬱症"]),
    ("檢附病歷影本一份", ["病歷影本"]),
    ("其基因檢測結果顯示帶因", ["基因檢測結果", "帶因"]),
    ("該員有竊盜前科", ["竊盜前科"]),
    ("健康檢查結果異常", ["健康檢查結果"]),
    ("當事人性傾向不應被揭露", ["性傾向"]),
    ("林先生領有身心障礙手冊", ["領有身心障礙手冊"]),
]
NEGATIVE = [
    "請檢附警察刑事紀錄證明",  # the name of a certificate
    "三、疑似腦中風個案以到院前預警通報為主",  # a programme, not a person
    "家暴、性侵害求助請撥113保護專線",
    "依個資法第6條規定，病歷、醫療、基因、性生活、健康檢查及犯罪前科之個人資料不得蒐集",
    "經查無前科",
    "身心障礙者權益保障法",
    "本府辦理憂鬱症防治宣導課程",
    pytest.param(
        "本局健康檢查報告書格式修正",
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_evidence_names_the_category():
    (finding,) = RECOGNIZER.find(ScanText("該員有竊盜前科"))
    assert "category:criminal_record" in finding.evidence
