"""SENSITIVE_CATEGORY: — 個資法第6條 special categories about a person: health and medical records, genetics,
sex life, health checks, criminal records. The span is the phrase that reveals it (罹患憂鬱症, 病歷影本,
基因檢測結果, 有竊盜前科). Sentences *about* the law (個資法第6條所定病歷…), negations (無前科) and statute
names (身心障礙者權益保障法) are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import SENSITIVE_CATEGORY, Finding
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText

DISEASE_END = r"(?:症|病|癌|炎|瘤|障礙|失調|中風|愛滋|HIV|陽性|感染|骨折|腫瘤|疾患|失智|成癮|癲癇)"
PATTERN_LIST: list[tuple[str, re.Pattern[str]]] = [
    ("health", re.compile(
        rf"(?:罹患|患有|罹|確診|經診斷為?|診斷為|診斷出|被診斷出?|證實為|檢出)[^，。；、\n]{{0,10}}?{DISEASE_END}"
    )),
    ("health", re.compile(r"(?:精神|身心|心理)(?:疾病|病史|科就診|科門診|治療)|憂鬱症|思覺失調症?|躁鬱症|自殺(?:傾向|未遂)")),
    ("health", re.compile(r"(?:住院|就醫|就診|看診|手術|化療|洗腎|復健)(?:紀錄|記錄|病史|中|治療)|病史|病情|懷孕|流產|墮胎")),
    ("medical_record", re.compile(r"病歷(?:號碼|號|影本|資料|摘要|紀錄|記錄)?|診斷證明書?|醫療(?:紀錄|記錄)|處方箋|用藥紀錄")),
    ("health", re.compile(r"(?:領有|持有)?身心障礙(?:手冊|證明)|重大傷病(?:卡|證明)")),
    ("genetics", re.compile(r"基因(?:檢測|檢驗|篩檢|定序)(?:結果|報告)?|遺傳(?:性)?疾病|帶因者?|DNA(?:鑑定|檢測)")),
    ("sex_life", re.compile(r"性生活|性行為|性病|性傾向|性侵(?:害)?(?:被害|案件)?")),
    ("health_check", re.compile(r"(?:健康檢查|健檢|體檢|體格檢查)(?:結果|報告|異常|紀錄)")),
    ("criminal_record", re.compile(
        r"前科|犯罪(?:紀錄|記錄|前科)|刑事(?:紀錄|記錄|案件紀錄)|"
        r"(?:曾|因)[^，。；\n]{0,12}?(?:判刑|判處|入獄|入監|服刑|緩刑|假釋|通緝|有期徒刑|易科罰金)"
    )),
]
LAW_CONTEXT = re.compile(r"個人資料保護法|個資法|特種個(?:人)?資|第\s*6\s*條|第六條|保障法|條例|辦法|規定|宣導|課程|講習")
NEGATION_BEFORE = re.compile(r"(?:無|未有|沒有|查無|並無|非)[^，。；\n]{0,2}$")
STATUTE_AFTER = re.compile(r"(?:者權益|防治法|法|條例|防制)")


class SensitiveCategoryRecognizer(Recognizer):
    name = "sensitive_category"
    type = SENSITIVE_CATEGORY

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        spans: list[tuple[int, int, str]] = []
        matches = ((category, m) for category, pattern in PATTERN_LIST for m in pattern.finditer(text))
        for category, match in matches:
            start, end = match.start(), match.end()
            if category == "criminal_record" and text[start:end].endswith("前科"):
                start = end - 2 - (2 if text[end - 4:end - 2] in ("竊盜", "毒品", "詐欺", "傷害", "酒駕") else 0)
            if NEGATION_BEFORE.search(text, max(0, start - 4), start) or STATUTE_AFTER.match(text, end):
                continue
            if LAW_CONTEXT.search(scan_text.sentence(start, end)):
                continue
            spans.append((start, end, category))
        spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
        last_end = -1
        for start, end, category in spans:
            if start < last_end:
                continue
            last_end = end
            yield self.finding(scan_text, start, end, 0.8, ["phrase", f"category:{category}"])
