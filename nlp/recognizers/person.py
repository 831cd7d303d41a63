"""PERSON (Traditional Chinese): names of natural persons, found by rules; CKIP NER adds to them when configured.

A name is a surname (single or compound, :mod:`surnames`) and one or two given-name characters that are not
characters of agency, place or function words (局, 區, 路, 的 …). It is reported where officials write names:

* after a field label or a role: 承辦人：王小明, 陳情人王大明君, 出席：林志明、張淑芬, 持卡人吳宗翰, 市民王小明;
* before an honorific or a title: 王小明先生, 李美華小姐, 陳建宏科長; after a title or unit: 局長王大明,
  主治醫師李宗憲, 工務局謝宗霖;
* on its own: at the start of a line or after punctuation, and followed by the end of the line, punctuation,
  a greeting (您好) or what is said of people (表示, 今年, 居留證號 …) — signatures, greetings, lists; then the
  given name must be two characters common in given names (so 「高風險」, 「管理」 are not names);
* before the person's particulars: 王小明（男，45歲）.

The span is the name without title or honorific.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PERSON, Finding
from nlp.recognizers.base import Recognizer
from nlp.recognizers.surnames import COMPOUND_SURNAMES, GIVEN_NAME_CHARACTERS, SINGLE_SURNAMES, surname_length
from nlp.text import ScanText

LABELS = (
    "承辦人|承辦|聯絡人|連絡人|聯繫人|申請人|陳情人|檢舉人|申訴人|請願人|當事人|負責人|代理人|代表人|法定代理人|委託人|"
    "受託人|被保險人|要保人|受益人|經辦人|經手人|主席|主持人|記錄|紀錄人|記錄人|報告人|發言人|主講人|講者|"
    "收件人|寄件人|姓名|中文姓名|案主|學生|病患|患者|員工|同仁|出席(?:人員)?|列席(?:人員)?|與會(?:人員)?|請假(?:人員)?|"
    "參加人員|核稿|決行|擬稿|會辦人|填表人|立書人|切結人|保證人|借款人|承租人|出租人|買受人|出賣人|被告|原告|"
    "證人|住戶|屋主|車主|駕駛人|嫌疑人|行為人|受處分人|違規人|家屬|配偶|父親|母親|子女|之子|之女|之妻|之夫|"
    "長子|長女|次子|次女|兒子|女兒|孫子|孫女|丈夫|妻子|案父|案母|其女|其子|其弟|其兄|其姊|其妹|其夫|其妻|其母|其父|"
    "之弟|之兄|之姊|之妹|調解人|勞方代表|資方代表|代表|對象為|員警|消防員|教師|外送員|廠長|"
    "聯絡窗口|窗口|市民|民眾|里民|居民|學員|學童|個案|嫌犯|犯嫌|死者|傷者|被害人|受害人|持卡人|受款人|戶名|"
    "所有權人|土地所有權人|權利人|義務人|繼承人|立約人|我叫|名叫|中文名|英文名|"
    "存款人|匯款人|出國人員|約僱人員|約聘人員|講師|志工|聯繫(?!方式)|請洽|受文者|正本|副本|新住民|移工|外籍配偶|得獎者|得主|申請者|承租戶|訪客|來賓|代理|"
    "Chair|Attendees|Contact"
)
HONORIFICS = "先生|小姐|女士|君|同學|老師|醫師|醫生|律師|會計師|建築師|技師|太太|阿姨|伯伯|小妹妹|小弟弟|阿嬤|阿公|爺爺|奶奶"
TITLES = (
    "副局長|副處長|副科長|副主任|副市長|副院長|副校長|副隊長|副所長|副組長|副區長|副總經理|副理事長|副主委|"
    "科長|副科長|股長|專員|科員|課長|主任|副主任|處長|副處長|局長|副局長|主任秘書|秘書|技士|技正|技佐|視察|"
    "專門委員|組長|隊長|分隊長|小隊長|中隊長|大隊長|所長|院長|校長|董事長|總經理|經理|襄理|助理|市長|副市長|區長|里長|議員|委員|主委|副主委|"
    "主任委員|部長|次長|司長|署長|執行長|理事長|村長|參議|顧問|督導|社工員|社工師|檢察官|法官|警員|巡佐|"
    "組員|辦事員|約聘人員|研究員|分析師|工程師|教授|副教授|博士|護理師|里幹事|主治醫師|醫師|講師|估價師|地政士|"
    "代書|記帳士|社工|護士|藥師|營養師|心理師|治療師|教練|店長|司機|保全員|警衛|清潔員|隊員|志工|總幹事|村幹事"
)
# Characters that do not occur in given names but do in agency, place and function words.
NON_NAME = set(
    "局處署部會院府所隊科室組館校司社團市縣區鄉鎮村里鄰路街段巷弄號樓站場廠園人們的了是在有和與及或等之為並已將因"
    "所向對請就經由自從至到分電傳無不者男女這那其此該每各年日時秒件份項條款次個位名點萬千百億公私務案表單"
    "示說指得獲犯於擬核准辦函簽血壓布勞謝程蓋容式"
)
CJK = re.compile(r"[\u3400-\u9fff]")
SURNAME_CHARS = "".join(sorted(SINGLE_SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))

# A label, an optional note in brackets (姓名（中文）：), a colon, an optional title, then the name.
LABEL_PATTERN = re.compile(
    rf"(?:{LABELS})(?:[（(][^）)\n]{{1,6}}[）)](?=[ \t]*[:：]))?[ \t]*[:：]?[ \t]*(?:(?:{TITLES})[ \t]*)?(?=[\u3400-\u9fff])"
)
HONORIFIC_PATTERN = re.compile(rf"(?:{HONORIFICS}|{TITLES})")
PERSONAL_HONORIFIC = re.compile(rf"(?:{HONORIFICS})")
TITLE_BEFORE_PATTERN = re.compile(rf"(?:{TITLES})(?=[\u3400-\u9fff])")
LIST_SEPARATOR = re.compile(r"[ \t]*[、,，及與][ \t]*(?:(?:" + TITLES + r")[ \t]*)?")
PARTICULARS = re.compile(
    r"[（(](?:身分證|民國|[0-9]{2,3}年|[A-Z][12][0-9]{8}|[A-Z][A-D89][0-9]{8}|男|女|[0-9]{1,3}歲|出生|電話|手機|09[0-9]{2}|"
    r"分機|護照|英文)"
)
# What may follow a name standing on its own.
FOLLOW = re.compile(
    r"您好|你好|好[：:,，!！]|表示|指出|說|強調|今年|現年|今[（(]|今日|今天|提到|認為|坦言|透露|感謝|親自|獲頒|獲得|榮獲|"
    r"曾|因|於|等[0-9二三四五六七八九十]?[人名位]|[二兩三四五六七八九十]人|[二兩三四五六七八九十]名|陳情|反映|來電|來函|"
    r"申請|代理|身分證|居留證|統一證號|護照|電話|手機|分機|出生|生於|持有|領有|服務|擔任|負責|承辦|目前|經|已|也|則|並|"
    r"自|在|到|向|請|與|和|及|、|君|的|將|為|是|有|罹患|患有|確診|健康|病|就醫|住院|死亡|受傷|涉嫌|涉|遭|被|"
    + HONORIFICS + "|" + TITLES
)
# A character before a name standing on its own: not CJK, or one that ends a unit or a role.
LEFT_CHARS = "的由與和及向對請讓被給將替跟同、者員民府局處署科室院隊所股組館校部工謝為"
# Where a name may start on its own: a surname character (one character consumed, so that 「管理科范姜美玉」 is
# tried at 范 even though 管 is a surname too); the character before it is checked by _left_ok.
FREE_CANDIDATE = re.compile(rf"[{SURNAME_CHARS}](?=[\u3400-\u9fff])")


def _is_name(text: str, start: int, end: int) -> bool:
    """A surname at ``start`` and 1–2 given-name characters up to ``end``."""
    surname = surname_length(text, start)
    given = end - start - surname
    if not surname or not 1 <= given <= 2 or end > len(text):
        return False
    return all(CJK.match(c) and c not in NON_NAME for c in text[start + surname:end])


def _name_from(text: str, start: int) -> int | None:
    """End of the longest name starting at ``start`` that stops before an honorific, title or non-name."""
    surname = surname_length(text, start)
    if not surname or HONORIFIC_PATTERN.match(text, start + surname):
        return None  # 「許副局長」, 「林股長」: a surname and a title, not a name
    end = start + surname
    longest = 3 if text[end:end + 1] == "氏" else 2  # Vietnamese names: 阮氏秋霞
    while end < len(text) and end - start - surname < longest:
        if not CJK.match(text[end]) or text[end] in NON_NAME:
            break
        if HONORIFIC_PATTERN.match(text, end) and end - start - surname >= 1 and not (
            text[end] == "君" and end - start - surname == 1 and not CJK.match(text[end + 1:end + 2] or "x")
        ):
            break
        end += 1
    return end if end > start + surname else None


def _right_ok(text: str, end: int) -> bool:
    return end >= len(text) or not CJK.match(text[end]) or bool(FOLLOW.match(text, end))


def _left_ok(text: str, start: int) -> bool:
    return start == 0 or not CJK.match(text[start - 1]) or text[start - 1] in LEFT_CHARS


class PersonRecognizer(Recognizer):
    name = "person_rules"
    type = PERSON

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        best: dict[int, tuple[int, str, float]] = {}
        for start, end, evidence, score in self._candidates(text):
            if start not in best or best[start][2] < score:
                best[start] = (end, evidence, score)
        for start in sorted(best):
            end, evidence, score = best[start]
            yield self.finding(scan_text, start, end, score, ["rule", evidence])

    def _candidates(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        # 1. after a field label or a role, and the list that may follow it (出席：王小明、李美華)
        for label in LABEL_PATTERN.finditer(text):
            position = label.end()
            while True:
                end = _name_from(text, position)
                if end is not None and not _right_ok(text, end) and end - position - surname_length(text, position) == 3:
                    end -= 1  # 「阮氏梅居留證號」: a three-character Vietnamese given name was one too long
                given = text[position + surname_length(text, position):end] if end else ""
                if end is None or not (
                    _right_ok(text, end) or len(given) == 2 and all(c in GIVEN_NAME_CHARACTERS for c in given)
                ):
                    break  # 「個案管理交接」, 「市民陳情案件」: what follows a label is not always a name
                yield position, end, f"label:{label.group(0).strip(' :：')}", 0.85
                separator = LIST_SEPARATOR.match(text, end)
                if not separator:
                    break
                position = separator.end()
        # 2. before an honorific or a title: 王小明先生, 陳建宏科長
        for honorific in HONORIFIC_PATTERN.finditer(text):
            end = honorific.start()
            personal = bool(PERSONAL_HONORIFIC.fullmatch(honorific.group(0)))
            for length in (3, 4, 2):
                start = end - length
                if start < 0 or not _is_name(text, start, end):
                    continue
                if length == 2 and honorific.group(0) == "君" and _is_name(text, start, end + 1):
                    continue  # 「鄒佩君　分機」: 君 ends the given name
                if length == 2 and not (personal and _left_ok(text, start)):
                    continue  # 「衛生委員會」, 「感謝林小姐」: a surname alone before a title or honorific
                if start > 0 and _is_name(text, start - 1, end):
                    continue  # a longer name starts one character earlier
                given = text[start + surname_length(text, start):end]
                if _left_ok(text, start) or all(c in GIVEN_NAME_CHARACTERS for c in given):
                    yield start, end, f"honorific:{honorific.group(0)}", 0.8
                    break
        # 3. after a title: 局長王大明, 主治醫師李宗憲
        for title in TITLE_BEFORE_PATTERN.finditer(text):
            start = title.end()
            end = _name_from(text, start)
            if end is None or end - start - surname_length(text, start) != 2:
                continue
            given = text[start + surname_length(text, start):end]
            if _right_ok(text, end) or all(c in GIVEN_NAME_CHARACTERS for c in given):
                yield start, end, f"title:{title.group(0)}", 0.75  # not 「市長施政報告」
        # 4. before the person's particulars: 王小明（男，45歲）
        for particulars in PARTICULARS.finditer(text):
            for length in (4, 3, 2):
                start = particulars.start() - length
                if start >= 0 and _is_name(text, start, particulars.start()) and (_left_ok(text, start) or length >= 3):
                    yield start, particulars.start(), "particulars", 0.75
                    break
        # 5. a name standing on its own: signatures, greetings, lists, 「本府林志豪、李建宏」
        for candidate in FREE_CANDIDATE.finditer(text):
            start = candidate.start()
            if not _left_ok(text, start) or start > 0 and text[start - 1].isdigit():
                continue  # not after a boundary; 「15萬元」: a unit after a number

            surname = surname_length(text, start)
            for length in (3, 4) if surname == 1 else (4, 3):
                end = start + length
                given = text[start + surname:end]
                if (
                    len(given) == 2 - (surname == 2 and length == 3)
                    and all(c in GIVEN_NAME_CHARACTERS for c in given)
                    and _is_name(text, start, end)
                    and _right_ok(text, end)
                ):
                    yield start, end, "standalone", 0.6
                    break
