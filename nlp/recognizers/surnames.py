"""Taiwanese surnames (內政部 姓氏統計, the ~200 most common single surnames and the compound ones)."""

COMPOUND_SURNAMES = frozenset(
    "歐陽 司馬 諸葛 上官 司徒 皇甫 令狐 東方 西門 公孫 慕容 長孫 夏侯 尉遲 "
    "張簡 范姜 周黃 江謝 張廖 陳黃 劉張 李林 黃林 簡林 鄭黃 呂蕭".split()
)

SINGLE_SURNAMES = frozenset(
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹施胡沈余盧梁趙顏柯翁魏孫"
    "戴范方宋鄧杜傅侯曹溫温薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康鄒白涂凃尤巫韓龔嚴袁黎金阮陸倪夏童"
    "邵柳錢毛于伍甘易俞宮雷鐘龍費麥賀戚房譚花辛萬段喬熊任秦殷關左宣卜崔聶祝岳包鄔利冉駱常樊邢武孔"
    "湛粘鮑佘闕留饒葛褚廉尹苗韋車畢艾池麻管解單向魯穆華裴盛衛陶姬桂封舒包滕焦邊伊閻郁虞官商"
)


def surname_length(text: str, index: int) -> int:
    """Length of the surname starting at ``index`` (2 for compound, 1 for single, 0 for none)."""
    if text[index:index + 2] in COMPOUND_SURNAMES:
        return 2
    if index < len(text) and text[index] in SINGLE_SURNAMES:
        return 1
    return 0
