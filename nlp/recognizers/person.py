"""PERSON (Traditional Chinese): names of natural persons, found by evidence; CKIP NER adds to them when configured.

A candidate is a surname (single, compound, or a married woman's two surnames, 冠夫姓: :mod:`surnames`) and one or
two given-name characters that are not characters of agency, place or function words (局, 區, 路, 的 …); a
Vietnamese name may run 氏 + two characters (阮氏秋霞); an indigenous name is two parts around a middle dot
(瓦歷斯·諾幹). Characters outside the Basic Multilingual Plane (𡘙) are name characters like any other.

What makes a candidate a name is the evidence around it, in the places officials write names:

* a field label or a role before it, with or without a colon or a space: 承辦人：王小明, 陳情人王大明君,
  出席：林志明、張淑芬; any role noun ending in 人/者/員/代表 before a colon (接交人：, 關懷員：); judgment header
  fields even when spaced (原　　告　王小明, 訴訟代理人　林大華律師);
* a title or a unit on either side, with or without a space: 局長王大明, 局長 陳建宏, 三重分局警員黃俊傑,
  張美玲護理師, 王小明 科長; honorifics: 王小明先生;
* the council and meeting-minutes form, surname + title + given name, where the span is the whole
  (王議員志強：, 陳主席天成、蘇副主席碧浯);
* standing on its own (signatures, table cells, lists, 派謝怡君為…): the name is scored from its given-name
  characters (how common they are in registered names) and the boundaries on both sides (a line or cell edge,
  punctuation, a unit before it; a verb of speech, a greeting, contact details or a count after it). The fewer
  common characters, the stronger the boundaries must be, so 「高風險」 and 「管理措施」 are not names, and a
  surname character that begins an ordinary word is not either;
* in a list with a name already found (曾芳慧、黎子霖、劉郁妤三人), and before the person's particulars
  (王小明（男，45歲）, 林宗晴（現職副處長）).

The span is the name without title or honorific, except the council form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PERSON, Finding
from nlp.recognizers.address import BARE_DISTRICTS
from nlp.recognizers.base import Recognizer, column_cells, word_alternation
from nlp.recognizers.surnames import (
    COMPOUND_SURNAMES,
    GIVEN_NAME_CHARACTERS,
    SINGLE_SURNAMES,
    surname_length,
    surname_lengths,
)
from nlp.text import ScanText

LABELS = (
    "承辦人|承辦|聯絡人|連絡人|聯繫人|申請人|陳情人|檢舉人|申訴人|請願人|當事人|負責人|代理人|代表人|法定代理人|委託人|"
    "受託人|被保險人|要保人|受益人|經辦人|經手人|主席|主持人|記錄|紀錄(?=[ \t]*[:：])|紀錄人|記錄人|報告人|發言人|主講人|講者|"
    "收件人|寄件人|寄件者|姓名|中文姓名|案主|學生|病患|患者|員工|同仁|出席(?:人員)?|列席(?:人員)?|與會(?:人員)?|請假(?:人員)?|"
    "參加人員|參加|核稿|決行|擬稿|會辦人|填表人|立書人|切結人|保證人|借款人|承租人|出租人|買受人|出賣人|被告|原告|"
    "證人|住戶|屋主|車主|駕駛人|嫌疑人|行為人|受處分人|違規人|家屬|配偶|父親|母親|子女|之子|之女|之妻|之夫|"
    "長子|長女|次子|次女|兒子|女兒|孫子|孫女|丈夫|妻子|案父|案母|其女|其子|其弟|其兄|其姊|其妹|其夫|其妻|其母|其父|"
    "之弟|之兄|之姊|之妹|祖母|祖父|外祖母|外祖父|胞姐|胞姊|胞兄|胞弟|胞妹|求職者|調解人|勞方代表|資方代表|代表|對象為|員警|消防員|教師|外送員|廠長|"
    "聯絡窗口|窗口|市民|民眾|里民|居民|學員|學童|個案|嫌犯|犯嫌|死者|傷者|被害人|受害人|持卡人|受款人|戶名|"
    "所有權人|土地所有權人|權利人|義務人|繼承人|立約人|我叫|名叫|中文名|英文名|漢名|家長|監護人|"
    "特優|優選|佳作|優等|甲等|入選|首獎|金質獎|銀質獎|銅質獎|第一名|第二名|第三名|得獎人|值日|值班|"
    "存款人|匯款人|出國人員|約僱人員|約聘人員|講師|志工|聯繫(?!方式)|請洽|受文者|正本|副本|新住民|移工|外籍配偶|得獎者|得主|申請者|承租戶|訪客|來賓|代理|"
    "Chair|Attendees|Contact|From|To|Cc"
)
HONORIFICS = (
    "老先生|老太太|老奶奶|先生|小姐|女士|君|同學|老師|醫師|醫生|律師|會計師|建築師|技師|太太|阿姨|伯伯|小妹妹|小弟弟|"
    "阿嬤|阿公|爺爺|奶奶"
)
TITLES = (
    "副局長|副處長|副科長|副主任|副市長|副院長|副校長|副隊長|副所長|副組長|副區長|副總經理|副理事長|副主委|副議長|副主席|"
    "科長|副科長|股長|專員|科員|課員|課長|主任|副主任|處長|副處長|局長|副局長|主任秘書|秘書長|秘書|技士|技正|技佐|視察|"
    "專門委員|組長|隊長|分隊長|小隊長|中隊長|大隊長|所長|院長|校長|董事長|總經理|經理|襄理|助理|市長|副市長|區長|里長|議員|議長|"
    "委員|主委|副主委|縣長|鎮長|鄉長|"
    "主任委員|部長|次長|司長|署長|執行長|理事長|村長|參議|顧問|督導|社工員|社工師|檢察官|法官|警員|警務員|巡佐|"
    "組員|辦事員|約聘人員|研究員|分析師|工程師|教授|副教授|博士|護理師|里幹事|主治醫師|醫師|講師|估價師|地政士|"
    "代書|記帳士|社工|護士|藥師|營養師|心理師|治療師|教練|店長|司機|保全員|警衛|清潔員|隊員|志工|總幹事|村幹事|"
    "護理長|工程司|正工程司|副工程司|諮詢師|遺傳諮詢師|耆老|指揮|通譯|書記官|鄰長"
)
# Titles in the council and meeting-minutes form: surname + title + given name (王議員志強, 陳主席天成).
COUNCIL_TITLES = (
    "副議長|議長|議員|副主席|主席|代表|副市長|市長|縣長|鎮長|鄉長|區長|局長|處長|秘書長|主任秘書|專門委員|委員|課長|科長|"
    "主任|秘書|里長|村長|理事長|總幹事|技正|技士|技佐|科員|專員|股長|組長|隊長|視察|參議|督導|研究員|護理師|社工師|幹事"
)
# The word lists as tries (:func:`word_alternation`): the regex engine skips to where a word can start.
LABEL_WORDS = word_alternation(LABELS)
TITLE_WORDS = word_alternation(TITLES)
# After the council form's given name: a boundary, or the person's office (鍾議員承翰服務處).
COUNCIL_END = re.compile(r"$|[：:、，,）) \t\n（(。；;及與和]|服務處|辦公室|研究室")
# Characters that end a unit written right before the council form (城鄉局邱技正榮福).
UNIT_END = "局處署科室課股組隊所府會院"
# Two-character places that read like a surname and a given name (金山, 林口): never a name standing alone.
PLACE_NAMES = frozenset(BARE_DISTRICTS.split("|")) | frozenset(
    "臺北 台北 新北 桃園 臺中 台中 臺南 台南 高雄 基隆 新竹 嘉義 苗栗 彰化 南投 雲林 屏東 宜蘭 花蓮 臺東 台東 澎湖 金門 連江 "
    "馬祖 蘭嶼 綠島 墾丁 阿里 日月 太魯 陽明 關渡 竹北 竹東 頭份 員林 斗六 虎尾 朴子 新營 永康 鳳山 岡山 旗山 羅東 蘇澳 玉里".split()
)
# Characters that do not occur in given names but do in agency, place and function words.
NON_NAME = set(
    "局處署部會院府所隊科室組館校司社團市縣區鄉村里鄰路街段巷弄號樓站場廠園人們的了是在有和與及或等之為並已將因"
    "所向對請就經由自從至到分電傳無不者女這那其此該每各年日時秒件份項條款次個位名點萬千百億公私務案表單"
    "示說指得獲犯於擬核准辦函簽血壓布勞謝程蓋容式您你妳他她我錄員"
)
# Ideographs, with the compatibility block and the supplementary planes (𡘙): names registered by 戶政 use them.
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK = re.compile(f"[{CJK_CHARS}]")


def is_cjk(char: str) -> bool:
    """``CJK.match(char)`` for one character, without the regex call (the name rules ask it thousands of times)."""
    return (
        "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


SURNAME_CHARS = "".join(sorted(SINGLE_SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))
SPACE = " \t"

# A label, an optional note in brackets (姓名（中文）：), a colon, an optional title, then the name.
LABEL_PATTERN = re.compile(
    rf"{LABEL_WORDS}(?:[（(][^）)\n]{{1,6}}[）)](?=[ \t]*[:：]))?[ \t]*[:：]?[ \t]*(?:{TITLE_WORDS}[ \t]*)?(?=[{CJK_CHARS}])"
)
# A role noun before a colon: any ideographs ending in 人, 者, 員 or 代表 (接交人：, 關懷員：, 來電者：).
ROLE_LABEL = re.compile(
    rf"(?:人員|委員|代表|人|者|員)[甲乙丙丁]?[ \t]*[:：][ \t]*"
    rf"(?:[{CJK_CHARS}]{{1,8}}?(?:局|處|署|科|室|課|組|隊|所|府|中心)[ \t]+)?"  # a unit, then a space: 財政局　褚晞家
    rf"(?:{TITLE_WORDS}[ \t]*)?(?=[{CJK_CHARS}])"
)
# The time stamp before a speaker in a chat log (a LINE group exported to text): 「[09:05] 徐惠𡘙: 收到」.
CHAT_SPEAKER = re.compile(rf"^\[[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\][ \t]*(?=[{CJK_CHARS}][^\n:：]{{1,4}}[:：])", re.MULTILINE)
# A title used as a field label in rosters and duty lists (隊長：高　峰, 組長：林志明).
TITLE_LABEL = re.compile(rf"{TITLE_WORDS}[ \t]*[:：][ \t]*(?=[{CJK_CHARS}])")  # at a line or cell start: see below
TITLE_LABEL_BEFORE = "\n\t 、，,；;鄰"  # 鄰: 「第5鄰鄰長：劉宥綪」
# Judgment header fields, whose labels are spaced to align (原　　告　王小明).
JUDGMENT_ROLES = (
    "原告", "被告", "上訴人", "被上訴人", "抗告人", "聲請人", "相對人", "告訴人", "告訴代理人", "告發人", "自訴人", "證人",
    "代表人", "法定代理人", "訴訟代理人", "複代理人", "辯護人", "選任辯護人", "參加人", "債權人", "債務人", "通譯",
    "書記官",
)
JUDGMENT_LABEL = re.compile(
    r"^[ \t]*(?:即[ \t]*)?(?:"  # 「聲 請 人」 then 「即 被 告 王小明」: one person in two roles
    + "|".join("[ \t]*".join(role) for role in sorted(JUDGMENT_ROLES, key=len, reverse=True))
    + rf")[ \t]*[:：]?[ \t]*(?=[{CJK_CHARS}])",
    re.MULTILINE,
)
HONORIFIC_PATTERN = re.compile(word_alternation(HONORIFICS + "|" + TITLES))
HONORIFIC_FIRST = frozenset(word[0] for word in (HONORIFICS + "|" + TITLES).split("|"))  # cheaper than a regex call
PERSONAL_HONORIFIC = re.compile(rf"(?:{HONORIFICS})")
TITLE_BEFORE_PATTERN = re.compile(rf"{TITLE_WORDS}[ \t]*(?=[{CJK_CHARS}])")
COUNCIL_PATTERN = re.compile(rf"{word_alternation(COUNCIL_TITLES)}(?=[{CJK_CHARS}])")
# What the given name in the council form must not be: what officials do after their title.
COUNCIL_NOT_GIVEN = re.compile(
    r"質詢|答復|答覆|發言|說明|報告|補充|裁示|指示|提問|回應|致詞|表示|請|宣|詢|提|建議|主持|出席|列席|代理|本人|們|會"
)
BRACKET_NOTE = re.compile(r"[（(][^（()）\n]{1,12}[）)]")  # a note after a name in a list: (三重區), (請假)
LIST_SEPARATOR = re.compile(rf"[ \t]*[、,，及與和][ \t]*(?:{TITLE_WORDS}[ \t]*)?")
PARTICULARS = re.compile(
    r"[（(](?:身分證|民國|[0-9]{2,3}年|[A-Z][12][0-9]{8}|[A-Z][A-D89][0-9]{8}|男|女|[0-9]{1,3}歲|出生|電話|手機|09[0-9]{2}|"
    rf"分機|護照|英文|(?:現職|原任?|新任|前)?[^）)\n]{{0,8}}{TITLE_WORDS}[）)])"
)
# What may follow a name standing on its own. STRONG_FOLLOW: what is said or asked of a person.
SAID_OF_A_PERSON = (
    r"您好|你好|好[：:,，!！\t]|表示|指出|說|強調|補充|今年|現年|今[（(]|今日|今天|提到|認為|坦言|透露|感謝|親自|獲頒|獲得|榮獲|"
    r"為本[府局處署院部會所][^\n，,。]{0,12}?(?:長|員|師|官|士|佐|主任|秘書|委員)|"  # personnel orders: 鄞堃采為本府交通局專員
    r"敬上|敬啟|謹上|夫婦|夫妻|伉儷|母子|母女|父子|父女|調任|升任|接任|轉任|兼任|退休|等[0-9二三四五六七八九十]?[人名位]|[二兩三四五六七八九十]人|[二兩三四五六七八九十][名位]|陳情|反映|來電|來函|"
    r"[（(]簽[章名][）)]|身分證|居留證|統一證號|護照|健保|電話|手機|分機|出生|生於|罹患|患有|確診|涉嫌|[ \t]*[<＜]|[，,][ ]*[男女][，,、]|"
    r"[ \t]+[男女](?=[ \t\n]|$)|"  # a gender cell after the name cell of a roster row
    r"[，,、 \t]*(?:分機|電話|手機|TEL|Tel|tel|\(0|0[2-9][0-9]?-|09[0-9]{2})"
)
SAID_OF_A_PERSON_PATTERN = re.compile(SAID_OF_A_PERSON)
STRONG_FOLLOW = re.compile(SAID_OF_A_PERSON + "|副?" + word_alternation(HONORIFICS + "|" + TITLES))  # 副秘書長
FOLLOW = re.compile(
    STRONG_FOLLOW.pattern
    + r"|曾|因|於|申請|代理|調|升|持有|領有|服務|擔任|負責|承辦|目前|經|已|也|則|並|自|在|到|向|請|與|和|及|、|君|的|將|為|是|有|"
    r"健康|病|就醫|住院|死亡|受傷|涉|遭|被|犯|亦|均|皆|等|之|親|列為|照顧|陪同|協助|"
    r"現任|現居|現住|現職|現為|率領|率隊|率團|率先|另有|懲處|記過|記功|申誡|嘉獎|奉調|奉派|奉核|出勤|出差|請假|到職|離職|主持|主講|頒獎|出席|列席|日前"
)
# A character before a name standing on its own: not CJK, or one that ends a unit or a role, or a verb whose
# object is a person (派謝怡君為…, 由林宗晴遞補).
LEFT_CHARS = "的由與和及向對請讓被給將替跟同、者員人民府局處署科室課院隊所股組館校部系班工謝為派聘調取之另區"
# Where a name may start on its own: a surname character (one character consumed, so that 「管理科范姜美玉」 is
# tried at 范 even though 管 is a surname too); the character before it is checked by _left_ok.
FREE_CANDIDATE = re.compile(
    rf"[{SURNAME_CHARS}](?:(?<![{CJK_CHARS}].)|(?<=[{LEFT_CHARS}].))"  # after a boundary, as _left_ok says
    rf"(?=[{CJK_CHARS}]| [{CJK_CHARS}](?![{CJK_CHARS}]))"
)
MIDDLE_DOT = re.compile(rf"[·・･•.](?<=[{CJK_CHARS}].)(?=[{CJK_CHARS}])")
# A line break after which a signature continues with contact details, Latin letters or digits (or the text ends):
# 「江玥雅\nyc.chen@…」, not a slide bullet followed by another bullet (「施工中\n王道」).
CONTACT_LINE_AFTER = re.compile(
    r"[ \t]*(?:\n[ \t]*(?:[A-Za-z0-9(+<]|電話|分機|手機|傳真|信箱|地址)|\n*\Z"
    r"|\n+[ \t]*(?:>|寄件者|From:|-{3,}|_{3,}))"  # or the message ends: a quoted reply, a forwarded header
)
# A title that starts with an administrative unit: 「高雄市長」 is a place and a title, not 高雄 + 市長.
PLACE_TITLE = re.compile("[市縣區鄉鎮村里]")


# Column headers that say a column holds people's names (the roster case: 姓名 in the header row only).
NAME_HEADER = re.compile(
    r"^(?:(?:中文|英文|學生|申請人|受款人|家長|監護人|聯絡人|負責人|承辦人|被保險人|員工|學員|志工|移工)?姓名|名字|"
    r"(?:Full |English |Chinese )?[Nn]ame|NAME)(?:[（(][^）)]{1,6}[）)])?$"
)
NAME_HEADER_HINT = re.compile(r"姓名|名字|Name|name|NAME")  # literals only: the regex engine skips ahead
# A cell that is a Latin-script name: two to four words, capitalised or in capitals (SANTOS MARIA CLARA, Ana Novak).
LATIN_NAME_CELL = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'\-]+,?)(?:[ ](?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'\-]+|van|der|de|von|bin|binti)){1,3}"
)
# A one-character given name after one space (U+3000 in the text as typed), then no more ideographs: 林　芳.
SPACED_GIVEN = re.compile(rf" (?=[{CJK_CHARS}](?![{CJK_CHARS}]))")


# 男 is a given-name character (俊男), but alone after a surname it is how news withholds a name: 李男（45歲）.
NOT_A_GIVEN_NAME = "男"


def _given_ok(text: str, start: int, end: int) -> bool:
    return text[start:end] != NOT_A_GIVEN_NAME and all(is_cjk(c) and c not in NON_NAME for c in text[start:end])



def _common(given: str) -> int:
    """How many characters of a given name are among those most registered (內政部 name statistics)."""
    return sum(c in GIVEN_NAME_CHARACTERS for c in given)


def _readings(text: str, start: int, in_context: bool = False) -> list[tuple[int, int]]:
    """(surname length, end) of every name reading at ``start``, longest first.

    A 冠夫姓 pair needs a two-character given name (陳黃秀蘭; 黃金龍 is 黃 + 金龍); 氏 lets a Vietnamese given
    name run to three characters (阮氏秋霞).
    """
    readings: list[tuple[int, int]] = []
    for surname in surname_lengths(text, start, in_context):
        pair = surname == 3 or surname == 2 and text[start:start + 2] not in COMPOUND_SURNAMES
        first = start + surname
        longest = 3 if text[first:first + 1] == "氏" and not pair else 2
        end = first
        while end < len(text) and end - first < longest and is_cjk(text[end]) and text[end] not in NON_NAME:
            if end > first and text[end] in HONORIFIC_FIRST and text[end] != "君" and HONORIFIC_PATTERN.match(text, end):
                break  # 君 is as common in given names (怡君, 佩君) as after them
            end += 1
        if first < len(text) and text[first] in HONORIFIC_FIRST and text[first] != "君" and (
            HONORIFIC_PATTERN.match(text, first) or text[first] == "副" and HONORIFIC_PATTERN.match(text, first + 1)
        ):
            continue  # 「許副局長」, 「林股長」: a surname and a title, not a name
        for stop in range(end, first, -1):
            if pair and stop - first != 2 or text[first:stop] == NOT_A_GIVEN_NAME:
                continue
            readings.append((surname, stop))
        if surname == 1 and end == first and SPACED_GIVEN.match(text, first):
            readings.append((surname, first + 2))  # 「林　芳」: a one-character given name padded to align a column
    return readings


def _is_name(text: str, start: int, end: int, in_context: bool = False) -> bool:
    """A surname at ``start`` and 1–2 given-name characters (3 after 氏, 2 after a 冠夫姓 pair) up to ``end``."""
    if end > len(text):
        return False
    for surname in surname_lengths(text, start, in_context):
        pair = surname == 3 or surname == 2 and text[start:start + 2] not in COMPOUND_SURNAMES
        given = end - start - surname
        longest = 3 if text[start + surname:start + surname + 1] == "氏" and not pair else 2
        if (given == 2 if pair else 1 <= given <= longest) and _given_ok(text, start + surname, end):
            return True
    return False


def _right_ok(text: str, end: int) -> bool:
    return end >= len(text) or not is_cjk(text[end]) or bool(FOLLOW.match(text, end))


def _right_strength(text: str, end: int) -> float:
    """How strongly what follows ``end`` says a name ended there: 2 said of a person, 1 an edge, ½ a particle."""
    if STRONG_FOLLOW.match(text, end):
        return 2.0
    if end >= len(text) or not is_cjk(text[end]):
        return 1.0
    return 0.5 if FOLLOW.match(text, end) else 0.0


def _left_ok(text: str, start: int) -> bool:
    return start == 0 or not is_cjk(text[start - 1]) or text[start - 1] in LEFT_CHARS


def _standalone_score(text: str, start: int, end: int, surname: int) -> bool:
    """A name standing on its own: fewer common given-name characters need stronger boundaries.

    Two common characters and any boundary after it; one common character and an edge on both sides (a cell, a
    line, a signature) or something said of a person; none, only something said of a person.
    """
    right = _right_strength(text, end)
    common = _common(text[start + surname:end])
    if common >= 2:
        return right >= 0.5
    edge_before = start == 0 or not is_cjk(text[start - 1]) or text[start - 1] in "局處署科室課股組隊所府"
    edge_after = end >= len(text) or text[end] in " \t" or bool(CONTACT_LINE_AFTER.match(text, end)) or (
        text[end] == "\n" and start > 0 and text[start - 1] in UNIT_END  # 「警察局林語玥」 ending a line
    ) or (
        text[end] == ")" and start > 0 and text[start - 1] == "("  # 「DO THI HUONG（杜氏香）」: a name in brackets
    )
    if text[start + surname:start + surname + 1] == " ":  # 「林　芳」 padded to align: a layout made for names
        return right >= 1.0 and edge_before
    if common == 1:
        return right >= 2.0 or edge_before and edge_after
    return right >= 2.0 and edge_before


def _one_character_given(text: str, start: int, end: int) -> bool:
    """A surname and one given-name character standing on their own (黃芳, 李雪): only first on a line, in a cell or
    in a field, followed by what is said of a person (a phone, a gender cell; a title is not enough: 康樂股長) or alone
    on a signature line above contact details; never a place (金山)."""
    if text[end - 1] not in GIVEN_NAME_CHARACTERS or text[start:end] in PLACE_NAMES:
        return False
    if start > 0 and text[start - 1] in UNIT_END and (end == len(text) or text[end] in "\n、，,"):
        return True  # after a unit, ending a line or a list item: 「出席：消防局解冠潔、警察局楊雪」
    return (
        (start == 0 or text[start - 1] in "\n\t ：:")
        and (
            bool(SAID_OF_A_PERSON_PATTERN.match(text, end))  # not a title: 「康樂股長」 is a student's post
            or (end == len(text) or text[end] == "\n") and (start == 0 or text[start - 1] == "\n")
            and bool(CONTACT_LINE_AFTER.match(text, end))
        )
    )


def _label_word(label: str) -> str:
    """The label itself, for the evidence: 「承辦人」 of 「承辦人：財政局　」 (not the unit or title after it)."""
    if label.startswith("["):
        return "chat-speaker"
    return re.split("[:：]", label, maxsplit=1)[0].strip(" \t")


class PersonRecognizer(Recognizer):
    name = "person_rules"
    type = PERSON

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        candidates = sorted(self._candidates(scan_text), key=lambda c: (-c[3], -(c[1] - c[0]), c[0]))
        kept: list[tuple[int, int, str, float]] = []
        occupied = bytearray(len(text))  # 1 where a kept name already is: overlap checks in constant time
        for candidate in candidates:
            start, end = candidate[0], candidate[1]
            if occupied.find(1, start, end) == -1:
                kept.append(candidate)
                occupied[start:end] = b"\x01" * (end - start)
        kept.extend(self._list_members(text, kept, occupied))
        for start, end, evidence, score in sorted(kept):
            yield self.finding(scan_text, start, end, score, ["rule", evidence])

    def _candidates(self, scan_text: ScanText) -> Iterator[tuple[int, int, str, float]]:
        text = scan_text.folded
        yield from self._name_column(scan_text)
        if not CJK.search(text):
            return  # an English e-mail: Chinese names need Chinese characters (English names: person_english)
        yield from self._after_labels(text)
        yield from self._before_titles(text)
        yield from self._after_titles(text)
        yield from self._council_form(text)
        yield from self._before_particulars(text)
        yield from self._indigenous(text)
        yield from self._standalone(text)

    # 0. a cell under a 姓名 / Name column header (a roster pasted from Excel or Word): the header is the label
    def _name_column(self, scan_text: ScanText) -> Iterator[tuple[int, int, str, float]]:
        text = scan_text.folded
        if not NAME_HEADER_HINT.search(text):
            return
        for start, end, header in column_cells(scan_text, NAME_HEADER):
            cell = text[start:end].strip(" ")
            start += len(text[start:end]) - len(text[start:end].lstrip(" "))
            end = start + len(cell)
            if LATIN_NAME_CELL.fullmatch(cell) or 2 <= len(cell) <= 5 and _is_name(text, start, end, in_context=True):
                yield start, end, f"column:{header}", 0.85

    # 1. after a field label or a role, and the list that may follow it (出席：王小明、李美華)
    def _after_labels(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        labels = [*LABEL_PATTERN.finditer(text), *ROLE_LABEL.finditer(text), *JUDGMENT_LABEL.finditer(text),
                  *(CHAT_SPEAKER.finditer(text) if "]" in text else ()),
                  *(m for m in TITLE_LABEL.finditer(text) if m.start() == 0 or text[m.start() - 1] in TITLE_LABEL_BEFORE)]
        for label in labels:
            position = label.end()
            while True:
                readings = _readings(text, position, in_context=True)
                chosen = None
                for surname, end in readings:
                    given = text[position + surname:end]
                    if len(given) == 1 and given not in GIVEN_NAME_CHARACTERS and end < len(text) and is_cjk(text[end]):
                        continue  # 「市民常用服務」: 常 + 用 runs on into a word, no one-character given name
                    if _right_ok(text, end) or len(given) == 2 and _common(given) == 2:
                        chosen = end
                        break
                if chosen is None:
                    break  # 「個案管理交接」, 「市民陳情案件」: what follows a label is not always a name
                yield position, chosen, f"label:{_label_word(label.group(0))}", 0.85
                separator = LIST_SEPARATOR.match(text, chosen)
                if not separator:
                    break
                position = separator.end()

    # 2. before an honorific or a title, with or without a space: 王小明先生, 陳建宏科長, 鍾關品妍 警務員
    def _before_titles(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for honorific in HONORIFIC_PATTERN.finditer(text):
            end = honorific.start()
            spaced = False
            while end > 0 and text[end - 1] in SPACE:
                end -= 1
                spaced = True
            if spaced and end > 0 and text[end - 1] == "\n":
                continue
            word = honorific.group(0)
            personal = bool(PERSONAL_HONORIFIC.fullmatch(word))
            readings = []
            for length in (5, 4, 3, 2):
                start = end - length
                if start < 0 or not _is_name(text, start, end, in_context=True):
                    continue
                if spaced and not _left_ok(text, start):
                    continue
                if length == 2 and word == "君" and _is_name(text, start, end + 1):
                    continue  # 「鄒佩君　分機」: 君 ends the given name
                if length == 2 and (PLACE_TITLE.match(word) or not (
                    personal and _left_ok(text, start)
                    or start > 0 and text[start - 1] in "、，。；：:,（(" and text[end - 1] in GIVEN_NAME_CHARACTERS
                )):
                    continue  # 「高雄市長」, 「衛生委員會」, 「感謝林小姐」, 「（支援醫師」: no surname and given name
                readings.append(start)
            # The longest reading with a boundary before it (「陳黃秀蘭女士」, 「委任蒲麗華律師」: 任蒲 is no 冠夫姓 here);
            # else a reading whose given name is all common characters, or a 冠夫姓 before a personal honorific.
            chosen = next((start for start in readings if _left_ok(text, start)), None)
            if chosen is None:
                for start in sorted(readings, key=lambda s: (end - s != 3, s)):
                    given = text[start + surname_length(text, start):end]
                    if _common(given) == len(given) or personal and end - start >= 4 and _common(given) >= 1:
                        chosen = start
                        break
            if chosen is not None:
                yield chosen, end, f"honorific:{word}", 0.8

    # 3. after a title or a unit, with or without a space: 局長王大明, 局長 陳建宏, 主治醫師李宗憲
    def _after_titles(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for title in TITLE_BEFORE_PATTERN.finditer(text):
            start = title.end()
            for surname, end in _readings(text, start, in_context=True):
                given = text[start + surname:end]
                strength = _right_strength(text, end)
                if end < len(text) and text[end] in ":：" and not (len(given) == 2 and _common(given) == 2):
                    continue  # 「局長秘書：」 is a label; 「里長鄧春蘭：」 a speaker
                if len(given) == 1 and strength < 1.0 and not (strength >= 0.5 and given in GIVEN_NAME_CHARACTERS):
                    continue  # 「市長施政報告」: a surname character after a title, starting a word
                if len(given) >= 2 and not (strength >= 0.5 or _common(given) == len(given)):
                    continue
                yield start, end, f"title:{title.group(0).strip()}", 0.75
                break

    # 4. the council form: surname + title + given name, the span is the whole (王議員志強：)
    def _council_form(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for title in COUNCIL_PATTERN.finditer(text):
            for surname in (2, 1):
                start = title.start() - surname
                if start < 0:
                    continue
                pair = surname == 2 and all(c in SINGLE_SURNAMES for c in text[start:start + 2])
                if surname == 2 and text[start:start + 2] not in COMPOUND_SURNAMES and not pair:
                    continue  # a compound surname, or 冠夫姓 (林周議員秀梅)
                if surname == 1 and text[start] not in SINGLE_SURNAMES:
                    continue
                if start > 0 and is_cjk(text[start - 1]) and text[start - 1] not in "、，及與和（(" + UNIT_END:
                    continue
                first = title.end()
                for end in (first + 2, first + 1):
                    given = text[first:end]
                    if (
                        end <= len(text)
                        and _given_ok(text, first, end)
                        and _common(given) >= 1
                        and not COUNCIL_NOT_GIVEN.search(given)
                        and (COUNCIL_END.match(text, end) or _right_strength(text, end) >= 2.0 or text[end:end + 1] == "獲")
                    ):
                        yield start, end, f"council:{title.group(0)}", 0.9
                        break
                break

    # 5. before the person's particulars: 王小明（男，45歲）, 林宗晴（現職副處長）
    def _before_particulars(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for particulars in PARTICULARS.finditer(text):
            for length in (4, 3, 2):
                start = particulars.start() - length
                given = text[start + surname_length(text, start):particulars.start()] if start >= 0 else ""
                if (
                    start >= 0 and _is_name(text, start, particulars.start(), in_context=True)
                    and (_left_ok(text, start) or length >= 3)
                    and not COUNCIL_NOT_GIVEN.search(given)  # 「主席致詞（區長）」: what an official does, no name
                ):
                    yield start, particulars.start(), "particulars", 0.75
                    break

    # 6. indigenous names around a middle dot: 瓦歷斯·諾幹
    def _indigenous(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for dot in MIDDLE_DOT.finditer(text):
            middle = dot.start()
            start = None
            for length in (2, 3, 4):
                left = middle - length
                if left < 0 or not all(is_cjk(c) for c in text[left:middle]):
                    break
                title = TITLE_BEFORE_PATTERN.search(text, max(0, left - 6), left + 1)
                if (
                    left == 0 or not is_cjk(text[left - 1]) or text[left - 1] in NON_NAME or text[left - 1] in LEFT_CHARS
                    or title and title.end() == left
                    or re.search(r"[:：]$", text[max(0, left - 1):left])
                ):
                    start = left
                    break
            if start is None:
                continue
            for length in (2, 3, 4):
                end = dot.end() + length
                if end > len(text) or not all(is_cjk(c) for c in text[dot.end():end]):
                    break
                if _right_ok(text, end):
                    yield start, end, "indigenous", 0.8
                    break

    # 7. a name standing on its own: signatures, greetings, table cells, 「本府林志豪、李建宏」
    def _standalone(self, text: str) -> Iterator[tuple[int, int, str, float]]:
        for candidate in FREE_CANDIDATE.finditer(text):
            start = candidate.start()
            if start > 0 and text[start - 1].isdigit():
                continue  # 「15萬元」: a unit after a number (the boundary before is FREE_CANDIDATE's, as _left_ok says)
            for surname, end in _readings(text, start):
                given = end - start - surname
                if given == 1 and surname == 1 and _one_character_given(text, start, end):
                    yield start, end, "standalone", 0.6
                    break
                if given < 2 and not (given == 1 and surname == 2 and text[start:start + 2] in COMPOUND_SURNAMES):
                    continue
                if _standalone_score(text, start, end, surname):
                    yield start, end, "standalone", 0.6
                    break

    @staticmethod
    def _list_members(
        text: str, kept: list[tuple[int, int, str, float]], occupied: bytearray
    ) -> list[tuple[int, int, str, float]]:
        """Names in a list with a name already found: 「曾芳慧、黎子霖、劉郁妤三人」, 「確認陳淑芬與李承翰兩位」.
        ``occupied`` marks the characters of the names found so far; the names found here are added to it."""
        spans = sorted({(s, e) for s, e, _, _ in kept})
        found: list[tuple[int, int, str, float]] = []
        for start, end in spans:  # grows: a member found forwards is followed in turn (莫若瑜、鄞浩、樂佳穎)
            # backwards: a name, then a separator, then the found name
            position = start
            while position > 0 and text[position - 1] in "、，,及與和 ":
                position -= 1
            for length in (3, 4, 2) if position != start and text[position:start].strip() else ():
                left = position - length
                if left < 0 or not _is_name(text, left, position, in_context=True):
                    continue
                if occupied.find(1, left, position) != -1:
                    break
                given = text[left + surname_length(text, left):position]
                if _common(given) == len(given) and length >= 3:
                    found.append((left, position, "list", 0.6))
                    occupied[left:position] = b"\x01" * (position - left)
                break
            # forwards: the found name, a separator, then a name ending at a boundary (「武氏慧如、陳玲二名」)
            note = BRACKET_NOTE.match(text, end)  # 「舒若誠(三重區)、吳梅」, 「王惠蓁(請假)、連禕宗」
            end = note.end() if note else end
            separator = LIST_SEPARATOR.match(text, end)
            if separator and text[end:separator.end()].strip(" \t") in "、，,及與和":
                position = separator.end()
                for surname, stop in _readings(text, position, in_context=True):  # a list of names is context
                    if occupied.find(1, position, stop) != -1:
                        break
                    if _right_strength(text, stop) >= 1.0:
                        found.append((position, stop, "list", 0.6))
                        occupied[position:stop] = b"\x01" * (stop - position)
                        spans.append((position, stop))
                        break
        return found
