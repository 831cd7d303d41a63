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

DISEASE_END = (
    r"(?:症候群|症|病|癌|炎|瘤|障礙|失調|中風|愛滋|HIV|陽性|感染|骨折|骨裂|腫瘤|疾患|失智|成癮|癲癇|結核|病毒|損傷|臥床|失能|"
    r"梗塞|突出|斷裂|截肢|衰竭|撕裂|挫傷|燒燙傷|灼傷|腦震盪|昏迷|意識不清|病變|出血)"
)
# Disease nouns that say something about a person only when the sentence is about a person (PERSON_CUE).
DISEASE_NOUN = (
    r"(?:失智症|自閉症|憂鬱症|焦慮症|思覺失調症|躁鬱症|癌症|[肺肝胃大腸乳]癌|愛滋病?|肺結核|糖尿病|高血壓|心臟病|中風|洗腎|"
    r"精神疾病|罕見疾病|重大傷病|骨折|骨裂|截肢|植物人|失能|臥床|懷孕|流產|HIV|心肌梗塞|腎衰竭|韌帶斷裂)"
)
# (category, pattern, keys): a pattern runs only when one of its keys occurs in the text (lower-cased for
# English), so the common case — a text with none of these words — costs a few substring searches.
PATTERN_LIST: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("health", re.compile(
        rf"(?:罹患|患有|罹|確診|經(?:醫師|醫院)?(?:診斷|鑑定|檢驗|檢查)(?:確診|為|出)?|診斷為|診斷出|鑑定為|被診斷出?|證實為|檢出|"
        rf"疑似|致|導致|造成|死亡原因為?|死因為?)"
        rf"[^，。；、\n]{{0,12}}?{DISEASE_END}(?:症|病|期|型)?"
    ), ("罹", "患", "確診", "診斷", "鑑定", "檢驗", "檢查", "證實", "檢出", "疑似", "致", "造成", "死")),
    ("health", re.compile(r"(?:精神|身心|心理)(?:疾病|病史|科就診|科門診|治療)|自殺(?:傾向|未遂)"), ("精神", "身心", "心理", "自殺")),
    ("health", re.compile(
        r"(?=[住接進施動就看手化洗復加病])住院(?!醫師)(?:[^，。；\n]{0,12}?(?:手術|治療|觀察|開刀|化療))?|"
        r"(?:接受|進行|施行|動)[^，。；\n]{0,10}?(?:手術|化療|放療|洗腎|透析|復健治療)|"
        r"(?:就醫|就診|看診|手術|化療|洗腎|復健)(?:紀錄|記錄|病史)|加護病房|病情|"
        r"(?:醫院|診所|急診)(?:就診|就醫|治療|急救)|送[^，。；\n]{0,10}(?:醫院|急診)(?:急救|救治|治療)?|有[^，。；\n]{1,8}病史"
    ), ("住院", "手術", "化療", "放療", "洗腎", "透析", "復健", "就醫", "就診", "看診", "加護", "病情", "醫院", "診所", "急診", "病史")),
    ("medical_record", re.compile(r"病歷(?:號碼|號|影本|資料|摘要|紀錄|記錄)?|醫療(?:紀錄|記錄)|處方箋|用藥紀錄"), ("病歷", "醫療", "處方", "用藥")),
    ("health", re.compile(r"身心障礙(?:手冊|證明)|重大傷病(?:卡|證明)"), ("身心障礙", "重大傷病")),
    ("genetics", re.compile(r"基因(?:檢測|檢驗|篩檢|定序)(?:結果|報告)?|遺傳(?:性)?疾病|帶因者?|DNA(?:鑑定|檢測)"), ("基因", "遺傳", "帶因", "DNA")),
    ("sex_life", re.compile(r"性生活|性行為|性關係|性病|性傾向|性侵(?:害)?(?:被害|案件)?|婚外情|外遇"), ("性", "婚外", "外遇")),
    ("health_check", re.compile(r"(?:健康檢查|健檢|體檢|體格檢查)(?:結果|報告|異常|紀錄)"), ("健康檢查", "健檢", "體檢", "體格檢查")),
    ("criminal_record", re.compile(
        r"前科|犯罪(?:紀錄|記錄|前科)(?!證明)|刑事(?:紀錄|記錄|案件紀錄)(?!證明)|刑案紀錄|"  # not the 良民證 document
        r"犯[^，。；\n]{1,14}?罪(?:[（(][^）)\n]{1,12}[）)])?|"
        r"(?:判處|處|判)有期徒刑[^，。；\n]{0,8}?(?:月|年)(?:確定)?|"
        r"判(?:處|決)[^，。；\n]{0,12}?(?:罪|有罪)(?:確定)?|有罪確定|"
        r"(?:曾|因)[^，。；\n]{0,12}?(?:判刑|入獄|入監|服刑|緩刑|假釋|通緝|易科罰金)"
    ), ("前科", "犯", "刑事", "刑案", "徒刑", "判", "入獄", "入監", "服刑", "緩刑", "假釋", "通緝", "易科", "有罪")),
    # English
    ("health", re.compile(
        r"(?=[dDhHmMsS])diagnosed with [^.,;\n]{2,40}|hospitali[sz]ed|"
        r"(?:HIV|hepatitis [A-E])[- ]positive|(?:medical|health) (?:records?|history|condition)|"
        r"(?:suffers|suffering) from [^.,;\n]{2,30}|mental (?:illness|health condition)|"
        r"(?:was|were|been) admitted\b[^.;\n]{0,60}",
        re.IGNORECASE,
    ), ("diagnos", "hospitali", "positive", "medical", "health", "suffer", "mental", "admitted")),
    ("genetics", re.compile(r"genetic (?:test(?:ing)?|screening) results?", re.IGNORECASE), ("genetic",)),
    ("sex_life", re.compile(r"(?=[sS])sex(?:ual)? (?:life|history|orientation)", re.IGNORECASE), ("sex",)),
    ("health_check", re.compile(r"(?=[hHmM])(?:health|medical) (?:check(?:-?up)?|examination|screening) results?", re.IGNORECASE), ("health", "medical")),
    ("criminal_record", re.compile(
        r"(?:criminal (?:record|conviction|history)|conviction for [^.,;\n]{2,30}|"
        r"convicted of [^.,;\n]{2,30})",
        re.IGNORECASE,
    ), ("criminal", "convict")),
]
# A form field whose value is the special category: 「病史：高血壓、糖尿病」, 「刑案紀錄：曾犯…」.
FIELD = re.compile(
    r"(?P<label>病史|既往病史|疾病(?:名稱)?|病名|病因|病況|傷病(?:名稱|情形)?|診斷(?:結果)?|障礙類別|身心障礙類別|刑案紀錄|"
    r"犯罪紀錄|前科(?:紀錄)?|健檢結果|健康狀況|身心狀況|轉介原因|就醫紀錄|用藥|基因檢測結果)"
    r"(?:[ \t]*[:：][ \t]*|(?P<cell>[ ]*\t[ \t]*))"  # a colon, or the cell break of a Word table (病史<TAB>高血壓)
    r"(?P<value>[^\n\t□☐]{1,40}?)(?=[ 　]{2,}|[ \t　]*[□☐]|\t|\n|$)"  # the value ends at its cell
)
# Column headers: what the next cell holds in a header row (姓名<TAB>病史<TAB>備註), not a value.
HEADER_CELL = re.compile(r"(?:姓名|備註|電話|地址|性別|年齡|日期|編號|說明|結果|類別|狀態|項目|內容|病史|診斷|用藥|[\u3400-\u9fff]{0,4}(?:名稱|情形|紀錄|原因))$")
FIELD_EMPTY = re.compile(r"^(?:無|否|未|沒有|none|n/?a|[-－_＿ ]+)", re.IGNORECASE)
DISEASE_KEYS = ("症", "癌", "愛滋", "結核", "糖尿", "血壓", "心臟", "中風", "洗腎", "疾病", "傷病", "骨折", "植物人", "失能", "臥床", "懷孕", "流產", "HIV")
STANDALONE_DISEASE = re.compile(
    r"(?=[失自憂思躁癌肺肝胃大乳愛糖高心中洗精罕重骨植臥懷流H])"
    + DISEASE_NOUN
    + r"(?![\u3400-\u9fff]{0,2}(?:政策|宣導|防治|照護|衛教|計畫|服務|中心|專線|門診|機構|業務|補助|篩檢|日|週|月|共同))"
)
PERSON_CUE = re.compile(
    r"個案[：:\t]|該員|該生|其(?:母|父|子|女|妻|夫|配偶|家人)|臺端|申訴人|請求人|被害人|員警|勞工|學生|傷者|台端|本人|患者|病患|病人|傷者|之子|之女|君|先生|小姐|女士|"
    r"同仁|科員|員工|申請人|陳情人|當事人|小妹妹|小弟弟|阿嬤|阿公|他|她|he |she |his |her "
)
# Words in front of a phrase that belong to it (有竊盜罪前科, 曾犯…罪, was diagnosed with, a prior conviction):
# matched backwards from the phrase, so that the phrase patterns can start with a literal and scan fast.
LEADING_WORDS = re.compile(
    r"(?:(?:竊盜|毒品|詐欺|傷害|酒駕|公共危險|性侵|妨害性自主|殺人|搶奪|強盜|恐嚇|賭博|侵占|背信)罪?|曾|因|涉|領有|持有|"
    r"(?:was|were|is|been|being|a|any|prior|previous) )+$",
    re.IGNORECASE,
)
# English nouns of a category (medical records, criminal record, sex life) say something about a person only
# near a word that points at one; verbs (diagnosed with, convicted of, hospitalized) always do.
ENGLISH_NOUN_PHRASE = re.compile(r"(?:medical|health) (?:records?|history|condition)|criminal (?:record|history)|sex", re.I)
ENGLISH_PERSON_CUE = re.compile(
    r"\b(?:he|she|his|her|him|patient|applicant|employee|client|Mr|Ms|Mrs|Dr|staff member|officer)\b|'s\b", re.I
)
LAW_CONTEXT = re.compile(
    r"個人資料保護法|個資法|特種個(?:人)?資|第\s*6\s*條|第六條|宣導|課程|講習|教材|"
    r"政策|計畫|統計|比率|人數|預警|防治|衛教|照護網"  # sentences about a programme or figures, not a person
)
NEGATION_BEFORE = re.compile(r"(?:無|未有|沒有|查無|並無|非)[^，。；\n]{0,2}$")
STATUTE_AFTER = re.compile(r"(?:者權益|防治法|法|條例|防制|求助|專線|防治|宣導|通報|書?(?:格式|範本|樣式|表單|欄位|填寫說明))")


