"""SENSITIVE_CATEGORY: — 個資法第6條 special categories about a person: health and medical records, genetics,
sex life, health checks, criminal records. The span is the phrase that reveals it (罹患憂鬱症, 病歷影本,
基因檢測結果, 有竊盜前科). Sentences *about* the law (個資法第6條所定病歷…), negations (無前科) and statute
names (身心障礙者權益保障法) are not findings.

Recall: criminal-record and drug phrasing about a person (前因詐欺罪判處有期徒刑, 因持有毒品經強制戒治, 觀察勒戒,
發監執行), treatment (肺腺癌術後放療中, 長期服用抗憂鬱藥物), disability (中度視覺障礙, 肢體障礙（中度）); a form field
whose value is the category, after a colon or in the next cell of a Word table (病史<TAB>高血壓).
Precision: a category word inside another word (前科技部, 中風險, 急性病房, 病媒蚊), a statement that the data is
withheld (病情依規定不予記載), statute text and legal boilerplate about crime in general (如更犯本件有期徒刑以上之
罪, 毒品危害防制條例第20條…施用第一級毒品者), conditionals about unnamed people (民眾如出現…), unticked boxes,
statistics and programmes (114年度員工健康檢查, 觀察勒戒人數).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import ahocorasick_rs

from nlp.finding import SENSITIVE_CATEGORY, Finding
from nlp.recognizers.base import Recognizer, column_cells
from nlp.text import ScanText

DISEASE_END = (
    r"(?:症候群|症|病|癌|炎|瘤|障礙|失調|中風|愛滋|HIV|陽性|感染|骨折|骨裂|腫瘤|疾患|失智|成癮|癲癇|結核|病毒|損傷|臥床|失能|"
    r"梗塞|突出|斷裂|截肢|衰竭|撕裂|挫傷|燒燙傷|灼傷|腦震盪|昏迷|意識不清|病變|出血|麻痺|癱瘓|偏癱|帶原)"
)
# Cancers by organ, as 病歷 and 陳情 write them (肺腺癌, 乳癌): the disease in front of a treatment.
CANCER = r"(?:肺腺|肺|肝|胃|大腸|直腸|結腸|乳|腦|口腔|食道|胰臟|攝護腺|子宮頸|子宮|卵巢|甲狀腺|鼻咽|膀胱|腎|皮膚)癌|腦瘤|腫瘤"
# Disease nouns that say something about a person only when the sentence is about a person (PERSON_CUE).
DISEASE_NOUN = (
    r"(?:失智症|自閉症|憂鬱症|焦慮症|思覺失調症|躁鬱症|癌症|肺癌|肝癌|胃癌|大癌|腸癌|乳癌|愛滋病?|肺結核|糖尿病|高血壓|心臟病|中風|洗腎|"
    r"精神疾病|罕見疾病|重大傷病|骨折|骨裂|截肢|植物人|失能|臥床|懷孕|流產|HIV|心肌梗塞|腎衰竭|韌帶斷裂|"
    r"阿茲海默症|帕金森氏?症|小兒麻痺|偏癱|癱瘓|A型肝炎(?:帶原)?|B型肝炎(?:帶原)?|C型肝炎(?:帶原)?|肝硬化|氣喘|癲癇|腎病變|過動症|亨丁頓舞蹈症)"
)


def _each(words: tuple[str, ...], rest: str) -> str:
    """``word rest`` for each word, as alternatives: a pattern whose every alternative starts with a literal lets the
    regex engine skip to where one may start (``(?:a|b)c`` in front hides the first characters from it)."""
    return "|".join(word + rest for word in words)


# (category, pattern, keys): a pattern runs only when one of its keys occurs in the text (lower-cased for
# English), so the common case — a text with none of these words — costs a few substring searches.
PATTERN_LIST: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    ("health", re.compile(
        rf"(?:罹患|患有|罹|確診|經(?:醫師|醫院)?(?:診斷|鑑定|檢驗|檢查)(?:確診|為|出)?|診斷為|診斷出|鑑定為|被診斷出?|證實為|檢出|"
        rf"疑似|致|導致|造成|死亡原因為?|死因為?)"
        rf"[^，,。；;、\n]{{0,12}}?{DISEASE_END}(?:症|病|期|型)?"
    ), ("罹", "患", "確診", "診斷", "鑑定", "檢驗", "檢查", "證實", "檢出", "疑似", "致", "造成", "死")),
    ("health", re.compile(_each(("精神", "身心", "心理"), "(?:疾病|病史|科就診|科門診|治療)") + "|自殺(?:傾向|未遂)"), ("精神", "身心", "心理", "自殺")),
    ("health", re.compile(
        r"住院(?!醫師)(?:[^，,。；;\n]{0,12}?(?:手術|治療|觀察|開刀|化療))?|"
        + _each(("接受", "進行", "施行", "動"), r"[^，,。；;\n]{0,10}?(?:手術|化療|放療|洗腎|透析|復健治療)") + "|"
        + _each(("就醫", "就診", "看診", "手術", "化療", "洗腎", "復健"), "(?:紀錄|記錄|病史)") + "|加護病房|病情|"
        + _each(("醫院", "診所", "急診"), "(?:就診|就醫|治療|急救)") + r"|有[^，,。；;\n]{1,8}病史|"
        # taken to hospital for treatment; 「送往…醫院」 alone is where an ambulance went
        r"送醫(?:急救|救治|治療)|送[^，,。；;\n]{0,10}(?:醫院|急診)[^，,。；;\n]{0,6}?(?:急救|救治|治療|加護病房|開刀|手術)"
    ), ("住院", "手術", "化療", "放療", "洗腎", "透析", "復健", "就醫", "就診", "看診", "加護", "病情", "醫院", "診所", "急診", "病史", "送醫")),
    ("medical_record", re.compile(r"病歷(?:號碼|號|影本|資料|摘要|紀錄|記錄)?|醫療(?:紀錄|記錄)|處方箋|用藥紀錄"), ("病歷", "醫療", "處方", "用藥")),
    ("health", re.compile(r"身心障礙(?:手冊|證明)|重大傷病(?:卡|證明)"), ("身心障礙", "重大傷病")),
    ("genetics", re.compile(r"基因(?:檢測|檢驗|篩檢|定序)(?:結果|報告)?|遺傳(?:性)?疾病|帶因者?|DNA(?:鑑定|檢測)"), ("基因", "遺傳", "帶因", "DNA")),
    ("sex_life", re.compile(r"性生活|性行為|性關係|性病|性傾向|性侵(?:害)?(?:被害|案件)?|婚外情|外遇"), ("性", "婚外", "外遇")),
    ("health_check", re.compile(r"(?:健康檢查|健檢|體檢|體格檢查)(?:結果|報告|異常|紀錄)"), ("健康檢查", "健檢", "體檢", "體格檢查")),
    ("criminal_record", re.compile(
        r"前科|犯罪(?:紀錄|記錄|前科)(?!證明)|刑事(?:紀錄|記錄|案件紀錄)(?!證明)|刑案紀錄|"  # not the 良民證 document
        r"犯[^，,。；;\n]{1,14}?罪(?:[（(][^）)\n]{1,12}[）)])?|"
        r"判處有期徒刑(?:[^，,。；;\n]{0,8}?(?:月|年)(?:確定)?)?|"  # alternatives written out from a literal each:
        r"處有期徒刑(?:[^，,。；;\n]{0,8}?(?:月|年)(?:確定)?)?|"  # the regex engine skips to where one may start
        r"判有期徒刑(?:[^，,。；;\n]{0,8}?(?:月|年)(?:確定)?)?|"
        r"判(?:處|決)[^，,。；;\n]{0,12}?(?:罪|有罪)(?:確定)?|有罪確定|"
        r"曾[^，,。；;\n]{0,12}?(?:判刑|入獄|入監|服刑|緩刑|假釋|通緝|易科罰金)|"
        r"因[^，,。；;\n]{0,12}?(?:判刑|入獄|入監|服刑|緩刑|假釋|通緝|易科罰金)"
    ), ("前科", "犯", "刑事", "刑案", "徒刑", "判", "入獄", "入監", "服刑", "緩刑", "假釋", "通緝", "易科", "有罪")),
    # drugs and custody: 施用第二級毒品經觀察勒戒, 令入戒治處所施以強制戒治, 發監執行
    ("criminal_record", re.compile(
        _each(("施用", "持有", "販賣", "運輸", "轉讓", "製造"),
              r"(?:第[一二三四]級)?毒品(?:[^，,。；;\n]{0,16}?(?:觀察勒戒|強制戒治|判刑|有期徒刑|起訴))?") + "|"
        r"令入(?:勒戒|戒治)處所(?:[^，,。；;\n]{0,6}?(?:觀察勒戒|強制戒治))?|"
        # not 聲請強制戒治, 無繼續強制戒治之必要
        + _each(("經", "曾", "施以", "接受", "執行", "完成"), "(?:觀察勒戒|強制戒治)") + "|觀察勒戒中|強制戒治中|"
        r"發監執行|發監服刑|入監執行|入監服刑|易服勞役"
    ), ("毒品", "勒戒", "戒治", "發監", "入監", "易服勞役")),
    # English
    ("health", re.compile(
        # one look-ahead on the first letters of every alternative lets the regex engine skip other positions
        r"(?=[dDhHmMsSwWbBaA])(?:diagnosed with [^.,;\n]{2,40}|hospitali[sz]ed|"
        r"(?:HIV|hepatitis [A-E])[- ]positive|(?:medical|health) (?:records?|history|condition)|"
        r"(?:suffers|suffering) from [^.,;\n]{2,30}|mental (?:illness|health condition)|"
        r"(?:was|were|been) admitted\b[^.;\n]{0,60}|"
        r"(?:has|have|had) (?:an? )?(?:severe |serious |mild |known )?(?:[a-z]+ )?allergy(?: to [^.,;\n]{2,30})?|allergic to [^.,;\n]{2,30})",
        re.IGNORECASE,
    ), ("diagnos", "hospitali", "positive", "medical", "health", "suffer", "mental", "admitted", "allerg")),
    ("genetics", re.compile(r"genetic (?:test(?:ing)?|screening) results?", re.IGNORECASE), ("genetic",)),
    ("sex_life", re.compile(r"(?=[sS])sex(?:ual)? (?:life|history|orientation)", re.IGNORECASE), ("sex",)),
    ("health_check", re.compile(r"(?=[hHmM])(?:health|medical) (?:check(?:-?up)?|examination|screening) results?", re.IGNORECASE), ("health", "medical")),
    ("criminal_record", re.compile(
        r"(?:criminal (?:record|conviction|history)|conviction for [^.,;\n]{2,30}|"
        r"convicted of [^.,;\n]{2,30})",
        re.IGNORECASE,
    ), ("criminal", "convict")),
]
# Phrases that name a treatment or a condition but not whose it is: a finding only in a sentence about a
# person (PERSON_CUE) or in a form field; 「化療中應注意營養」 is health education.
PERSON_PATTERN_LIST: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # treatment: 肺腺癌術後放療中, 化療中, 長期服用抗憂鬱藥物, 正服藥中 (the disease in front is taken by LEADING_WORDS)
    ("health", re.compile(
        _each(("術後", "手術後"), r"(?:[^，,。；;\n]{0,8}?(?:放療|化療|放射線?治療|標靶治療|追蹤|復健)中?)?") + "|"
        r"放療中|化療中|放射線?治療中|標靶治療中|免疫治療中|服藥(?:中|控制)|"
        r"服用[^，,。；;\n]{0,8}?(?:抗憂鬱|抗精神病|抗焦慮|安眠|鎮定|精神科|降血壓|降血糖|抗癲癇|抗凝血|抗病毒|類固醇)[^，,。；;\n]{0,4}?(?:藥物|藥|劑)"
    ), ("術後", "手術後", "放療", "化療", "治療中", "服藥", "服用")),
    # addiction and disability: 藥癮尚未穩定, 中度視覺障礙, 肢體障礙（中度）
    ("health", re.compile(
        _each(("藥", "酒", "毒"), r"癮(?:[^，,。；;\n]{0,4}?(?:戒治|治療|未穩定|復發)中?)?") + "|"
        + _each(("輕度", "中度", "重度", "極重度"), r"(?:[^，,。；;\n]{0,4}?(?:障礙|失智|失能|智能不足))") + "|"
        + _each(("視覺", "聽覺", "肢體", "智能", "精神", "語言", "平衡機能", "聲音", "多重", "顏面", "器官"),
                r"(?:功能)?障礙(?:[（(](?:輕度|中度|重度|極重度)[）)])?")
    ), ("癮", "障礙", "失智", "失能", "智能不足")),
]
# A form field whose value is the special category: 「病史：高血壓、糖尿病」, 「刑案紀錄：曾犯…」.
FIELD = re.compile(
    r"(?P<label>病史|既往病史|疾病(?:名稱)?|病名|病因|病況|傷病(?:名稱|情形)?|診斷(?:結果)?|障礙類別|身心障礙類別|刑案紀錄|"
    r"犯罪紀錄|前科(?:紀錄)?|健檢結果|健康狀況|身心狀況|轉介原因|就醫紀錄|用藥|基因檢測結果)"
    r"(?:[ \t]*[:：][ \t]*|(?P<cell>[ ]*\t[ \t]*))"  # a colon, or the cell break of a Word table (病史<TAB>高血壓)
    r"(?P<value>[^\n\t□☐]{0,40}?)(?=[ 　]{2,}|[ \t　]*[□☐]|\t|\n|$)"  # the value ends at its cell
)
# Column headers: what the next cell holds in a header row (主要診斷<TAB>CMS等級<TAB>備註), not a value.
HEADER_CELL = re.compile(
    r"[^\t\n]{0,6}(?:姓名|備註|電話|地址|性別|年齡|日期|編號|說明|結果|類別|狀態|項目|內容|病史|診斷|用藥|等級|級別|名稱|情形|紀錄|記錄|"
    r"原因|專員|人員|單位)$"
)
# Check boxes in a field's line: a ticked one (■肢體障礙（中度）) is the value; an unticked one (□視覺障礙) is not.
TICKED_ITEM = re.compile(r"[■☑☒✔✓][ ]?(?P<item>[^□☐■☑☒✔✓\t\n　]{1,24})")
# A table column of the category, named in the header row only (a roster pasted from Excel or Word).
COLUMN_HEADER = re.compile(
    r"^[^\t\n]{0,4}(?:病史|診斷|疾病(?:名稱)?|病名|傷病(?:名稱)?|障礙類別|前科|刑案紀錄|犯罪紀錄|健檢結果|檢查結果|健康狀況|身心狀況|用藥)[ ]*$"
)
COLUMN_KEYS = ("病", "診斷", "障礙", "前科", "刑案", "犯罪", "結果", "健康", "身心", "用藥")
FIELD_EMPTY = re.compile(r"^(?:無|否|未|沒有|none|n/?a|[-－_＿ ]+)", re.IGNORECASE)
DISEASE_KEYS = (
    "症", "癌", "愛滋", "結核", "糖尿", "血壓", "心臟", "中風", "洗腎", "疾病", "傷病", "骨折", "植物人", "失能", "臥床", "懷孕",
    "流產", "HIV", "麻痺", "癱", "肝炎", "肝硬化", "氣喘", "癲癇", "腎病變",
)
STANDALONE_DISEASE = re.compile(
    DISEASE_NOUN
    + r"(?![\u3400-\u9fff]{0,2}(?:政策|宣導|防治|照護|衛教|計畫|服務|中心|專線|門診|機構|業務|補助|篩檢|日|週|月|共同))"
)
PERSON_CUE = re.compile(
    r"個案[：:\t]|該員|該生|其(?:母|父|子|女|妻|夫|配偶|家人)|臺端|申訴人|請求人|被害人|員警|勞工|學生|傷者|台端|本人|患者|病患|病人|傷者|之子|之女|君|先生|小姐|女士|"
    r"同仁|科員|員工|申請人|陳情人|當事人|小妹妹|小弟弟|阿嬤|阿公|他|她|he |she |his |her |"
    r"被告|受刑人|受處分人|聲請人|抗告人|受判決人|案主|案[父母妻夫]|家[父母]|[長次][子女]|父親|母親|配偶|太太|丈夫|兒子|女兒|我(?![國們方])"
)
# Someone named or pointed at, not a role in general: the test for conditionals and statute text.
SPECIFIC_PERSON = re.compile(
    r"該員|該生|其(?:母|父|子|女|妻|夫|配偶|家人)|臺端|台端|本人|君|先生|小姐|女士|陳情人|申請人|當事人|被告|受刑人|受處分人|"
    r"聲請人|抗告人|案主|個案[：:\t]|[長次][子女]|我(?![國們方])|他|她"
)
# Words in front of a phrase that belong to it (有竊盜罪前科, 曾犯…罪, was diagnosed with, a prior conviction):
# matched backwards from the phrase, so that the phrase patterns can start with a literal and scan fast.
LEADING_WORDS = re.compile(
    rf"(?:(?:竊盜|毒品|詐欺|傷害|酒駕|公共危險|性侵|妨害性自主|殺人|搶奪|強盜|恐嚇|賭博|侵占|背信)罪?|曾|因|涉|領有|持有|前|"
    rf"{CANCER}|(?:長期|持續|規律|定期|目前|正在?|需)|"
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
NEGATION_BEFORE = re.compile(r"(?:無|未有|沒有|查無|並無|非)[^，,。；;\n]{0,2}$")
# A category word inside another word: 前科技部, 中風險, 急性病房, 疑似病媒蚊, 防癌.
INSIDE_WORD = re.compile(r"前科技|中風險|[急慢]性病房|病媒|病蟲|防癌|抗癌|癌篩")
# The data withheld, not given: 病情依規定不予記載, 病歷不予提供.
WITHHELD_AFTER = re.compile(r"[^，,。；;\n]{0,5}?(?:不予|未予|恕不|不便|不得)(?:記載|公開|揭露|提供|說明|透露)")
# Statute text and boilerplate about crime in general: 第20條…施用第一級毒品者, 如更犯本件有期徒刑以上之罪.
STATUTE_SENTENCE = re.compile(r"第\s*[0-9一二三四五六七八九十百]+\s*條|依[^，,。；;\n]{0,8}規定")
GENERIC_BEFORE = re.compile(r"(?:如|若|倘|凡|更|再|一旦|如有|若有|如於[^，,。；;\n]{0,8}?)$")
GENERIC_INSIDE = re.compile(r"以上之罪|本件|本罪|之罪者|[^，,。；;\n]者$")
# A conditional about unnamed people, in the clause before the phrase: 民眾如出現…症狀, 若確診…應, 以免….
CONDITIONAL = re.compile(r"(?:(?<![例假比])如(?![下附次同上期])|若|倘|一旦|凡|預防|避免|以免)[^，,、；;。\n]*$")
# Health checks of a programme, not a person's result: 114年度員工健康檢查, 定期健檢.
PROGRAMME_BEFORE = re.compile(r"(?:年度|員工|定期|人員|成人|學生|全體|免費)$")
# A result stated after the report: 健康檢查報告顯示⟨肝功能指數異常（GPT 128）⟩.
RESULT_AFTER = re.compile(r"(?:顯示|發現|為|指出)[：:]?(?P<value>[^，,。；;\n]{2,40})")
# 病歷號: the label of a record number, not what the record says.
RECORD_NUMBER = re.compile(r"病歷(?:號碼|號)[ \t]*[:：\t]?[ \t]*[A-Za-z0-9]")
UNTICKED_BEFORE = re.compile(r"[□☐][ ]?$")
# Two findings joined in one condition: 阿茲海默症合併高血壓, 頭部外傷併硬腦膜下出血.
JOINED = re.compile(r"(?:合併|併|、|及|與)?")
STATUTE_AFTER = re.compile(r"(?:者權益|防治法|法|條例|防制|求助|專線|防治|宣導|通報|書?(?:格式|範本|樣式|表單|欄位|填寫說明))")


SENTENCE_END = re.compile(r"[。！？!?；;\n]")
SENTENCE_END_BEFORE = re.compile(r"[。！？!?；;\n][^。！？!?；;\n]*$")
# How far a sentence reaches from a phrase: a line of 100,000 characters without a full stop must not make
# every phrase read the whole line (quadratic time).
SENTENCE_REACH = 200


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)`` (split at 。！？； and line breaks), at most SENTENCE_REACH each side."""
    left = max(0, start - SENTENCE_REACH)
    stop = SENTENCE_END_BEFORE.search(text, left, start)
    if stop:
        left = stop.start() + 1
    stop = SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    return left, stop.start() if stop else min(len(text), end + SENTENCE_REACH)


