"""ADDRESS: a whole Taiwanese postal address.

Optional postcode (3, 5 or 6 digits), 縣市, 鄉鎮市區, 村里, 鄰, then 路 / 街 / 大道 with 段, 巷, 弄, 號, 之,
樓, 室; numbers in Arabic, full-width or Chinese numerals (中山路一段三十五巷). An address needs a 號 and
either an administrative part (縣市 or 區) or an address label (地址, 住址, 住, 位於 …) just before it;
a road name alone (中山路) or an agency name is not an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import ADDRESS, Finding
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText

NUM = r"[0-9一二三四五六七八九十百零〇○]+"
NUM_LAZY = r"[0-9一二三四五六七八九十百零〇○]+?"
# Characters of a place name: CJK, not an administrative suffix or a word that ends a phrase.
NAME = r"[^\W\d_A-Za-z市縣區鄉鎮村里鄰路街段巷弄號樓室住址籍設於在至到位即及與或的之、，。：:；（）()「」\s]"

# Road and district names may hold 市, 鎮 or 鄉 (市府路, 前鎮區, 新市區); never 區 or 路.
ROAD_NAME = NAME.replace("市縣區鄉鎮村", "區")  # 縣民大道, 市府路
DISTRICT_NAME = NAME.replace("市縣區鄉鎮村", "縣區村")
CITY = r"""
    (?: 臺北市|台北市|新北市|桃園市|臺中市|台中市|臺南市|台南市|高雄市|基隆市|新竹市|嘉義市
      | 新竹縣|苗栗縣|彰化縣|南投縣|雲林縣|嘉義縣|屏東縣|宜蘭縣|花蓮縣|臺東縣|台東縣|澎湖縣|金門縣|連江縣 )
