"""PERSON (English and romanised): names of natural persons written in Latin letters.

* after a courtesy title: Mr. John Smith, Ms. Lin, Dr. Chen;
* after a field label: Name: / Contact: / From: / Cardholder: / 姓名： / 陳情人： …, title case or CAPITALS;
* a given name from the common-names list followed by a surname: Peter Liu, Sarah Johnson;
* romanised Taiwanese names: Wang Hsiao-ming, Yi-Chun Chen, Lin, Chih-Hao, CHOU KUAN-YU;
* Southeast-Asian names in capitals starting with a common family name: NGUYEN THI HOA, SANTOS MARIA CRUZ;
* a name alone on the line after a closing (Best regards,) or on the last line of a message.

A single given name (Hi Amy) is not reported; department words (Travel Desk, Information Security) never are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PERSON, Finding
from nlp.recognizers.base import Recognizer, word_alternation
from nlp.recognizers.surnames import SINGLE_SURNAMES
from nlp.text import ScanText, add_window

GIVEN_NAMES = frozenset(
    """Aaron Adam Alan Albert Alex Alexander Alice Alicia Allen Amanda Amber Amy Andrew Andy Angela Angel Anna Anne
    Annie Anthony Arthur Ashley Barbara Ben Benjamin Betty Bill Bob Bonnie Brandon Brian Bruce Carl Carol Caroline
    Catherine Cathy Charles Charlie Cherry Chris Christina Christine Christopher Cindy Claire Daniel David Debbie Dennis
    Diana Doris Dorothy Edward Eileen Elaine Elizabeth Ellen Emily Emma Eric Eugene Eva Evelyn Frank Gary George Gloria
    Grace Gary Hannah Harry Helen Henry Howard Ian Irene Isabel Ivan Ivy Jack Jacky James Jane Janet Jason Jeff Jennifer
    Jenny Jerry Jessica Jessie Jim Joan Joanna Joe John Johnny Joseph Joyce Judy Julia Julie Justin Karen Kate Katherine
    Kathy Kelly Ken Kenneth Kevin Kim Larry Laura Lawrence Leo Leon Lily Linda Lisa Louis Lucy Mandy Marcus Margaret Maria
    Mark Martin Mary Matthew Maggie Melody Michael Michelle Mike Monica Nancy Nathan Nicholas Nick Nicole Nina Oliver
    Olivia Oscar Pamela Patrick Paul Peggy Peter Philip Rachel Ray Raymond Rebecca Richard Rita Robert Roger Ronald Rose
    Ruby Ryan Sally Sam Samuel Sandy Sara Sarah Scott Sean Sharon Shirley Simon Sophia Sophie Stanley Stella Stephen
    Steve Steven Susan Sylvia Teresa Terry Thomas Tiffany Tim Timothy Tina Tom Tony Tracy Vanessa Victor Vicky Vincent
    Vivian Wayne Wendy William Willy Winnie Yvonne Zoe
    Aleksandra Alessandro Alexandre Andrea Andreas Anja Anke Antoine Antonio Astrid Beatriz Birgit Bruno Camille
    Carlos Carmen Chiara Claudia Clara Dieter Dmitri Elena Elin Elisa Emil Enrique Erik Fabian Federica Felix Florian
    Francesca Francesco Francisco Franziska Giovanni Giulia Gustav Hans Heike Helga Henrik Hugo Ines Ingrid Isabella
    Jakub Javier Jens Joao Johan Johanna Jorge Jose Juan Julien Jurgen Jürgen Kai Karin Karl Katarzyna Klaus
    Lars Laurent Leonie Lorenzo Luca Lucas Luis Lukas Manuel Marco Marek Margit Maria Marie Marta Martina Mateo Matteo
    Mathias Matthias Mikael Miguel Milan Mohamed Mohammed Monika Nadia Nicolas Niklas Nils Noah Ola Olga Oskar
    Pablo Paolo Pavel Pedro Petra Pierre Piotr Rafael Raphael Roberto Ruth Sabine Sandra Sebastian Sergei Silvia
    Simone Sofia Sophie Stefan Stefano Svetlana Sven Thomas Tobias Tomas Tomasz Ulrike Ursula Valentina Vera Viktor
    Yannick Yusuf Zofia
    Agus Ahmad Arief Ayu Bambang Budi Dewi Eko Fitri Hendra Indah Joko Kartika Lestari Nur Putu Rina Rizky
    Siti Wahyu Wayan Yanti Anh Binh Dung Hanh Hieu Hoa Huong Khanh Linh Minh Nga Ngoc Phuong Quang
    Thanh Thao Trang Tuan Tung Vinh Somchai Somsak Supaporn Malee Niran Rodrigo Jericho Marites Rowena Teresita""".split()
)
# Romanised Taiwanese surnames (Wade–Giles, Tongyong, Hanyu Pinyin) and common Southeast-Asian family names.
TW_SURNAMES = frozenset(
    """Chen Chan Lin Lim Huang Hwang Wong Chang Zhang Li Lee Wang Wu Liu Lau Tsai Cai Yang Hsu Xu Cheng Zheng Hsieh Xie
    Kuo Guo Hung Hong Tseng Zeng Chiu Qiu Liao Lai Chou Zhou Yeh Ye Su Chuang Zhuang Lu Lo Luo Chiang Jiang Ho He Hsiao
    Xiao Kao Gao Pan Chien Jian Chu Zhu Chung Zhong Peng Yu You Shih Shi Hu Shen Liang Chao Zhao Yen Yan Ko Ke Wei Sun
    Tai Dai Fan Fang Sung Song Teng Deng Tu Du Fu Hou Tsao Cao Wen Hsueh Xue Ting Ding Ma Tang Cho Zhuo Lan Feng Yao
    Tung Dong Tsou Zou Pai Bai Kang Chi Ji Ou Yen Tsui Kung Gong Yuan Niu Mao Tsao Chin Jin Kuan Guan""".split()
)
SEA_FAMILY = frozenset(
    "NGUYEN TRAN LE PHAM HOANG HUYNH PHAN VU VO DANG BUI DO HO NGO DUONG LY SANTOS REYES CRUZ GARCIA BAUTISTA "
    "MENDOZA RAMOS AQUINO VILLANUEVA DELA FERNANDEZ GONZALES LOPEZ TORRES SIREGAR WIJAYA SARI PUTRI".split()
)
NOT_NAME_WORDS = frozenset(
    """Sir Madam Madame All Team Colleagues Everyone Customer Friends Manager Director Committee Office Department
    Division Section Government City Taipei Taiwan New Desk Travel Information Security Finance Service Services Support
    Center Centre Unit Admin Administration Affairs Bureau Agency Ministry Council Hall Help Helpdesk Secretariat Legal
    Personnel Human Resources Accounting Budget Procurement Technology Digital Public Relations Press Media Marketing
    Sales Police Fire Health Labor Social Welfare Education Culture Tourism Transportation Traffic Environmental Urban
    District Road Street Bank Post Dear Hi Hello Regards Thanks Best Kind Yours Sincerely Please The This That Microsoft
    Google Apple Copilot ChatGPT Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Teams Office Word Excel Outlook PowerPoint Power Azure
    Windows Cloud Online Data Open Chrome Edge Line Meet Zoom Webex Adobe Acrobat Reader Android Gemini Claude Visual
    Studio Smart Net Expo Award Forum Summit Week Festival Park Mall Plaza Tower Hotel University College School
    Hospital Foundation Association Society Institute Company Corporation Group Lab Labs Project Program Plan Cup
    Games Marathon Airlines Air Taoyuan Kaohsiung Taichung Tainan Banqiao Xinzhuang Sanchong Danshui Tamsui Keelung
    Top Secret Official Confidential Restricted Internal Passport No Accounts Payable Receivable Operations Purchasing Reception Mayor Deputy Director Minister Chief Secretary Commissioner Councilor Councillor Professor Officer President
    Action Items Minutes Agenda Subject Note Notes Report Annual Review Notice
    Architect Engineer Consultant Analyst Specialist Coordinator Assistant Associate Lead Senior Principal Solutions
    Executive Representative Developer Designer Scientist Researcher Advisor Adviser Intern Trainee""".split()
)

# Latin letters with diacritics (Müller, Martínez, Trần Văn Hùng) count as letters of a name.
LOWER_LETTER = "a-zß-öø-ÿā-ɏḁ-ỿ"
UPPER_LETTER = "A-ZÀ-ÖØ-ÞĀ-ɎḀ-Ỿ"
CAP = rf"[{UPPER_LETTER}][{LOWER_LETTER}]+(?:-[{UPPER_LETTER}{LOWER_LETTER}][{LOWER_LETTER}]+)?"
PARTICLE = r"(?:van|der|den|de|von|da|di|del|dos|la|le|bin|binti|al)"
UPPER = rf"[{UPPER_LETTER}]{{2,}}(?:-[{UPPER_LETTER}]{{2,}})?"
LABEL = (
    r"(?:Name|Full name|Contact(?: person)?|Media contact|Press contact|From|To|Cc|Attn|Attention|Applicant|Cardholder|"
    r"Card holder|holder|Account name|Passenger|Prepared by|Case officer|Chair|Attendees|Speaker|applicant|"
    r"姓名|英文姓名|陳情人|申請人|聯絡人|受文者|持卡人|戶名|出席|列席|訪客|移工|新住民|看護工|外籍看護工|看護|"
    r"紀錄|記錄|主席|承辦人|聯絡窗口)"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # an indigenous name in Latin letters, its parts joined by a middle dot: Sayun·Yukan, Panay·Kacaw
    ("indigenous", re.compile(
        rf"(?<![A-Za-z])(?P<name>[{UPPER_LETTER}][{LOWER_LETTER}']+(?:[·・‧•][{UPPER_LETTER}][{LOWER_LETTER}']+)+)(?![A-Za-z])"
    )),
    # a courtesy title and a full name (Ms. Lin alone is a surname, not a name)
    ("title", re.compile(rf"(?=[MDP])\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx)\.?[ ]+(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,2}})")),
    ("label", re.compile(
        rf"{LABEL}[ \t]*[:：]?[ \t]*(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,3}}|{UPPER},?(?:[ ]+{UPPER}){{1,3}})"
    )),
    ("romanised", re.compile(
        r"(?=[A-Z])(?<![A-Za-z])(?P<name>[A-Z][a-z]{1,6},?[ ][A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6}"   # Lin, Chih-Hao / Wang Hsiao-ming
        r"|[A-Z]{2,6},?[ ][A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6}"                             # CHEN, Yu-Hsuan / LIN Po-Wei
        r"|[A-Z][a-z]{1,6}-[A-Za-z][a-z]{1,6}[ ][A-Z][a-z]{1,6}"                          # Yi-Chun Chen
        r"|[A-Z]{2,6},?[ ][A-Z]{2,6}-[A-Z]{2,6})(?![A-Za-z])"                             # CHOU KUAN-YU, TING, JUI-TSE
    )),
    # a greeting with a full name: Dear Nguyen Van Long,
    # what is said of a person, in English: My name is …, please call … at, said …, Note taker: …
    ("cue", re.compile(
        r"(?=[MmPpCcRrSsAaNnIiTt])(?<![A-Za-z])(?:[Mm]y name is|[Pp]lease call|[Cc]all|[Cc]ontact|[Rr]each out to|[Ss]aid|[Cc]olleague|"
        r"[Aa]ccording to|[Nn]ote taker|[Ii]nterpreter|[Rr]eporter|(?:[Pp]repared|[Ss]ubmitted|[Aa]pproved|[Rr]eviewed|[Ss]igned) by|"
        r"[Tt]hanks to|[Aa]sked|[Tt]old)"
        rf"[ ]*:?[ ]+(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,3}})"
    )),
    ("cue", re.compile(
        rf"(?=[{UPPER_LETTER}])(?<![A-Za-z])(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,3}})"
        r"(?='s|[ ]+(?:at[ ]+(?:\+|\(|ext|[0-9])|said\b)|,[ ]*(?:Passport|ID\b|DOB|born|aged?\b|Tel|Phone|Mobile|ARC))"
    )),
    # a name in apposition to a role: your engineer, Andrea Petrova, will …
    ("apposition", re.compile(rf",[ ]+(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,2}})(?=,)")),
    # a Latin name embedded in Chinese text: 外僑Andrea Whitfield（美籍）, 評選委員：王小明、Lukas Brown、…
    ("embedded", re.compile(
        rf"(?=[ \t\n{UPPER_LETTER}])(?<=[\u3400-\u9fff（(、：: \t\n])(?<![A-Za-z] )[ ]?(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,2}})"
        r"(?=[ ]?[\u3400-\u9fff（(、，,；;）)]|[ ]+(?:\+886|\(0|0[2-9]))"
    )),
    # capitals in brackets after a Chinese name (the gloss filter in _accept keeps only those): 黃淑華(DEWI LESTARI)
    ("embedded", re.compile(rf"(?<=[\u3400-\u9fff])[（(](?P<name>{UPPER}(?:[ ]+{UPPER}){{1,3}})(?![A-Za-z])")),
    # capitals after a party of a judgment header, spaced to align: 「被　　告 DEWI LESTARI」
    ("embedded", re.compile(rf"(?<=[告人])[ \t]+(?P<name>{UPPER}(?:[ ]+{UPPER}){{1,3}})(?![A-Za-z])")),
    # capitals after a Chinese role or name label: 轉介對象：BUDI HARTONO, 姓名（英文）：DEWI LESTARI
    ("embedded", re.compile(
        rf"(?=[ \t:：])(?<=[人者員名文象工主籍）)])[ ]*[:：\t][ ]*(?P<name>{UPPER}(?:[ ]+{UPPER}){{1,3}})(?![A-Za-z])"
    )),
    ("greeting", re.compile(rf"(?=[DH])(?:Dear|Hi|Hello)[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{1,3}})[ ]*,")),
    # a signature in capitals: LIN, YU-HSUAN
    ("upper-line", re.compile(rf"^[ \t]*(?P<name>{UPPER},?(?:[ ]+{UPPER}){{1,2}})[ \t]*$", re.MULTILINE)),
    # a line that is only a name: a signature (Mei Chang)
    ("line", re.compile(rf"^[ \t]*(?P<name>{CAP}(?:[ ]+{CAP}){{1,2}})[ \t]*(?:,[ \t]*[A-Z]{{2,5}})?[ \t]*$", re.MULTILINE)),
    ("closing", re.compile(
        rf"^(?:Best regards|Kind regards|Regards|Best|Sincerely|Yours sincerely|Thanks|Thank you|Thanks, noted\.?|Cheers)"
        rf"[ ]*[,.!]?[ ]*\n(?:[^\n]*[\u3400-\u9fff][ ]+)?(?P<name>{CAP}(?:[ ]+{CAP}){{1,2}})",
        re.MULTILINE,
    )),
]


ROLE_BEFORE = re.compile(
    r"(?i:engineer|officer|colleague|manager|assistant|representative|consultant|director|coordinator|inspector|"
    r"supervisor|lawyer|attorney|doctor|nurse|teacher|agent|specialist|interpreter)$"
)
# The next member of a comma-separated list of names.
LIST_NEXT = re.compile(
    rf"[ ]*[,;][ ]*(?:and[ ]+)?(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,2}}|{UPPER}(?:[ ]+{UPPER}){{1,3}})"
    r"(?=[ ]*(?:[,;.(\n]|$))"
)
# What follows a signature name: a department after a comma, contact details on the next line, or the end of the text.
SIGNATURE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[A-Z]{2,5}[ \t]*$|\n[^\n]*(?:@|\+886|\(0[2-9]|Tel|Phone|Mobile|Ext)|\s*\Z)", re.M)

# A romanised Mandarin syllable (Wade–Giles, Tongyong, Hanyu Pinyin): consonants, vowels, an -n/-ng/-r ending.
MANDARIN_SYLLABLE = re.compile(r"^(?:[bcdfghjklmnpqrstwxyz]{0,3})h?[aeiouüy]{1,3}(?:n|ng|r|h)?$", re.IGNORECASE)

# Names that start with a listed word: found by scanning capitalised words once and matching the rest there.
# A listed given name or family name as a whole word (a trie: the regex engine skips to where one may start).
# Southeast-Asian family names written in title case (Phan Thi Ngoc Anh); two letters (Le, Do, Ho) are English words.
SEA_FAMILY_TITLE = frozenset(name.title() for name in SEA_FAMILY if len(name) >= 3)
LISTED_WORD = re.compile(word_alternation("|".join(sorted(GIVEN_NAMES | SEA_FAMILY | SEA_FAMILY_TITLE))) + "(?![A-Za-z])")
AFTER_GIVEN = re.compile(rf"[ ]+(?:{PARTICLE}[ ]+)*{CAP}(?:[ ]+{CAP})?(?![{UPPER_LETTER}{LOWER_LETTER}])")
AFTER_FAMILY = re.compile(r"(?:[ ]+[A-Z]{2,}){1,3}(?![A-Za-z])")


# A Chinese name right before a bracket, after a field or a boundary (承辦人：江雅妮（Joao Kowalska）, 姓名:黃淑華(DEWI
# LESTARI)): what is in the bracket is the same person's other name, not a gloss.
CHINESE_NAME_BEFORE = re.compile(
    rf"(?:^|[^\u3400-\u9fff])[{''.join(sorted(SINGLE_SURNAMES))}][\u3400-\u9fff]{{1,3}}[（(]$"
)
# A bulleted line that is only a name: 「- Sabine Köhler」.
BULLET_NAME = re.compile(
    rf"^[ \t]*[-•*・●‧][ \t]+(?P<name>{CAP}(?:[ ]+(?:{PARTICLE}[ ]+)*{CAP}){{1,2}})[ \t]*$", re.MULTILINE
)
# Every pattern above needs two capitalised words in a row on one line (a name has a given name and a surname,
# maybe with a particle between): Mei Chang, LIN, YU-HSUAN, Ludwig van Beethoven. A name with a word that is
# never part of one (Information, Office, Notice: NOT_NAME_WORDS) is refused (_accept), so such pairs do not count.
NAME_PAIR = re.compile(
    rf"[{UPPER_LETTER}][{UPPER_LETTER}{LOWER_LETTER}'\-]*(?P<gap>,?[ ]+(?:{PARTICLE}[ ]+)*|[·・‧•])"
    rf"[{UPPER_LETTER}][{UPPER_LETTER}{LOWER_LETTER}'\-]*"
)


def _latin_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` worth running the name patterns on: each line holding two capitalised words in a
    row and the line before it (「Best regards,」 above a signature), merged. Chinese-only lines, most of a 公文,
    and English lines without a name are skipped."""
    windows: list[tuple[int, int]] = []
    for pair in _name_pairs(text):
        if windows and pair.start() < windows[-1][1]:
            continue
        line_start = text.rfind("\n", 0, pair.start()) + 1
        start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        end = text.find("\n", pair.end())
        end = len(text) if end == -1 else end
        add_window(windows, start, end)
    return windows


