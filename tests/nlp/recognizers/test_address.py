"""ADDRESS: whole Taiwanese postal addresses with Arabic, full-width and Chinese numerals."""

from __future__ import annotations

import pytest

from nlp.recognizers.address import AddressRecognizer

RECOGNIZER = AddressRecognizer()

POSITIVE = [
    ("活動在汐止大同路三段 21 號舉行", ["汐止大同路三段 21 號"]),  # a district written without 區
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
    # as public pages write them: a space around each number, the postcode apart from the city
    ("地址：高雄市三民區建國路三段 15 號", ["高雄市三民區建國路三段 15 號"]),
    ("請寄 30046 新竹市光復路 8 號，收件人另詳", ["30046 新竹市光復路 8 號"]),
    ("新北市林口區文化三路一段 402 巷 6 號 11 樓之 3", ["新北市林口區文化三路一段 402 巷 6 號 11 樓之 3"]),
    ("臺中市西屯區台灣大道三段 99 巷 2 弄 5 號", ["臺中市西屯區台灣大道三段 99 巷 2 弄 5 號"]),
    # no city: the district is the administrative part
    ("新莊區中平里中平12號", ["新莊區中平里中平12號"]),  # a place in a village, no road
    ("三芝區埔頭里埔頭坑 38 號", ["三芝區埔頭里埔頭坑 38 號"]),
    ("陳情地點：三重區重新路二段 77 號前人行道", ["三重區重新路二段 77 號"]),
    ("241 三重區重新路四段 97 號 3-9 樓", ["241 三重區重新路四段 97 號 3-9 樓"]),  # postcode, district, floor range
    # house numbers with a hyphen or 之, floors with 之, basements
    ("台中市北區中正路一段45-2號", ["台中市北區中正路一段45-2號"]),
    ("地址：和平東路 3 之 1 號", ["和平東路 3 之 1 號"]),
    ("板橋區民族路 45 之 2 號", ["板橋區民族路 45 之 2 號"]),
    ("新北市泰山區明志路二段 210 號之 3 四樓", ["新北市泰山區明志路二段 210 號之 3 四樓"]),
    ("新北市板橋區府中路29號地下1樓", ["新北市板橋區府中路29號地下1樓"]),
    ("桃園市中壢區中大路300號B1", ["桃園市中壢區中大路300號B1"]),
    ("新北市中和區中山路三段 40-6 號 7 樓", ["新北市中和區中山路三段 40-6 號 7 樓"]),
    # judgment headers and forms: 籍設, 住, 戶籍地, and a Word table cell instead of a colon
    ("被告 王小明 男 籍設新北市板橋區文化路一段 266 巷 15 號 2 樓", ["新北市板橋區文化路一段 266 巷 15 號 2 樓"]),
    ("上訴人 住臺南市東區大學路 1 號 居所：嘉義市西區中山路 5 號", ["臺南市東區大學路 1 號", "嘉義市西區中山路 5 號"]),
    ("籍設中正路 12 號", ["中正路 12 號"]),
    ("戶籍地\t三民路88巷3號", ["三民路88巷3號"]),
    ("地址\t新北市蘆洲區長安街 205 巷 9 號\t電話\t2281-2345", ["新北市蘆洲區長安街 205 巷 9 號"]),
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
    "依中山北路二段100號之規定辦理",  # 中山 stays part of the road name: no district, no label
    "中山路",  # a road name alone
    "請至中山路一段辦理",
    "本府位於新北市政府",  # an agency name
    "第161號",
    "北府工字第0981234567號",  # 發文字號
    "本案第三號決議",
    "新北市政府第3號公告",
    "本府於中山路一段 3 號召開說明會",  # no administrative part, no label
    "新北市政府第 3 號公告",
    "第 12 號",
    "路燈編號 3 號",
    "中正路一段、中山路口",  # street names without a house number
    "新北市板橋區中山路一段",
    "三重區重新路二段沿線 12 處路燈",
    "新北市政府 113 年第 2 號令",
    "新北市立板橋高中 3 號館",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
