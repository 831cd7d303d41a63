"""SENSITIVE_CATEGORY: 個資法第6條 special categories about a person.

The law, negations and statute names are not findings.
"""

from __future__ import annotations

import time

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
    # criminal records and drugs, about a person
    ("被告前因詐欺罪判處有期徒刑，於112年執行完畢", ["前因詐欺罪判處有期徒刑"]),
    ("該員因持有毒品經強制戒治，現已出所", ["因持有毒品經強制戒治"]),
    ("聲請人曾經觀察勒戒，已無繼續施用傾向", ["曾經觀察勒戒"]),
    ("受刑人王小明應發監執行", ["發監執行"]),
    ("上列被告因違反毒品危害防制條例案件，本院裁定如下：王小明令入戒治處所施以強制戒治", ["令入戒治處所施以強制戒治"]),
    ("其父藥癮尚未穩定，由祖母照顧", ["藥癮尚未穩定"]),
    # treatment and disability
    ("陳情人之父肺腺癌術後放療中，請准延期", ["肺腺癌術後放療中"]),
    ("申請人長期服用抗憂鬱藥物，無法久站", ["長期服用抗憂鬱藥物"]),
    ("申請人為中度視覺障礙，需陪同", ["中度視覺障礙"]),
    ("其子罹患小兒麻痺，行動不便", ["罹患小兒麻痺"]),
    ("個案：阿茲海默症合併高血壓", ["阿茲海默症合併高血壓"]),  # two joined by 合併: one span
    ("您的健康檢查報告顯示肝功能指數異常，請複檢", ["肝功能指數異常"]),  # the result, not the report
    ("He has a severe nut allergy.", ["has a severe nut allergy"]),
    # form fields: a colon or a Word table cell; ticked boxes only
    ("病史\t高血壓、糖尿病", ["高血壓、糖尿病"]),
    ("刑案紀錄\t曾犯公共危險罪（酒後駕車）", ["曾犯公共危險罪（酒後駕車）"]),
    ("身心障礙類別\t□視覺障礙\t■肢體障礙（中度）", ["■肢體障礙（中度）"]),
    ("身心障礙類別：■肢體障礙（中度）　□視覺障礙　□其他", ["■肢體障礙（中度）"]),
    # a roster: the column is named in the header row only
    ("個案姓名\t性別\t主要診斷\t等級\n王大明\t男\t帕金森氏症\t第5級\n李小華\t女\t\t第3級", ["帕金森氏症"]),
    ("姓名    病史            備註\n王大明  高血壓、痛風    無\n李小華  無              無", ["高血壓、痛風"]),
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
    # a category word inside another word
    "本局邀請前科技部長演講",
    "本案屬中風險等級",
    "醫院設置急性病房20床",
    "如有疑似病媒蚊孳生源請通報",
    # the data withheld
    "本案當事人病情依規定不予記載",
    "病歷號：A00873214",  # the label of a record number
    # statute text and boilerplate about crime in general
    "依毒品危害防制條例第20條規定，施用第一級毒品者應先裁定令入勒戒處所觀察勒戒",
    "如於緩刑期內更犯本件有期徒刑以上之罪",
    "刑法第320條：意圖為自己不法之所有而竊取他人之動產者，為竊盜罪，處五年以下有期徒刑",
    "上列被告經檢察官聲請強制戒治，至無繼續強制戒治之必要為止",
    # unnamed people, statistics and programmes
    "民眾如出現發燒、咳嗽等症狀，應儘速就醫",
    "化療中應注意營養均衡",
    "本市113年觀察勒戒人數為320人",
    "主旨：114年度員工健康檢查異常追蹤",
    "113年度公務人員健康檢查報告摘要",
    "救護車將傷者送往亞東醫院",  # where the ambulance went
    "身心障礙類別\t□視覺障礙\t□肢體障礙",  # no box ticked
    "姓名\t病史\t備註",  # a header row: the next cell is a column name
    "個案姓名\t性別\t主要診斷\tCMS等級",
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


def test_a_long_line_without_full_stops_scans_in_linear_time():
    # Every phrase reads its sentence; a 100,000-character line must not make each one read the whole line.
    text = "個案：他罹患憂鬱症並住院治療 病史：■高血壓 " * 4000
    start = time.perf_counter()
    findings = list(RECOGNIZER.find(ScanText(text)))
    assert findings and time.perf_counter() - start < 5
