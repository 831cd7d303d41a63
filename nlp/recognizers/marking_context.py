"""When a marking word is *applied* to the text and when it is only *mentioned*.

Shared by the CLASSIFIED and RESTRICTED recognizers: a negation before it (本案非屬機密), quotation marks
around it (「密」字公文), an e-mail disclaimer around it, a sentence about rules or law, an enumeration of
levels (絕對機密、極機密、機密、密), and declassification (本件原列機密，已於114年1月1日解密).
"""

from __future__ import annotations

import re

from nlp.text import ScanText

NEGATION_BEFORE = re.compile(r"(?:非|不|未|無|免|並非|無須|無需|不需|不必|毋需|無涉)[屬為係列予是於涉]?[ ]?$")
QUOTES = {"「": "」", "『": "』", "“": "”", '"': '"', "‘": "’", "'": "'"}
# The confidentiality disclaimer at the foot of an e-mail always speaks of its recipient.
DISCLAIMER = re.compile(
    r"(?:收件(?:人|者)|寄件(?:人|者)|誤(?:收|寄|傳|送)|非(?:指定|本信|原)|如非本信|若您非|受文者以外|"
    r"intended (?:solely |only )?for|intended recipient|addressee|if you (?:are not|have received))",
    re.IGNORECASE,
)
ABOUT_RULES = re.compile(
    r"(?:保護法|施行細則|條例|辦法|作業要點|規定|規範|指引|原則|注意事項|Q&A|問：|答：|課程|講習|訓練|宣導|簡報|"
    r"分為|區分為|等級|如何|是否|可否|能否|應如何|之(?:文書|文件|公文)(?:不得|應|須)|不得使用|不可使用|禁止|"
    r"such as|e\.g\.|for example|markings?\b|stamps?\b|banners?\b)"
)
DECLASSIFIED = re.compile(
    r"(?:原(?:列|屬|為|核列|核定)[^。；\n]{0,30}(?:已|業已|業經|經)[^。；\n]{0,20}(?:解密|解除|註銷|降為普通|變更為普通))|"
    r"(?:已|業已|業經)(?:於[^，。；\n]{0,15})?(?:解密|解除(?:密等|機密|限閱)|註銷密等|降為普通)"
)
LEVEL_WORDS = ("絕對機密", "極機密", "機密", "密")
CJK = re.compile(r"[\u3400-\u9fff]")
# A marking word listed among other kinds of information: 「如含有機密、限閱或個人資料」.
ENUMERATION_NEIGHBOUR = re.compile(
    r"(?:絕對機密|極機密|機密|密|限閱|個人資料|個資|敏感資料)[ ]?[、/及與和或]|"
    r"[、/及與和或][ ]?(?:絕對機密|極機密|機密|密|限閱|個人資料|個資|敏感資料)"
)
HYPOTHETICAL = re.compile(r"如(?:含|有|屬|為|係)|若(?:含|有|屬|為|係)|倘|是否|可否|能否|不論|無論|凡")


def is_negated(scan_text: ScanText, start: int) -> bool:
    return bool(NEGATION_BEFORE.search(scan_text.folded, max(0, start - 4), start))


def is_quoted(scan_text: ScanText, start: int, end: int) -> bool:
    text = scan_text.folded
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in QUOTES and QUOTES[before] == after


def in_disclaimer(scan_text: ScanText, start: int, end: int) -> bool:
    return bool(DISCLAIMER.search(scan_text.sentence(start, end)))


def heads_disclaimer(scan_text: ScanText, end: int) -> bool:
    """True when the next non-empty line after ``end`` is an e-mail disclaimer."""
    text = scan_text.folded
    line_end = text.find("\n", end)
    if line_end == -1:
        return False
    following = text[line_end + 1:line_end + 400].lstrip("\n")
    return bool(DISCLAIMER.search(following.split("\n", 1)[0]))


def is_declassified(scan_text: ScanText, start: int, end: int) -> bool:
    return bool(DECLASSIFIED.search(scan_text.sentence(start, end)))


def about_rules(scan_text: ScanText, start: int, end: int) -> bool:
    return bool(ABOUT_RULES.search(scan_text.sentence(start, end)))


def in_enumeration(scan_text: ScanText, start: int, end: int) -> bool:
    """「絕對機密、極機密、機密、密」: a list of levels, as in training material."""
    text = scan_text.folded
    before = ENUMERATION_NEIGHBOUR.search(text, max(0, start - 6), start)
    return bool(ENUMERATION_NEIGHBOUR.match(text, end) or before and before.end() == start)


def inside_quotes(scan_text: ScanText, start: int, end: int) -> bool:
    """「本簽列為機密，請以密件處理」 quoted as an example: an open 「 before, its 」 after, on the same line."""
    text = scan_text.folded
    line_start, line_end = scan_text.line_bounds(start)
    opening = text.rfind("「", line_start, start)
    if opening == -1 or text.rfind("」", opening, start) != -1:
        return False
    return text.find("」", end, line_end) != -1


def is_hypothetical(scan_text: ScanText, start: int, end: int) -> bool:
    """「本郵件如含有限閱資料，…」: a condition, not a marking."""
    return bool(HYPOTHETICAL.search(scan_text.sentence(start, end)))


def mentioned_not_applied(scan_text: ScanText, start: int, end: int) -> bool:
    """True when the word at ``[start, end)`` is talked about rather than applied to this text."""
    return (
        is_negated(scan_text, start)
        or is_quoted(scan_text, start, end)
        or in_disclaimer(scan_text, start, end)
        or is_declassified(scan_text, start, end)
    )
