"""ADDRESS: whole Taiwanese postal addresses with Arabic, full-width and Chinese numerals."""

from __future__ import annotations

import pytest

from nlp.recognizers.address import AddressRecognizer

RECOGNIZER = AddressRecognizer()

POSITIVE = [
    ("新北市平溪區菁桐里五鄰二十八號", ["新北市平溪區菁桐里五鄰二十八號"]),  # rural: 里, 鄰, no road
    ("（新北市板橋區縣民大道二段7號）", ["新北市板橋區縣民大道二段7號"]),  # 縣 in a road name
    ("地址：新北市板橋區中山路一段161號", ["新北市板橋區中山路一段161號"]),
    (
        "新北市板橋區中山路一段三十五巷2弄5號3樓",
        ["新北市板橋區中山路一段三十五巷2弄5號3樓"],
    ),  # Chinese numerals
    ("新北市三重區重新路四段九十五號十樓", ["新北市三重區重新路四段九十五號十樓"]),
    (
        "住址：２２０新北市板橋區中山路１段１６１號",
        ["２２０新北市板橋區中山路１段１６１號"],
    ),  # full-width + postcode
    ("新北市板橋區中山路一段１６１號５樓", ["新北市板橋區中山路一段１６１號５樓"]),
    ("22001新北市板橋區中山路1段161號", ["22001新北市板橋區中山路1段161號"]),
    ("新北市板橋區文化里12鄰中山路一段161號之3 5樓之1", ["新北市板橋區文化里12鄰中山路一段161號之3 5樓之1"]),
    ("宜蘭縣礁溪鄉中山路二段1號", ["宜蘭縣礁溪鄉中山路二段1號"]),
    ("住在中正路100號", ["中正路100號"]),  # no admin part, but an address label before it
    ("地址：中山路100號，電話另詳", ["中山路100號"]),
    pytest.param(
        "台北市信義區市府路1號",
        ["台北市信義區市府路1號"],
    ),
    pytest.param(
        "高雄市前鎮區成功二路25號",
        ["高雄市前鎮區成功二路25號"],
    ),
    pytest.param(
        "臺南市新市區中山路1號",
        ["臺南市新市區中山路1號"],
    ),
]
NEGATIVE = [
    "中山路",  # a road name alone
    "請至中山路一段辦理",
    "本府位於新北市政府",  # an agency name
    "第161號",
    "北府工字第0981234567號",  # 發文字號
    "本案第三號決議",
    "新北市政府第3號公告",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
