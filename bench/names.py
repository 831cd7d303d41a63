"""Names drawn from the real distribution, for the name-substitution test (``tests/nlp/test_name_substitution.py``).

Every gold PERSON of the labelled corpus is replaced by a name from :class:`NameGenerator` and the engine must
find the new names as well as it found the old ones: a rule that only knows the corpus's names fails here.

The distribution follows published facts of the 內政部 全國姓名統計分析 (not the engine's tables):

* the ten largest surnames 陳 林 黃 張 李 王 吳 劉 蔡 楊 cover about half the population (陳 about 11%, 林 8%,
  黃 6%); the country has about 1,500 surnames, about 110 of them compound;
* about 1.7% of people have a one-character given name (單名); almost all others two characters;
* married women may carry the husband's surname in front of their own (冠夫姓, 陳黃秀蘭);
* the given names most often registered by generation (淑芬 美玲 雅婷 怡君 家豪 志明 俊傑 建宏 承恩 品睿 詠晴 子晴 …),
  and rarer characters, some outside the Basic Multilingual Plane, that 戶政 registers (𡘙 is one code point in
  Python and two UTF-16 units in JavaScript);
* indigenous names written in Chinese characters with a middle dot (Article 4 of the 姓名條例 lets them be
  written so), Vietnamese and Indonesian spouses' names (阮氏 + given name), and foreign names in Latin letters.

The generator is seeded: the same seed gives the same names, so the test is deterministic.
"""

from __future__ import annotations

import random
import re

# Surnames with weights in per mille of the population (largest published shares, rounded), then a long tail.
SURNAME_WEIGHTS = {
    "陳": 111, "林": 83, "黃": 60, "張": 53, "李": 51, "王": 41, "吳": 40, "劉": 32, "蔡": 29, "楊": 26,
    "許": 23, "鄭": 19, "謝": 18, "郭": 17, "洪": 16, "曾": 16, "邱": 15, "廖": 15, "賴": 15, "周": 14,
    "徐": 14, "蘇": 13, "葉": 13, "莊": 12, "呂": 12, "江": 11, "何": 11, "蕭": 10, "羅": 10, "高": 10,
}
SURNAME_TAIL = (
    "潘簡朱鍾游彭詹施胡沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹溫薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康鄒白涂尤巫韓龔嚴袁"
    "黎金阮陸倪夏童邵柳錢毛伍甘易俞雷鐘龍麥賀房譚辛萬段熊任秦殷關左卜崔聶祝岳鄔冉駱常武孔粘鮑闕饒葛褚廉尹苗車艾池管解單"
    "魯穆裴盛衛陶桂舒滕焦邊伊閻郁虞官商莫凌喻柴祁練辜蒲梅鄞章岑耿牛"
)
COMPOUND = ("歐陽", "張簡", "范姜", "司馬", "諸葛", "上官", "司徒", "東方", "西門", "公孫")
# Given names by generation (published top lists) and characters to compose others.
COMMON_GIVEN = (
    "淑芬 淑惠 美玲 雅婷 美惠 麗華 淑娟 淑貞 怡君 淑華 秀英 玉蘭 雅雯 佩珊 詩涵 宜蓁 欣妤 詠晴 子晴 品妍 "
    "家豪 志明 俊傑 建宏 俊宏 志豪 志偉 文雄 金龍 正雄 志強 承翰 冠宇 "
    "承恩 宥廷 品睿 柏宇 宸睿 書豪 雅妮 寶春 資穎 金水 秀琴 阿滿"
).split()
GIVEN_FIRST = "家志俊建文明冠承宗宇柏子品宥雅淑美怡佳欣詩宜佩婉秀玉麗惠芳靜思心郁若采芷語彥信振國"
GIVEN_SECOND = "豪明傑宏偉強翰宇恩廷睿軒哲凱霖瑋婷君芬玲華涵蓁妤晴萱琪穎珊如瑜慧蓉儀安臻潔彤嘉誠達"
# Rarer characters found in registered names; the first three are outside the BMP.
RARE_GIVEN = "𡘙𠀋𤧟堃喆犇淼昇玥芃翃彧琍甯璟瑀綪霈晞禕"
SINGLE_GIVEN = "杰傑毅敏梅雪芳華萍玲"
# Indigenous names in Chinese characters (syllables of Amis, Atayal, Paiwan, Bunun names as 戶政 writes them).
INDIGENOUS_SYLLABLES = "瓦歷斯諾幹巴奈庫穗伊萬達給尤命哈勇比吼阿莎韻卡拉雅布農烏嘎蘇娃思莫那魯道帕"
VIETNAMESE = ("阮氏", "陳氏", "黎氏", "范氏", "武氏")
# Foreign names in Latin letters.
WESTERN_GIVEN = (
    "Marta Lukas Sven Aurelie Joao Ingrid Mateo Chiara Tomasz Elin Henrik Noemi Pavel Ana Jonas Lea Matthias "
    "Sofia Andrea Julien Katarzyna Olga Dmitri Fatima Omar Priya Rahul Hannah Emma Oliver Grace David Maria"
).split()
WESTERN_FAMILY = (
    "Kowalska Lindqvist Moreau Oliveira Berg Rossi Novak Svensson Dvorak Fernandes Becker Schneider Dubois "
    "Costa Jansen Nowak Petrova Haddad Sharma Gupta Smith Brown Wilson Whitfield Martinez Garcia"
).split()
ROMAN_SURNAMES = (
    "Chen Lin Huang Chang Lee Wang Wu Liu Tsai Yang Hsu Cheng Hsieh Kuo Hung Tseng Chiu Liao Lai Chou"
).split()
ROMAN_SYLLABLES = "Chih Hao Mei Ling Yu Ting Chia Wei Hsin Yi Kuan Shu Fen Chun Ming Po Wen Hsuan Tsung Jen Ya".split()
SEA_NAMES = (
    ("Nguyen", "Thi", "Lan"), ("Tran", "Van", "Minh"), ("Pham", "Thi", "Thu"), ("Le", "Van", "Hung"),
    ("Siti", "Rahmawati"), ("Budi", "Hartono"), ("Dewi", "Lestari"),
)

LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
CJK_TITLE_INSIDE = re.compile(r"(議員|議長|副議長|主席|副主席|代表|市長|鎮長|縣長|委員)")


class NameGenerator:
    """Seeded names: :meth:`chinese`, :meth:`latin_like` and :meth:`replacement` for a gold name."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self._surnames = list(SURNAME_WEIGHTS) + list(SURNAME_TAIL)
        tail_weight = 2
        self._weights = list(SURNAME_WEIGHTS.values()) + [tail_weight] * len(SURNAME_TAIL)

    def surname(self) -> str:
        if self.random.random() < 0.02:
            return self.random.choice(COMPOUND)
        return self.random.choices(self._surnames, self._weights)[0]

    def given(self) -> str:
        roll = self.random.random()
        if roll < 0.02:
            return self.random.choice(SINGLE_GIVEN)
        if roll < 0.40:
            return self.random.choice(COMMON_GIVEN)
        if roll < 0.92:
            return self.random.choice(GIVEN_FIRST) + self.random.choice(GIVEN_SECOND)
        rare = self.random.choice(RARE_GIVEN)
        other = self.random.choice(GIVEN_FIRST + GIVEN_SECOND)
        return rare + other if self.random.random() < 0.5 else other + rare

    def chinese(self) -> str:
        """A name as written in Chinese text: mostly surname + given name, sometimes 冠夫姓, indigenous, Vietnamese."""
        roll = self.random.random()
        if roll < 0.04:  # 冠夫姓: the husband's surname, then her own
            return self.surname() + self.surname()[0] + self.random.choice(COMMON_GIVEN)
        if roll < 0.06:
            return self._indigenous_part() + "·" + self._indigenous_part()
        if roll < 0.08:
            return self.random.choice(VIETNAMESE) + self.random.choice(GIVEN_SECOND) + self.random.choice(GIVEN_SECOND)
        return self.surname() + self.given()

    def _indigenous_part(self) -> str:
        return "".join(self.random.choices(INDIGENOUS_SYLLABLES, k=self.random.choice((2, 3))))

    def latin_like(self, original: str) -> str:
        """A Latin-letter name in the style of ``original``: romanised Taiwanese, South-East Asian or Western."""
        words = re.split(r"[ ,]+", original.strip())
        if "-" in original:
            surname = self.random.choice(ROMAN_SURNAMES)
            given = "-".join(self.random.sample(ROMAN_SYLLABLES, 2))
            given = given[0] + given[1:].lower() if not original.isupper() else given
            if "-" in words[0]:
                name = f"{given} {surname}"
            else:
                name = f"{surname}, {given}" if "," in original else f"{surname} {given}"
        elif words and words[0].title() in {"Nguyen", "Tran", "Pham", "Le", "Siti", "Budi", "Dewi", "Santos"}:
            name = " ".join(self.random.choice(SEA_NAMES))
        else:
            name = f"{self.random.choice(WESTERN_GIVEN)} {self.random.choice(WESTERN_FAMILY)}"
        return name.upper() if original.isupper() else name

    def replacement(self, original: str) -> str:
        """A new name for the gold name ``original``, keeping what the text around it needs.

        Latin names stay Latin; the council form (王議員志強) keeps its title between a new surname and given
        name; a spaced two-character name (林　芳) keeps its space.
        """
        if LATIN.search(original):
            return self.latin_like(original)
        inside = CJK_TITLE_INSIDE.search(original, 1)
        if inside and inside.start() in (1, 2):
            return self.surname() + inside.group(0) + self.given()
        spaced = re.fullmatch(r"(\S)([ \u3000]+)(\S)", original)
        if spaced:
            return self.random.choice(self._surnames) + spaced.group(2) + self.random.choice(SINGLE_GIVEN)
        return self.chinese()
