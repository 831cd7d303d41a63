"""Taiwanese surnames and given-name characters (內政部 全國姓名統計分析: about 1,500 surnames, about 110 of them
compound; the ten largest, 陳 林 黃 張 李 王 吳 劉 蔡 楊, cover half the population).

A name starts with one of three surname forms (:func:`surname_lengths`): a compound surname (歐陽, 張簡, 范姜),
a married woman's two surnames (冠夫姓: the husband's, then her own — 陳黃秀蘭; any two single surnames), or a
single surname.
"""

COMPOUND_SURNAMES = frozenset(
    "歐陽 司馬 諸葛 上官 司徒 皇甫 令狐 東方 西門 公孫 慕容 長孫 夏侯 尉遲 "
    "鍾離 梁丘 "
    "張簡 范姜 周黃 江謝 張廖 陳黃 劉張 李林 黃林 簡林 鄭黃 呂蕭".split()
)

SINGLE_SURNAMES = frozenset(
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹施胡沈余盧梁趙顏柯翁魏孫"
    "戴范方宋鄧杜傅侯曹溫温薛丁馬蔣唐卓藍馮姚石董紀歐程連古汪湯姜田康鄒白涂凃尤巫韓龔嚴袁黎金阮陸倪夏童"
    "邵柳錢毛于伍甘易俞宮雷鐘龍費麥賀戚房譚花辛萬段喬熊任秦殷關左宣卜崔聶祝岳包鄔利冉駱常樊邢武孔"
    "湛粘鮑佘闕留饒葛褚廉尹苗韋車畢艾池麻管解單向魯穆華裴盛衛陶姬桂封舒包滕焦邊伊閻郁虞官商"
    "莫凌喻柴祁諶練辜蒲梅鄞章岑耿牛甯婁靳閔晏鄺藺竇酆卞龐芮刁鈕"
    # less common, still registered by thousands (內政部 surname ranks roughly 120–400); characters that are far more
    # often ordinary words than surnames (路, 安, 全, 原, 經, 區 …) are left out on purpose
    "季翟桑史杭仲鄢瞿符苟冷柏繆席齊談賈竺覃莘郎甄鄂聞塗屈敖蔚寇郝儲匡晉仇幸厲隋冼嵇鞠荊狄邴蘭蒙冀烏伏雍"
    "牟戎胥茅貝苑羿束帥闞支霍薄邰農溥"
)
# Registered surnames whose characters are far more often ordinary words (危險, 快樂, 皮膚, 付款, 宗教, 應該, 公司): a
# name only where something says a name is there (a label, a title or honorific, a 姓名 column, particulars), never
# standing on its own.
CONTEXT_SURNAMES = frozenset("米宗危皮歸付樂宓應司")
_ANY_SINGLE_SURNAME = SINGLE_SURNAMES | CONTEXT_SURNAMES


def surname_length(text: str, index: int) -> int:
    """Length of the surname starting at ``index`` (2 for compound, 1 for single, 0 for none)."""
    if text[index:index + 2] in COMPOUND_SURNAMES:
        return 2
    if index < len(text) and text[index] in SINGLE_SURNAMES:
        return 1
    return 0


def surname_lengths(text: str, index: int, in_context: bool = False) -> tuple[int, ...]:
    """Every surname reading at ``index``, longest first: a 冠夫姓 pair (2, or 3 after a compound surname),
    a compound surname (2), a single surname (1).

    >>> surname_lengths("王林秀蘭", 0), surname_lengths("歐陽娜娜", 0), surname_lengths("王小明", 0)
    ((2, 1), (2,), (1,))
    >>> surname_lengths("公孫李書豪", 0)
    (3, 2)
    """
    singles = _ANY_SINGLE_SURNAME if in_context else SINGLE_SURNAMES  # in_context: see CONTEXT_SURNAMES
    if text[index:index + 2] in COMPOUND_SURNAMES:
        return (3, 2) if text[index + 2:index + 3] in SINGLE_SURNAMES else (2,)  # 公孫李書豪: compound + her own
    if index < len(text) and text[index] in singles:
        if index + 1 < len(text) and text[index + 1] in SINGLE_SURNAMES:  # 蔡宗翰: 宗 is no second surname
            return (2, 1)
        return (1,)
    return ()