# Every key above, found in one pass over the lower-cased text (Aho–Corasick) instead of a search per key.
DISEASE_KEYS_LOWER = frozenset(key.lower() for key in DISEASE_KEYS)  # a looser gate (hiv for HIV) lets no phrase by
_KEYS = sorted({key for _, _, keys in PATTERN_LIST + PERSON_PATTERN_LIST for key in keys} | DISEASE_KEYS_LOWER)
_KEY_AUTOMATON = ahocorasick_rs.AhoCorasick(_KEYS)


def _key_gate(lower: str) -> Callable[[Iterable[str]], bool]:
    """Whether any of some keys occurs in ``lower``. One pass finds every key present; in a long text, where the
    common keys occur thousands of times, a substring search per key (stopping at the first key found) is cheaper."""
    if len(lower) > 30_000:
        return lambda keys: any(key in lower for key in keys)
    present = {_KEYS[index] for index, _, _ in _KEY_AUTOMATON.find_matches_as_indexes(lower, overlapping=True)}
    return lambda keys: not present.isdisjoint(keys)


class SensitiveCategoryRecognizer(Recognizer):
    name = "sensitive_category"
    type = SENSITIVE_CATEGORY

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        spans, labels = self._field_values(scan_text)
        field_labels = [(start, end) for start, end, _ in labels]
        occurs = _key_gate(scan_text.lowered)
        matches = [
            (category, m, needs_person)
            for needs_person, patterns in ((False, PATTERN_LIST), (True, PERSON_PATTERN_LIST))
            for category, pattern, keys in patterns
            if occurs(keys)
            for m in pattern.finditer(text)
        ]
        for category, match, needs_person in matches:
            start, end = match.start(), match.end()
            leading = LEADING_WORDS.search(text, max(0, start - 12), start)
            if leading:
                start = leading.start()
            if any(s <= start < e for s, e in field_labels):
                continue  # the label of a form field, not its value
            if not self._about_a_person(scan_text, category, start, end, match.start(), needs_person):
                continue
            if ENGLISH_NOUN_PHRASE.match(text, match.start()) and not ENGLISH_PERSON_CUE.search(
                text, max(0, start - 80), min(len(text), end + 80)
            ):
                continue
            if category == "health_check":
                result = RESULT_AFTER.match(text, end)
                if result:
                    start, end = result.span("value")  # the result is what reveals the health
            spans.append((start, end, category))
        for match in STANDALONE_DISEASE.finditer(text) if occurs(DISEASE_KEYS_LOWER) else ():
            start, end = match.start(), match.end()
            if self._about_a_person(scan_text, "health", start, end, start, needs_person=True):
                spans.append((start, end, "health"))
        yield from (
            self.finding(scan_text, start, end, 0.8, ["phrase", f"category:{category}"])
            for start, end, category in self._joined(text, spans)
        )

    @staticmethod
    def _field_values(scan_text: ScanText) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
        """Values of form fields (病史：高血壓; 病史<TAB>高血壓 in a Word table), not header rows or empty values;
        and the fields' labels. Both per call: one engine serves concurrent requests, so nothing is kept on self."""
        text = scan_text.folded
        labels: list[tuple[int, int, str]] = []
        spans: list[tuple[int, int, str]] = []
        for field in FIELD.finditer(text) if any(c in text for c in "：:\t") else ():
            labels.append((field.start("label"), field.end("label"), field.group("label")))
            value = field.group("value").rstrip()
            if field.group("cell") and (
                field.start() > 0 and text[field.start() - 1] not in "\t\n" or HEADER_CELL.fullmatch(value)
            ):
                continue  # in a table a label fills its cell; a header row names the next column, no value
            if value and not FIELD_EMPTY.match(value) and value[0] not in "■☑☒✔✓":
                spans.append((field.start("value"), field.start("value") + len(value), "field:" + field.group("label")))
        if ("\t" in text or "  " in text) and any(k in text for k in COLUMN_KEYS):
            for start, end, header in column_cells(scan_text, COLUMN_HEADER):
                value = text[start:end].strip()
                if value and not FIELD_EMPTY.match(value) and not HEADER_CELL.fullmatch(value):
                    start += len(text[start:end]) - len(text[start:end].lstrip())
                    spans.append((start, start + len(value), "column:" + header.strip()))
        for start, end, label in labels:
            line_end = text.find("\n", end, end + 120)  # boxes sit on the label's line, near it
            for item in TICKED_ITEM.finditer(text, end, min(len(text), end + 120) if line_end < 0 else line_end):
                item_end = item.end("item")
                while text[item_end - 1] == " ":
                    item_end -= 1
                spans.append((item.start(), item_end, "field:" + label))
        return spans, labels

    @staticmethod
    def _about_a_person(
        scan_text: ScanText, category: str, start: int, end: int, phrase_start: int, needs_person: bool
    ) -> bool:
        """Whether the phrase at ``[start, end)`` says something about a person, not about the law or people at large."""
        text = scan_text.folded
        if NEGATION_BEFORE.search(text, max(0, start - 4), start) or STATUTE_AFTER.match(text, end):
            return False
        if UNTICKED_BEFORE.search(text, max(0, start - 2), start):
            return False  # □視覺障礙: a box not ticked
        if any(m.start() <= phrase_start < m.end() for m in INSIDE_WORD.finditer(text, max(0, phrase_start - 2), end + 2)):
            return False
        if WITHHELD_AFTER.match(text, end) or RECORD_NUMBER.match(text, phrase_start):
            return False
        sentence_start, sentence_end = _sentence_bounds(text, start, end)
        sentence = text[sentence_start:sentence_end]
        if LAW_CONTEXT.search(sentence):
            return False
        specific = SPECIFIC_PERSON.search(sentence)
        if needs_person and not PERSON_CUE.search(sentence):
            return False
        if category == "criminal_record":
            if GENERIC_BEFORE.search(text, max(sentence_start, start - 10), start) or GENERIC_INSIDE.search(text, start, end):
                return False
            if text.startswith("者", end):
                return False  # 施用第一級毒品者: whoever does it
        if category == "health_check" and PROGRAMME_BEFORE.search(text, max(0, start - 6), start):
            return False
        if not specific and STATUTE_SENTENCE.search(sentence) and category in ("criminal_record", "health"):
            return False  # statute text about crime or illness in general
        if not specific and CONDITIONAL.search(text, sentence_start, start):
            return False  # 民眾如出現…: nobody in particular
        return True

    @staticmethod
    def _joined(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Spans without overlaps, the first and longest kept; two joined by 合併 / 併 / 、 read as one."""
        spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
        kept: list[tuple[int, int, str]] = []
        for start, end, category in spans:
            if kept and start < kept[-1][1]:
                continue
            if kept and category == kept[-1][2] and JOINED.fullmatch(text, kept[-1][1], start):
                kept[-1] = (kept[-1][0], end, category)
                continue
            kept.append((start, end, category))
        return kept