"""

# Public pages and many drafts put a space around each number (建國路三段 15 號 3 樓); one space is allowed
# wherever a number meets its unit. House numbers carry 之 or a hyphen (3 之 1 號, 45-2號); floors come as
# ranges (3-9 樓) and basements (地下1樓, B1).
# Districts people write without 區 before the road (淡水中山北路二段175號): New Taipei's 29 and Taipei's, leaving
# out those that are also the first half of common road names (中山北路, 信義路, 中正路 …), which stay roads.
BARE_DISTRICTS = "|".join(
    "板橋 三重 中和 永和 新莊 新店 樹林 鶯歌 三峽 淡水 汐止 瑞芳 土城 蘆洲 五股 泰山 林口 深坑 石碇 坪林 三芝 石門 八里 平溪 "
    "雙溪 貢寮 金山 萬里 烏來 松山 萬華 士林 北投 內湖 南港".split()
)
S = "[ ]?"
HOUSE = rf"{NUM} (?: {S} (?: 之 | - ) {S} {NUM} )?"
FLOOR = rf"(?: {NUM} (?: {S} [-~至] {S} {NUM} )? {S} (?: 樓 | F ) | (?: 地下 {S} {NUM} {S} 樓 | B [0-9]{{1,2}} F? ) )"
PATTERN = re.compile(
    rf"""
    (?P<postcode> (?<![0-9\-]) [0-9]{{3}} (?:[0-9]{{2,3}})? [ ]? )?   # not the tail of a phone number
    (?: 臺灣省|台灣省 )?
    (?P<city> {CITY} )?
    (?P<district> {DISTRICT_NAME}{{1,3}}? [區鄉鎮市] | (?:{BARE_DISTRICTS})(?={ROAD_NAME}) )?   # 淡水中山北路…
    (?P<village> {NAME}{{1,3}} [村里] )?
    (?P<lin> {S} {NUM} {S} 鄰 )?
    (?: (?P<road> {ROAD_NAME}{{1,6}}? (?:路|街|大道) | {NAME}{{1,4}}村 )
      | (?(lin) {NAME}{{0,4}}                  # rural: 菁桐里五鄰二十八號, 埔坪里7鄰埔頭坑71號
        | (?(village) {NAME}{{1,4}} | (?!) ) ) )   # a place in a village: 中平里中平12號, 埔頭里埔頭坑 38 號
    (?: {S} {NUM} {S} 段 )?
    (?: {S} {NUM} {S} 巷 )?
    (?: {S} {NUM} {S} 弄 )?
    {S}
    (?P<number> {HOUSE} {S} 號
        (?: {S} 之 {S} (?: {NUM_LAZY} (?={NUM}(?:樓|F)) | {NUM} ) )? )   # 三號之一四樓: 之一, then 四樓
    (?: {S} {FLOOR} (?: {S} 之 {S} {NUM} )? )?
    (?: {S} {NUM} {S} 室 )?
    """,
    re.VERBOSE,
)
# Taiwanese addresses in English (中華郵政 英譯): 7F., No. 100, Sec. 1, Zhongshan Rd., Banqiao Dist., New Taipei City 220
EN_PATTERN = re.compile(
    r"""
    (?=[0-9N])  # a possible first character: lets the regex engine skip ahead
    (?: (?:[0-9]{1,2}F\.?(?:-[0-9]+)? | [0-9]{1,2}(?:st|nd|rd|th)[ ]Fl(?:oor|\.)?) [ ]*,[ ]* )?   # floor
    No\.[ ]?[0-9]+(?:-[0-9]+)? [ ]*,[ ]*                                                    # house number
    (?: (?:Aly|Alley)\.?[ ]?[0-9]+ [ ]*,[ ]* )?                                              # alley
    (?: (?:Ln|Lane)\.?[ ]?[0-9]+ [ ]*,[ ]* )?                                                # lane
    (?: Sec\.?[ ]?[0-9]+ [ ]*,[ ]* )?                                                        # section
    [A-Z][A-Za-z']+(?:[ ][A-Z0-9][A-Za-z']*){0,3} [ ] (?:Rd|St|Blvd|Ave|Road|Street|Boulevard|Avenue)\.?
    (?: [ ]*,[ ]* Sec\.?[ ]?[0-9]+ )?
    (?: [ ]*,[ ]* [A-Z][a-z]+(?:[ ][A-Z][a-z]+)? [ ] (?:Dist|District|Township|Twp|Vil|Village)\.? )*
    (?: [ ]*,[ ]* (?:New[ ])?[A-Z][a-z]+(?:[ ][A-Z][a-z]+)? [ ] (?:City|County) )?
    (?: [ ]*,?[ ]* [0-9]{3}(?:[0-9]{2,3})? (?![0-9]) )?
    (?: [ ]*,[ ]* Taiwan(?:[ ]\(R\.O\.C\.\))? )?
    """,
    re.VERBOSE,
)
NUMERAL_CHARS = frozenset("0123456789一二三四五六七八九十百零〇○")
ROAD = re.compile(r"路|街|大道|村|里|鄰")
# A label before an address without city or district: forms, 函 headers, judgment headers (籍設…, 住…).
LABEL_BEFORE = re.compile(
    r"(?:地址|住址|戶籍地?|居住地|居所|住居所|通訊處|地點|位於|住於|住在|現住|寄至|送達(?:處所|地址)?|籍設|設籍|住|址)\s*[:：]?\s*$"
)


class AddressRecognizer(Recognizer):
    name = "address"
    type = ADDRESS

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        if "No." in text:
            for english in EN_PATTERN.finditer(text):
                yield self.finding(scan_text, english.start(), english.end(), 0.85, ["pattern", "english"])
        if "號" not in text:
            return
        last_end = 0
        for hao in re.finditer("號", text):
            before = hao.start() - 1
            if before >= 0 and text[before] == " ":
                before -= 1  # 15 號
            if hao.start() < last_end or before < 0 or text[before] not in NUMERAL_CHARS:
                continue
            window_start = max(last_end, hao.start() - 60)
            road = None
            for road in ROAD.finditer(text, window_start, hao.start()):
                break
            if road is None:
                continue
            window_start = max(window_start, road.start() - 30)
            match = PATTERN.search(text, window_start, min(len(text), hao.end() + 20))
            while match and match.end("number") < hao.end():
                match = PATTERN.search(text, match.start() + 1, min(len(text), hao.end() + 20))
            if not match or match.start("number") > hao.start():
                continue
            has_admin = bool(match.group("city") or match.group("district"))
            labelled = bool(LABEL_BEFORE.search(text, max(0, match.start() - 8), match.start()))
            if not (has_admin or labelled):
                continue
            start = match.start()
            if match.group("postcode") and match.group("postcode").strip().isdigit() and not has_admin:
                start = match.end("postcode")  # a number before a road is no postcode without a city
            end = match.end()
            while end > start and text[end - 1] == " ":
                end -= 1
            evidence = ["pattern"] + (["administrative-area"] if has_admin else []) + (["context"] if labelled else [])
            yield self.finding(scan_text, start, end, 0.9 if has_admin else 0.75, evidence)
            last_end = end