# Characters common in Taiwanese given names (內政部 全國姓名統計 top characters and their usual companions).
# A name standing without a label, title or honorific must be built from these: 「高風險」 and 「管理」 are not.
GIVEN_NAME_CHARACTERS = frozenset(
    "于氏一丁七三世中乙九二五亨亭亮人仁以仲任伯伶佑佩佳侑依俊俐俞信倫偉健傑傳儀億儉儒元光八六冠凡凱利剛力勇勛勝勤勳北十千卉南博卿妮資"
    "原叔合吉君吟呈和品哲啟善喜嘉四國圓土坤城堂堯增士壹壽大天奇奎奐奕好如妍妙妤姍姣姵姿威娜娟娥婉婕婷媚媛嫚嫻嬋嬌嬿子孜孝孟季"
    "學宇守安宏宓宗定宛宜宣宥家宸容寅富實寧審寬寶小尚山岑岳峰峻崇嵐嵩川州巧帆希平幸序庚庭康廉廣廷建弘弦強彌彗形彤彥彩彬彰影征"
    "律御復德徽心志忠忱念忻怜思怡恆恒恕恩恬恭悅悌悟惇惟惠愉意愛慈慎慕慧慶憬憲憶懋懷懿戎成才承振挺揚擎政敏敦敬文斌斐斯新方旌"
    "旭旺旻昀昆昇昊昌明易昕星映春昭昱昶晃晉晏晟晨普景晴晶智暄暉暐曉曜書月朗朝木本杉杏杭杰東松林枝柏柔柚柱栩根格桂桃桓梅梓棋棠"
    "森楓楠楨楷榆榕榛榮槐槿樂樵樺橙權欣欽歆歡正武毅民水永汎汝江汶沁沂沅沐沙沛河治泉泊泓泯泰洋洲洵浚浤浩海涵淇淑淞淨淳淵添清渝"
    "湄湘湛湧源溢溥滄滋滿漢漪漾潁潔潤澄澍澔澤澧濤瀅瀚瀞灝炘炫炳烽焜焱煌煒煥熙熹燁燈燕燦爵牧玄玉玟玨玫玲珈珊珍珏珠珣珩珮琇琛琦"
    "琨琪琬琮琳琴瑀瑄瑋瑗瑛瑜瑞瑟瑤瑩瑭瑯瑰瑾璃璇璋璐璞璟璨璿瓊甄生甫畇登發百皓皙盈益盛相真睦睿知石碩祁祈祉祐祖祥祺祿禎福禧禮"
    "禹禾秀秉秋稚稜穆穎穗穩立竑章竣端竹笙笛筑筠筱箴築篤簡粹精紅紋純紘素紫絃絢絹綠維綸綺綾緯緹縈美義羲羽翊翎翔翠翰耀耕耘聖聰聿"
    "育胤能致臻興舒舜航舫良艾芊芫芬芮芯芳芷芸芹苑苓苡若英茂茜茵茹荷莉莎莘菁菊菡華菲萁萊萌萍萬萱葦葳葵蒨蓀蓁蓉蓓蓮蔓蔚蕎蕓蕙蕾"
    "薇薏薰藍藝蘅蘊蘋蘭虹衍術衡裕裴襄西詞詠詩詮誌語誠誼諺謙謹識譽豐豪豫貞財貴貽賓賜賢賦贊贏赫起超軍軒軾輔輝辛辰農迎迪述逢進逸"
    "達遠邑邦郁醇采金釗鈐鈞鈴鈺鉉銀銓銘銳鋐鋒錚錞錡錦鍵鎧鎮鏞鐘鐸鑑鑫鑾閎閑閔阿陞陽隆雁雄雅雋雍雙雨雪雯雲霆霏霓霖霞露靄靈青靖"
    "靚靜韋韶韻順頌頎頡頤願顯颯飛馥馨馳駒駿騏騰驊魁鳳鳴鴻鵑鵬鶯鶴麒麗麟鼎鼐齊龍"
    "丞亞喬甯男香"  # frequent in names registered since the 1990s (宥丞, 亞軒, 喬安) and in older men's (俊男)
)