def _name_pairs(text: str) -> Iterator[re.Match[str]]:
    """NAME_PAIR's matches whose two words may both be in a name, overlapping ones too (Office John Smith)."""
    pair = NAME_PAIR.search(text)
    while pair:
        words = (pair.group(0)[:pair.start("gap") - pair.start()], pair.group(0)[pair.end("gap") - pair.start():])
        if not any(_not_name(word) for word in words):
            yield pair
        pair = NAME_PAIR.search(text, pair.end("gap"))  # the second word may start the next pair


def _not_name(word: str) -> bool:
    """A word that _accept refuses in any name."""
    return word.strip(".").title() in NOT_NAME_WORDS or word in NOT_NAME_WORDS


class EnglishPersonRecognizer(Recognizer):
    name = "person_english"
    type = PERSON

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        if not re.search(r"[A-Z][A-Za-z]", text):
            return
        seen: set[tuple[int, int]] = set()
        last_end = 0  # a listed word inside a name just found (Phan Thi Ngoc Anh) starts no other name
        for word in LISTED_WORD.finditer(text):
            start = word.start()
            if start < last_end or start and text[start - 1].isalpha() and text[start - 1].isascii():
                continue
            if word.group(0) in GIVEN_NAMES:
                kind, rest = "given-name", AFTER_GIVEN.match(text, word.end())
            elif word.group(0) in SEA_FAMILY:
                kind, rest = "capitals", AFTER_FAMILY.match(text, word.end())
            elif word.group(0) in SEA_FAMILY_TITLE:
                kind, rest = "given-name", AFTER_GIVEN.match(text, word.end())  # Phan Thi Ngoc Anh
            else:
                continue
            if rest and (start, rest.end()) not in seen:
                name = text[start:rest.end()]
                if not any(w in NOT_NAME_WORDS for w in name.split()):
                    seen.add((start, rest.end()))
                    last_end = rest.end()
                    yield self.finding(scan_text, start, rest.end(), 0.7, ["rule", kind])
        windows = _latin_windows(text)
        for kind, pattern in PATTERNS:
            for window_start, window_end in windows:
                for match in pattern.finditer(text, window_start, window_end):
                    span = self._accept(kind, match)
                    if span and span not in seen:
                        seen.add(span)
                        yield self.finding(scan_text, span[0], span[1], 0.8, ["rule", kind])
        # the rest of a comma-separated list that holds a name found above (Attendees: …, Dmitri Kowalska, …)
        for start, end in sorted(seen):
            for match in iter(lambda: LIST_NEXT.match(text, end), None):
                span = self._accept("list", match)
                if not span or span in seen:
                    break
                seen.add(span)
                end = span[1]
                yield self.finding(scan_text, span[0], span[1], 0.7, ["rule", "list"])
        # a bulleted list of people (「- Jürgen Albrecht」 lines) that holds a name found above: its other items too
        items = [m for m in BULLET_NAME.finditer(text) if self._accept("list", m)]
        found_names = {text[start:end] for start, end in seen}
        blocks: list[list[re.Match[str]]] = []
        for item in items:
            if blocks and text.count("\n", blocks[-1][-1].end(), item.start()) == 1:
                blocks[-1].append(item)
            else:
                blocks.append([item])
        for block in blocks:
            spans = [(item.start("name"), item.end("name")) for item in block]
            if len(block) > 1 and any(text[start:end] in found_names for start, end in spans):
                for span in spans:
                    if span not in seen:
                        seen.add(span)
                        yield self.finding(scan_text, span[0], span[1], 0.7, ["rule", "bullet-list"])

    @staticmethod
    def _accept(kind: str, match: re.Match[str]) -> tuple[int, int] | None:
        name = match.group("name")
        words = re.split(r"[ ,]+", name)
        if any(w.strip(".").title() in NOT_NAME_WORDS or w in NOT_NAME_WORDS for w in words):
            # trim department words at the end ("Sophie Tsai, HR" is handled by the comma)
            return None
        before = match.string[:match.start("name")].rstrip(" ")
        if kind == "embedded" and before.endswith(("（", "(")) and not any(
            w in GIVEN_NAMES or w.title() in TW_SURNAMES or w in SEA_FAMILY or not w.isascii() for w in words
        ) and not CHINESE_NAME_BEFORE.search(before):
            return None  # 「模型漂移（Model Drift）」, 「(Traditional Chinese, …)」: a gloss in brackets, not a name
        if kind == "apposition" and not ROLE_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
            return None  # only after a role noun: 「your engineer, Andrea Petrova, will」
        if kind == "romanised" and not all(MANDARIN_SYLLABLE.match(part) for part in re.split(r"[-, ]+", name) if part):
            return None  # 「Long-Term Care」: parts that are not Mandarin syllables
        if kind == "upper-line" and not any(w.strip(",").title() in TW_SURNAMES for w in words):
            return None
        if kind == "line" and not (
            words[0] in GIVEN_NAMES or words[-1] in TW_SURNAMES or words[0] in TW_SURNAMES
            or SIGNATURE_AFTER.match(match.string, match.end("name"))
        ):
            return None  # a line of capitalised words is a name where a signature is: last, or before contacts
        if kind == "title" and len(words) == 1 and words[0] not in TW_SURNAMES and words[0][0].isupper() is False:
            return None
        return match.start("name"), match.end("name")
