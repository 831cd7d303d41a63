"""PERSON by rules (Chinese): names after labels, before honorifics/titles, after titles, in signatures.
The span is the name without its title or honorific. English names: test_person_english.py."""

from __future__ import annotations

import pytest

from nlp.recognizers.person import PersonRecognizer

RECOGNIZER = PersonRecognizer()

POSITIVE = [
    ("聲 請 人\n即 被 告 沈詣珉\n選任辯護人 韓宗諭律師", ["沈詣珉", "韓宗諭"]),  # a second role of the same person
    ("編號\t姓名\t國籍\n1\tNGUYEN VAN AN\t越南\n2\t林美\t臺灣", ["NGUYEN VAN AN", "林美"]),  # cells under 姓名
    ("序號  學生姓名  班級\n1     江　恬    三年二班\n2     Ana Novak  三年五班", ["江　恬", "Ana Novak"]),
    ("經發局商業科長古柏翰調市場處副處長。", ["古柏翰"]),  # a personnel order: title, name, 調
    ("張李議員美華：謝謝主席。", ["張李議員美華"]),  # the council form with a 冠夫姓 pair
    ("本次獲獎者為交通局蔡技正文彬、環保局何科員佳穎。", ["蔡技正文彬", "何科員佳穎"]),  # award lists after a unit
    ("葉專門委員宗翰：補充說明如下。", ["葉專門委員宗翰"]),
    ("序號\t提案人\n1\t游議員詠晴\t捷運延伸案", ["游議員詠晴"]),  # the council form in a table cell
    ("星期三\t柯　蓉\t分機2231", ["柯　蓉"]),  # a one-character given name padded with a full-width space
    ("組長：羅　偉（兼任）", ["羅　偉"]),  # a title as the label of a roster line
    # less common surnames (內政部 ranks ~120–400) where officials write names
    ("記錄：翟宜臻\n出席：甄立群、覃子涵、竺美惠", ["翟宜臻", "甄立群", "覃子涵", "竺美惠"]),
    ("本案由賈志遠技士承辦，電話分機2231。", ["賈志遠"]),
    ("申請人\t冷淑媛\t電話\t0912-000-111", ["冷淑媛"]),
    ("所有權人：林杰　身分證統一編號", ["林杰"]),
    ("中文名：阮氏秋霞）", ["阮氏秋霞"]),
    ("人事室 鄒佩君　分機1234", ["鄒佩君"]),
    ("承辦人：王小明", ["王小明"]),
    ("承辦人：科員王小明", ["王小明"]),  # title excluded
    ("王小明先生", ["王小明"]),  # honorific excluded
    ("李美華小姐您好", ["李美華"]),
    ("陳建宏科長", ["陳建宏"]),
    ("黃淑惠老師", ["黃淑惠"]),
    ("局長王大明表示", ["王大明"]),
    ("出席：林志明、張淑芬、科長陳建宏", ["林志明", "張淑芬", "陳建宏"]),
    ("陳情人王大明君", ["王大明"]),
    ("歐陽娜娜小姐", ["歐陽娜娜"]),  # compound surname
    ("張簡文華先生", ["張簡文華"]),
    ("王小明 敬上", ["王小明"]),
    ("申請人：陳美玲（身分證字號A123456789）", ["陳美玲"]),
    ("郭俊傑您好：", ["郭俊傑"]),  # greeting
    ("賴怡伶、邱郁婷、何孟哲三人將於下週報到", ["賴怡伶", "邱郁婷", "何孟哲"]),  # list
    ("新北市政府景觀處　廖志偉\n電話", ["廖志偉"]),  # signature after the unit
    ("出席：工務局謝宗霖（分機5521）、交通局簡伶如", ["謝宗霖", "簡伶如"]),
    ("環保局空氣品質管理科范姜美玉　02-2953-2111", ["范姜美玉"]),  # compound surname after a unit
    ("資訊中心主任吳明哲表示", ["吳明哲"]),
    ("住在我樓上的黃志明曾因毒品案件", ["黃志明"]),
    ("被保險人：李秋月\n", ["李秋月"]),
    ("姓名（中文）：阮氏秋\n", ["阮氏秋"]),
    ("申請人：陶以琳", ["陶以琳"]),
    ("現年12歲的林語彤罹患罕見疾病", ["林語彤"]),
    ("葉美伶估價師", ["葉美伶"]),
    # titles on either side, with or without a space; unit + title + name
    ("參加：副局長 林淑華", ["林淑華"]),
    ("局長 陳建宏", ["陳建宏"]),
    ("張美玲護理師", ["張美玲"]),
    ("三重分局警員黃俊傑", ["黃俊傑"]),
    ("新聞聯絡人：三重分局 鍾李品妍 警務員", ["鍾李品妍"]),
    ("、嚴敏委員", ["嚴敏"]),  # a one-character given name before a title, after punctuation
    # council and meeting minutes: surname + title + given name, the whole is the span
    ("王議員志強：", ["王議員志強"]),
    ("出席：吳主席文雄、鄭副主席麗娟", ["吳主席文雄", "鄭副主席麗娟"]),
    ("主席(蔡議長旺宏)：", ["蔡議長旺宏"]),
    # attendee tables with runs of spaces or tabs
    ("主計處處長   蔡明哲      地政局局長   謝文傑", ["蔡明哲", "謝文傑"]),
    ("1\t駱雅妮\t0911-222-333", ["駱雅妮"]),
    ("2  李資穎  永和區公所", ["李資穎"]),  # a cell: rare and common characters
    # lists, personnel orders, role labels, judgment fields
    ("申請人：周林秀琴、許凱等", ["周林秀琴", "許凱"]),
    ("名單內計有曾芳慧、黎子霖、劉郁妤三人。", ["曾芳慧", "黎子霖", "劉郁妤"]),
    ("確認陳淑芬與李承翰兩位的年資", ["陳淑芬", "李承翰"]),
    ("派謝怡君為本府交通局科長", ["謝怡君"]),
    ("監交人：楊雪（政風室主任）", ["楊雪"]),
    ("接交人：賴吳雅妮（新任文書科科長）", ["賴吳雅妮"]),
    ("原　　告　王大同\n訴訟代理人　林美惠律師\n被　　告　陳國棟", ["王大同", "林美惠", "陳國棟"]),
    ("告訴人：黃志宏", ["黃志宏"]),
    # e-mail display names and signatures
    ("From: 人事處 張彧怡\nSent: Monday", ["張彧怡"]),
    ("寄件者: 李宗翰 <tsunghan@example.gov.tw>", ["李宗翰"]),
    ("柳芃豪　工務局新建工程處", ["柳芃豪"]),
    ("謝謝您的協助。\n江玥雅\nyc.chen@example.gov.tw", ["江玥雅"]),
    # 冠夫姓, rare and non-BMP characters, indigenous names, Vietnamese names
    ("記錄：劉董志偉", ["劉董志偉"]),
    ("請廠商周淑貞小姐準時到場", ["周淑貞"]),
    ("委任蒲麗華律師為代理人", ["蒲麗華"]),
    ("新北市長張莊柏宇今（1）日表示", ["張莊柏宇"]),
    ("副市長莊𡘙珊亦到場慰問", ["莊𡘙珊"]),
    ("申請人毛君𠀋居留證號", ["毛君𠀋"]),
    ("陳家犇好：", ["陳家犇"]),
    ("崔雅妮，女，民國95年生", ["崔雅妮"]),
    ("人事處　布那·穗韻布　分機1287", ["布那·穗韻布"]),
    ("專員莎拉·那魯吼", ["莎拉·那魯吼"]),
    ("里長尤給·阿穗與油車里里長", ["尤給·阿穗"]),
    ("武氏君哲您好：", ["武氏君哲"]),
    ("黎氏穎慧律師", ["黎氏穎慧"]),
    # names before verbs of speech
    ("林國華表示，", ["林國華"]),
    # one-character given names where a layout or what follows says it is a name
    ("編號\t姓名\t性別\n3\t黃芳\t女\t91", ["黃芳"]),  # a gender cell after it
    ("聯絡人：廠務課 李雪 02-2299-1234", ["李雪"]),  # a unit, then the name, then a phone
    ("請於週五前回覆。\n陳芳\n電話：02-2960-3456", ["陳芳"]),  # a signature above contact details
    ("謝謝\n聶傑\n\n> 寄件者: 王小明", ["聶傑", "王小明"]),  # a signature above the quoted reply
    # titles and roles officials write before names
    ("護理長張雅涵說明，行動不便者可申請到宅施打。", ["張雅涵"]),
    ("工務局正工程司桂志鴻升任建照科長。", ["桂志鴻"]),
    ("通  譯 卜玥晴", ["卜玥晴"]),  # a party of a judgment header, spaced to align
    ("一、第5鄰鄰長：劉宥綪，住三芝區", ["劉宥綪"]),
    ("請假人：財政局　褚晞家\n假別：病假", ["褚晞家"]),  # a unit between the label and the name
    ("本府員工林冠霈懲處案", ["林冠霈"]),
    ("派賀麗安為本府交通局科長，鄞堃采為本府交通局專員。", ["賀麗安", "鄞堃采"]),  # a personnel order
    ("[09:05] 徐惠美: 收到", ["徐惠美"]),  # a speaker in an exported chat
    ("金質獎：舒若誠(三重區)、吳梅(八里區)", ["舒若誠", "吳梅"]),  # list members after a bracketed note
    ("本局員警賴俊男犯貪污治罪條例", ["賴俊男"]),  # 男 in a given name
    ("教育局黃科員韻如及農業局梁技士佩芬", ["黃科員韻如", "梁技士佩芬"]),
    # registered surnames that are mostly ordinary words, where something says a name is there
    ("姓名：危俊廷　職稱：技士", ["危俊廷"]),
    ("事由：祖母危林阿緞於11月30日辭世", ["危林阿緞"]),  # a 冠夫姓 pair after a kinship label
    ("管理員\t莫若瑜、鄞浩、樂佳穎", ["莫若瑜", "鄞浩", "樂佳穎"]),  # in a list with names found
    ("主任監察員\t梁丘明德", ["梁丘明德"]),  # a compound surname
    ("受文者：蔡宗翰君", ["蔡宗翰"]),  # 宗 is no second surname of a 冠夫姓 here
    ("一、正聯絡官：專員歸志成，手機0916-742-308。", ["歸志成"]),
    ("原副局長甄慧琍奉調中央", ["甄慧琍"]),
    ("主席：鄭雅芩副秘書長", ["鄭雅芩"]),
    ("特優：譚芃羽（永和區秀朗國小）", ["譚芃羽"]),  # an award list
    ("法定代理人　DO THI HUONG（杜氏香）", ["杜氏香"]),  # a name in brackets
    ("出席：消防局解冠潔、警察局楊雪\n決議：", ["解冠潔", "楊雪"]),
    ("本局清潔隊隊員岑芳於8月6日拾獲", ["岑芳"]),
]
NEGATIVE = [
    "項目\t名稱\t金額\n1\tLED Lamp\t300\n2\t辦公桌\t4500",  # a 名稱 column holds things, not people
    "王科長表示本案已核定。",  # a surname and a title, what he says is no given name
    "科長：請各股於週五前回復。",  # a title as label, then an instruction
    "林技士明天到場會勘。",
    "依本辦法第五條可對應本文所述情形辦理。",  # 應 and 對 start ordinary words
    "請各單位出席人員於會後繳回資料，新聞稿另發。",  # 席 and 聞 inside words
    "主旨：市長施政報告初稿",  # a surname character after a title, starting a word
    "新北市政府 市民陳情案件處理單",
    "衛生所結核病個案管理交接",
    "主席：許副局長　　記錄：林股長",  # surnames with titles
    "與○○公司洽談招商合作案",
    "聯絡方式：0933215680",
    "新北市政府",
    "陳情人來電",
    "承辦人：資訊中心",
    "林口區公所",
    "黃金價格上漲",
    "核定補助新臺幣15萬元整",
    "發文日期：中華民國113年5月20日",
    "衛生局表示，糖尿病及高血壓是十大死因之一",
    "職業安全衛生委員會",
    "本次課程內容：一、機密文書處理",
    "謝謝您的協助。",
    "感謝林小姐的協助",  # a surname alone before an honorific
    "李男（45歲）",
    "依管理要點第12點辦理",
    "有限風險\n高風險\n管理措施",  # slide bullets: surname characters starting common words
    "AI系統若直接影響個人安全，即被歸類為高風險。",
    # surname characters beginning ordinary words: slide bullets, verbs, agency names cut by a line break
    "高品質，\n施工中\n王道\n周邊環境\n陳列品\n黃金週\n連續假期",
    "林務局\n許可證\n石門水庫\n方便性\n安全宣導\n萬一發生",
    "新北市政府交通\n局辦理",
    "高雄市長",  # a place before 市長, not 高雄 + 市長
    "花蓮縣長",
    "康樂股長",  # a position, not a name before a title
    "陳議員質詢：",  # surname + title + what the official does
    "林局長說明：",
    "王主席裁示：",
    "市長 高度肯定同仁",
    "文化局　高度重視",
    "被　　告　新北市政府",
    "另請各機關周知。",
    "第14週\n關懷員\t",  # a role in a table cell, not a surname and a given name
    "科長　　紀錄：",  # a label after a title, not 紀 + 錄
    "1. 絕對機密（Top Secret）：",
    "金山\t02-2498-1234",  # a place with a phone, not a surname and a one-character given name
    "林口 02-2601-0000",
    "主旨：\n說明：",  # field labels, not names
    "一、主席致詞（區長）",  # what an official does before a bracketed title
    "新北市民常用服務專線",  # 常 + 用 run on into a word after a label
    "音樂會\n危險物品\n快樂學習\n付款方式\n宗教團體\n皮膚科",  # surnames used only in context
    "依機密等級變更或註銷紀錄單解除密等",  # 紀錄 in a compound noun is no label
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_signature_name_alone_on_the_last_line(check_spans):
    check_spans(RECOGNIZER, "各位好，附件為會議資料。\n\n王小明", ["王小明"])
