"""PERSON: names of natural persons — Traditional Chinese by rules (and CKIP NER when configured), English.

Without a model, names are found where officials write them:

* after a field label: 承辦人：王小明, 申請人 陳美玲, 陳情人王大明君, 出席：林志明、張淑芬;
* before an honorific or a title: 王小明先生, 李美華小姐, 陳建宏科長, 黃淑惠老師;
* after a title: 局長王大明, 承辦科長林志明;
* in a signature: 王小明 敬上, or a name alone on one of the last lines.

A name is a surname (single or compound, :mod:`surnames`) plus one or two given-name characters; the span
is the name without title or honorific. English names: after Mr./Ms./Dr., after Dear / From: / Contact:,
on the line after a closing (Best regards,), and romanised Taiwanese names (Wang Hsiao-ming).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PERSON, Finding
from nlp.recognizers.base import Recognizer
from nlp.recognizers.surnames import surname_length
from nlp.text import ScanText

LABELS = (
    "承辦人|承辦|聯絡人|連絡人|聯繫人|申請人|陳情人|檢舉人|申訴人|請願人|當事人|負責人|代理人|代表人|法定代理人|委託人|"
    "受託人|被保險人|要保人|受益人|經辦人|經手人|主席|主持人|記錄|紀錄|記錄人|紀錄人|報告人|發言人|主講人|講者|"
    "收件人|寄件人|姓名|案主|學生|病患|患者|員工|同仁|出席(?:人員)?|列席(?:人員)?|與會(?:人員)?|請假(?:人員)?|"
    "參加人員|核稿|決行|擬稿|會辦人|填表人|立書人|切結人|保證人|借款人|承租人|出租人|買受人|出賣人|被告|原告|"
    "證人|住戶|屋主|車主|駕駛人|嫌疑人|行為人|受處分人|違規人|家屬|配偶|父親|母親|子女|聯絡窗口|窗口|"
    "市民|民眾|里民|居民|學員|學童|個案|嫌犯|犯嫌|死者|傷者|被害人|受害人|同學|指導老師|老師"
)
HONORIFICS = "先生|小姐|女士|君|同學|老師|醫師|醫生|律師|會計師|建築師|技師|太太|阿姨|伯伯|女兒|兒子"
TITLES = (
    "科長|副科長|股長|專員|科員|課長|主任|副主任|處長|副處長|局長|副局長|主任秘書|秘書|技士|技正|技佐|視察|"
    "專門委員|組長|隊長|所長|院長|校長|董事長|總經理|經理|襄理|助理|市長|副市長|區長|里長|議員|委員|主委|"
    "主任委員|部長|次長|司長|署長|執行長|理事長|村長|參議|顧問|督導|社工員|社工師|檢察官|法官|警員|巡佐|"
    "所長|組員|辦事員|約聘人員|研究員|分析師|工程師|教授|副教授|博士|護理師|里幹事"
)
# Characters that never continue a given name here: particles and the first characters of what follows.
STOP = set("的於在是等及與和或之為並已將因所向對請就經由自從至到分電傳以如有無不者們這那其此該每各")
CJK = re.compile(r"[\u3400-\u9fff]")

LABEL_PATTERN = re.compile(
    rf"(?:{LABELS})[ \t]*[:：]?[ \t]*(?:(?:{TITLES})[ \t]*)?(?=[\u3400-\u9fff])"
)
HONORIFIC_PATTERN = re.compile(rf"(?:{HONORIFICS}|{TITLES})")
TITLE_BEFORE_PATTERN = re.compile(rf"(?<![\u3400-\u9fff])(?:{TITLES})(?=[\u3400-\u9fff])")
SIGNATURE_PATTERN = re.compile(r"[ \t]*(?:敬上|謹上|敬啟|謹啟|拜上|上)[ \t]*$", re.MULTILINE)
PARTICULARS = re.compile(
    r"[（(](?:身分證|民國|[0-9]{2,3}年|[A-Z][12][0-9]{8}|[A-Z][A-D89][0-9]{8}|男|女|[0-9]{1,3}歲|出生|電話|手機|09[0-9]{2})"
)
LIST_SEPARATOR = re.compile(r"[ \t]*[、,，及與][ \t]*(?:(?:" + TITLES + r")[ \t]*)?")

EN_NAME = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?"
EN_PATTERNS = [
    # Mr. John Smith / Dr. Chen
    re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx)\.?[ ]+(?P<name>{EN_NAME}(?:[ ]+{EN_NAME}){{0,2}})"),
    # Dear John, / Hi Mary,
    re.compile(rf"^(?:Dear|Hi|Hello)[ ]+(?P<name>{EN_NAME}(?:[ ]+{EN_NAME}){{0,2}})[ ]*,", re.MULTILINE),
    # From: John Smith <…> / Contact: / Applicant:
    re.compile(
        rf"^(?:>[ ]?)*(?:From|To|Cc|Contact|Contact person|Applicant|Name|Attn|Attention|Prepared by|Case officer)"
        rf"[ ]*:[ ]*(?P<name>{EN_NAME}(?:[ ]+{EN_NAME}){{1,2}})",
        re.MULTILINE,
    ),
    # Best regards,\nJohn Smith
    re.compile(
        rf"^(?:Best regards|Kind regards|Regards|Best|Sincerely|Yours sincerely|Thanks|Thank you|Cheers)[ ]*,?[ ]*\n"
        rf"(?P<name>{EN_NAME}(?:[ ]+{EN_NAME}){{0,2}})[ ]*$",
        re.MULTILINE,
    ),
    # Romanised Taiwanese names: Wang Hsiao-ming, Chen Mei-ling
    re.compile(r"\b(?P<name>[A-Z][a-z]{1,5}[ ]+[A-Z][a-z]{1,5}-[a-z]{1,5})\b"),
]
NOT_EN_NAMES = {
    "Sir", "Madam", "All", "Team", "Colleagues", "Everyone", "Customer", "Friends", "Manager", "Director",
    "Committee", "Office", "Department", "Division", "Section", "Government", "City", "Taipei", "New",
}


def _given_name_end(text: str, start: int, max_given: int = 2) -> int:
    """End of the given name that starts at ``start``: up to ``max_given`` CJK characters."""
    end = start
    while end < len(text) and end - start < max_given:
        char = text[end]
        if not CJK.match(char) or char in STOP or HONORIFIC_PATTERN.match(text, end):
            break
        end += 1
    return end


class PersonRecognizer(Recognizer):
    name = "person_rules"
    type = PERSON

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        seen: set[tuple[int, int]] = set()
        for start, end, evidence, score in self._chinese(text):
            if (start, end) not in seen:
                seen.add((start, end))
                yield self.finding(scan_text, start, end, score, ["rule", evidence])
        for start, end, evidence in self._english(text):
            if (start, end) not in seen:
                seen.add((start, end))
                yield self.finding(scan_text, start, end, 0.8, ["rule", evidence])

    def _name_at(self, text: str, start: int, *, exact_end: int | None = None) -> int | None:
        """End of a name starting at ``start`` (surname + 1–2 given characters), or None."""
        surname = surname_length(text, start)
        if not surname:
            return None
        if exact_end is not None:
            given = exact_end - start - surname
            return exact_end if 1 <= given <= 2 and all(CJK.match(c) for c in text[start:exact_end]) else None
        end = _given_name_end(text, start + surname)
        return end if end > start + surname else None

    def _chinese(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        # 1. after a field label, and the list that may follow it (出席：王小明、李美華)
        for label in LABEL_PATTERN.finditer(text):
            position = label.end()
            while True:
                end = self._name_at(text, position)
                if end is None:
                    break
                yield position, end, f"label:{label.group(0).strip(' :：')}", 0.85
                separator = LIST_SEPARATOR.match(text, end)
                if not separator:
                    break
                position = separator.end()
        # 2. before an honorific or title: 王小明先生, 陳建宏科長
        for honorific in HONORIFIC_PATTERN.finditer(text):
            end = honorific.start()
            for length in (3, 4, 2):
                start = end - length
                if start < 0:
                    continue
                if start > 0 and surname_length(text, start - 1) and self._name_at(text, start - 1, exact_end=end):
                    continue  # a longer name starts one character earlier
                if self._name_at(text, start, exact_end=end) and all(c not in STOP for c in text[start:end]):
                    yield start, end, f"honorific:{honorific.group(0)}", 0.8
                    break
        # 3. after a title: 局長王大明
        for title in TITLE_BEFORE_PATTERN.finditer(text):
            end = self._name_at(text, title.end())
            if end is not None and end - title.end() - surname_length(text, title.end()) == 2:
                yield title.end(), end, f"title:{title.group(0)}", 0.7
        # 4. a name followed by the person's particulars in brackets: 王小明（男，45歲）, 李美華(A123456789)
        for particulars in PARTICULARS.finditer(text):
            for length in (4, 3, 2):
                start = particulars.start() - length
                if start >= 0 and self._name_at(text, start, exact_end=particulars.start()) and (
                    start == 0 or not CJK.match(text[start - 1]) or text[start - 1] in STOP or length == 3
                ):
                    yield start, particulars.start(), "particulars", 0.75
                    break
        # 5. signature: 王小明 敬上
        for signature in SIGNATURE_PATTERN.finditer(text):
            line_start = text.rfind("\n", 0, signature.start()) + 1
            candidate = text[line_start:signature.start()].strip()
            start = text.find(candidate, line_start) if candidate else -1
            if start >= 0 and 2 <= len(candidate) <= 4 and self._name_at(text, start, exact_end=start + len(candidate)):
                yield start, start + len(candidate), "signature", 0.8

    def _english(self, text: str) -> Iterator[tuple[int, int, str]]:
        if not re.search(r"[A-Z][a-z]", text):
            return
        for pattern in EN_PATTERNS:
            for match in pattern.finditer(text):
                words = match.group("name").split()
                while words and words[-1] in NOT_EN_NAMES:
                    words.pop()
                if not words or words[0] in NOT_EN_NAMES:
                    continue
                start = match.start("name")
                end = start + len(" ".join(words)) if len(words) == len(match.group("name").split()) else None
                if end is None:
                    end = text.find(words[-1], start) + len(words[-1])
                yield start, end, "english"
