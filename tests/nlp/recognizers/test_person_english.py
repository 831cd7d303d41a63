"""PERSON in Latin letters: courtesy titles, labels, given-name lists, romanised Taiwanese and Southeast-Asian names,
signatures. A lone given name and department words are not names."""

from __future__ import annotations

import pytest

from nlp.recognizers.person_english import EnglishPersonRecognizer

RECOGNIZER = EnglishPersonRecognizer()

POSITIVE = [
    ("The review for Chiara Fernandes is on Monday.", ["Chiara Fernandes"]),  # a common European given name
    ("族語老師：Sayun·Yukan、Panay·Kacaw", ["Sayun·Yukan", "Panay·Kacaw"]),  # indigenous names in Latin letters
    ("承辦人：TING, JUI-TSE", ["TING, JUI-TSE"]),
    ("本月到職的看護工是 Phan Thi Ngoc Anh。", ["Phan Thi Ngoc"]),  # a Vietnamese family name in title case
    ("Please contact my colleague Ana Garcia (ana.g@example.com).", ["Ana Garcia"]),
    # a name in brackets after the same person's Chinese name; capitals after a party of a judgment header
    ("承辦人：江雅妮（Joao Kowalska）", ["Joao Kowalska"]),
    ("新住民姓名:黃淑華(DEWI LESTARI)  國籍:越南", ["DEWI LESTARI"]),
    ("被   告 DEWI LESTARI(中文名:謝美惠)", ["DEWI LESTARI"]),
    # a bulleted list of people that holds a name found elsewhere: its other items are people too
    ("Please welcome Ms. Ingrid Halvorsen.\n- Ingrid Halvorsen\n- Matteo Ricci\n- Zofia Nowicka",
     ["Ingrid Halvorsen", "Ingrid Halvorsen", "Matteo Ricci", "Zofia Nowicka"]),
    ("Dear Nguyen Van Long,", ["Nguyen Van Long"]),
    ("Best,\nLIN, YU-HSUAN", ["LIN, YU-HSUAN"]),
    ("Dear John Smith,", ["John Smith"]),
    ("Mr. John Smith called", ["John Smith"]),  # Mr. excluded
    ("Please ask Ms. Mei-Ling Lin to call back", ["Mei-Ling Lin"]),
    ("Name: Thomas Müller", ["Thomas Müller"]),  # letters with diacritics
    ("姓名：Trần Văn Hùng", ["Trần Văn Hùng"]),
    ("Contact: Pieter van der Berg", ["Pieter van der Berg"]),
    ("Name: KUO, WEN-HSUAN", ["KUO, WEN-HSUAN"]),
    ("From: Mary Chen <mary@x.com>", ["Mary Chen"]),
    ("Best regards,\nJohn Smith", ["John Smith"]),
    ("Wang Hsiao-ming", ["Wang Hsiao-ming"]),
    ("book the flight for Yi-Chun Chen, date of birth", ["Yi-Chun Chen"]),
    ("林志豪 Lin, Chih-Hao", ["Lin, Chih-Hao"]),
    ("英文姓名CHOU KUAN-YU，護照號碼", ["CHOU KUAN-YU"]),
    ("受文者：NGUYEN THI HOA女士", ["NGUYEN THI HOA"]),
    ("移工SANTOS MARIA CRUZ申訴", ["SANTOS MARIA CRUZ"]),
    ("Please call Tom Huang at (02) 8258-1234", ["Tom Huang"]),
    ("Thanks,\nMei Chang", ["Mei Chang"]),
    ("姓名：Maria Santos\n", ["Maria Santos"]),
    ("Cardholder: Wang Hsiao-Ming", ["Wang Hsiao-Ming"]),
]
NEGATIVE = [
    "Visit to the Sri Lanka Trade Office",  # a country, not a given name
    "2. Priya Raghunathan, Solutions Architect, priya@example.com"[30:],  # a job title after a comma
    "世界衛生組織(WORLD HEALTH ORGANIZATION)",  # capitals in brackets after an organisation: a gloss
    "Agenda:\n- Budget Review\n- Action Items\n- Project Timeline",  # a bulleted list of topics
    "系統應定期偵測模型漂移（Model Drift）與推論錯誤率。",  # a translation in brackets, not a name
    "staff writing e-mails in Outlook (Traditional Chinese, sometimes English);",
    "Long-Term Care Management Center, Banqiao",
    "Dear Sir,",
    "Dear Team,",
    "Hi Amy,",
    "Dear Ms. Lin,",  # a surname alone is not a name
    "Dear Travel Desk,",
    "Thank you,\nInformation Security Team",
    "Taipei Service Center for Foreign Residents",
    "New Taipei City Government",
    "Microsoft Copilot and ChatGPT",
    "PDF FILE ATTACHED",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