class SensitiveCategoryRecognizer(Recognizer):
    name = "sensitive_category"
    type = SENSITIVE_CATEGORY

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        spans: list[tuple[int, int, str]] = []
        fields = list(FIELD.finditer(text)) if any(c in text for c in "：:\t") else []
        for field in fields:
            value = field.group("value").rstrip()
            if field.group("cell") and HEADER_CELL.match(value):
                continue  # a header row of a table: the next cell is another column's name
            if not FIELD_EMPTY.match(value):
                spans.append((field.start("value"), field.start("value") + len(value), "field:" + field.group("label")))
        field_labels = {(f.start("label"), f.end("label")) for f in fields}
        lower = text.lower()
        matches = (
            (category, m)
            for category, pattern, keys in PATTERN_LIST
            if any(key in lower for key in keys)
            for m in pattern.finditer(text)
        )
        for category, match in matches:
            start, end = match.start(), match.end()
            leading = LEADING_WORDS.search(text, max(0, start - 12), start)
            if leading:
                start = leading.start()
            if any(s <= start < e for s, e in field_labels):
                continue  # the label of a form field, not its value
            if NEGATION_BEFORE.search(text, max(0, start - 4), start) or STATUTE_AFTER.match(text, end):
                continue
            if LAW_CONTEXT.search(scan_text.sentence(start, end)):
                continue
            if ENGLISH_NOUN_PHRASE.match(text, match.start()) and not ENGLISH_PERSON_CUE.search(
                text, max(0, start - 80), min(len(text), end + 80)
            ):
                continue
            spans.append((start, end, category))
        for match in STANDALONE_DISEASE.finditer(text) if any(c in text for c in DISEASE_KEYS) else ():
            start, end = match.start(), match.end()
            sentence = scan_text.sentence(start, end)
            if PERSON_CUE.search(sentence) and not LAW_CONTEXT.search(sentence):
                if not NEGATION_BEFORE.search(text, max(0, start - 4), start):
                    spans.append((start, end, "health"))
        spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
        last_end = -1
        for start, end, category in spans:
            if start < last_end:
                continue
            last_end = end
            yield self.finding(scan_text, start, end, 0.8, ["phrase", f"category:{category}"])
