"""Markings generated from the grammar of the forms officials fill in, in every layout a host hands over.

A 公文 header field is label + separator + value: the label in its real variants, a colon of either width,
a tab (a Word table cell), runs of spaces, a slash or nothing as separator, and as value a level (with its
declassification condition glued, bracketed or after a slash), 普通, nothing, or a row of check boxes. The
field sits on the first line, inside a table row, after 速別 or in a header part, and the lines end the way
Word, Outlook or a file ends them. Every positive must block with the right level; the negative grammar
(empty, 普通, only unticked boxes, option lists for the writer, negations, statute names, rules and
definitions) must never block. Seeded (``derandomize``) so CI sees the same few thousand examples each run.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.engine import Engine
from nlp.finding import CLASSIFIED, MARKING_TYPES, RESTRICTED

ENGINE = Engine()
SETTINGS = settings(
    max_examples=1200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

LEVELS = ("絕對機密", "極機密", "機密", "密")
LABELS = (
    "密等",
    "密等及解密條件",
    "密等及解密條件或保密期限",
    "機密等級",
    "密　等",
    "密　　等",
    "密 等",
    "密等／保密期限",
    "附件密等",
)
SEPARATORS = ("：", ":", "： ", " : ", "\t", "  ", "   ", "　", "　　", "\t\t", "")
CONDITIONS = (
    "",
    "（本件公布後解密）",
    "(解密條件：本案決標後解密)",
    "〔保密期限至120年12月31日〕",
    "（至115年6月30日解密）",
    "本件開標後解密",
    "至114年12月31日解密",
    "／本件公布後解密",
    " 公布後解密",
    "　（解密條件：會議結束後）",
)
TICKED = ("■", "☑", "☒", "✓", "✔", "√", "▣", "[x]", "(v)", "(V)", "[V]")
UNTICKED = ("□", "☐", "[ ]", "( )")
BOX_GAPS = (" ", "\t", "　", "", "  ", "、")
LINE_ENDINGS = ("\n", "\r", "\r\n", "\v")

HEADER_BEFORE = (
    "新北市政府工務局　函",
    "地址：22001新北市板橋區中山路一段161號",
    "受文者：新北市政府秘書處",
    "發文日期：中華民國114年3月5日",
    "發文字號：北府工字第0981234567號",
)
PART_SEPARATOR = "\n\n"  # addin/lib/findings.js joins a header, text boxes, the body and footers with it
HEADER_AFTER = ("附件：如說明", "主旨：檢送本府114年度專案工作計畫1份，請查照。", "說明：請依計畫期程辦理。")


@st.composite
def field_value(draw, level: str) -> str:
    """A value naming ``level``: the level itself (maybe 件) with a condition, or a row of boxes ticking it."""
    if draw(st.booleans()):
        suffix = draw(st.sampled_from(("", "件"))) if level == "密" else ""
        return level + suffix + draw(st.sampled_from(CONDITIONS))
    return draw(box_row(ticked=level))


@st.composite
def box_row(draw, ticked: str | None) -> str:
    """Check boxes for the levels and 普通 in any order, only ``ticked`` ticked (None: 普通 or nothing)."""
    options = list(draw(st.permutations(LEVELS + ("普通",))))
    if draw(st.booleans()):
        options = [o for o in options if o in (ticked, "普通", "密", "機密")]  # forms often offer fewer
    gap = draw(st.sampled_from(BOX_GAPS))
    tick = draw(st.sampled_from(TICKED))
    empty = draw(st.sampled_from(UNTICKED))
    space = draw(st.sampled_from(("", " ")))
    cells = [(tick if option == ticked else empty) + space + option for option in options]
    return gap.join(cells)


@st.composite
def classified_header(draw) -> tuple[str, str]:
    """A 公文 header whose 密等 field holds a level, laid out as a host hands it over; and the level."""
    level = draw(st.sampled_from(LEVELS))
    label = draw(st.sampled_from(LABELS))
    value = draw(field_value(level))
    layout = draw(
        st.sampled_from(("line", "next-line", "after-speed", "table-row", "first-line", "word-cells", "header-part"))
    )
    separator = draw(st.sampled_from(SEPARATORS))
    if not separator and label.endswith("等") and value.startswith(("密", "□", "■")):
        separator = "："  # 「密等密」 is not how anyone writes; a glued value needs a level word after the label
    if layout == "next-line":
        field = [label + draw(st.sampled_from(("：", "", "\t"))), value]
    elif layout == "after-speed":
        field = ["速別：" + draw(st.sampled_from(("普通件", "速件", "最速件"))) + draw(st.sampled_from(("\t", "　", "  ", "　　"))) + label + separator + value]
    elif layout == "table-row":
        field = ["速別\t普通件\t" + label + "\t" + value]
    elif layout == "word-cells":
        field = ["速別\r\x07最速件\r\x07" + label + "\r\x07" + value + "\r\x07\r\x07"]
    else:
        field = [label + separator + value]
    lines = list(HEADER_BEFORE) + field + list(HEADER_AFTER)
    if layout == "first-line":
        lines = field + list(HEADER_BEFORE) + list(HEADER_AFTER)
    ending = draw(st.sampled_from(LINE_ENDINGS))
    if layout == "header-part":  # the field in Word's page header, joined before the body as the panes join parts
        return ending.join(field) + PART_SEPARATOR + ending.join(list(HEADER_BEFORE) + list(HEADER_AFTER)), level
    return ending.join(lines), level


def _markings(text: str) -> list:
    return [f for f in ENGINE.scan(text).findings if f.type in MARKING_TYPES]


@SETTINGS
@given(classified_header())
def test_a_header_field_holding_a_level_blocks_with_that_level(case: tuple[str, str]) -> None:
    text, level = case
    result = ENGINE.scan(text)
    classified = [f for f in result.findings if f.type == CLASSIFIED]
    assert result.verdict == "block", text
    assert any(f.level == level for f in classified), (text, [(f.text, f.level) for f in classified])
    for finding in classified:
        assert text[finding.start:finding.end] == finding.text
        assert re.sub(r"[ \t　]", "", finding.text) in LEVELS


@st.composite
def unclassified_header(draw) -> str:
    """The same header whose field is empty, 普通, only unticked boxes (or 普通 ticked), or a template's options."""
    label = draw(st.sampled_from(LABELS))
    separator = draw(st.sampled_from(("：", ":", "\t", "  ", "　")))
    value = draw(
        st.one_of(
            st.sampled_from(("", "普通", "普通件", "無", "（無）", "一般", "普通（無解密條件）")),
            box_row(ticked=None),
            box_row(ticked="普通"),
            st.sampled_from(
                (
                    "（請填絕對機密、極機密、機密或密，並註明解密條件）",
                    "絕對機密／極機密／機密／密／普通（擇一填寫）",
                    "□絕對機密 □極機密 □機密 □密 □普通（請勾選）",
                    "依文件性質選填：絕對機密、極機密、機密、密",
                )
            ),
        )
    )
    layout = draw(st.sampled_from(("line", "table-row", "word-cells", "after-speed")))
    if layout == "table-row":
        field = "速別\t普通件\t" + label + "\t" + value
    elif layout == "word-cells":
        field = "速別\r\x07普通件\r\x07" + label + "\r\x07" + value + "\r\x07\r\x07"
    elif layout == "after-speed":
        field = "速別：普通件　" + label + separator + value
    else:
        field = label + separator + value
    ending = draw(st.sampled_from(LINE_ENDINGS))
    return ending.join(list(HEADER_BEFORE) + [field] + list(HEADER_AFTER))


@SETTINGS
@given(unclassified_header())
def test_an_empty_or_ordinary_field_never_blocks(text: str) -> None:
    assert _markings(text) == [], text


APPLIED_SUBJECTS = ("本簽", "本件", "本案", "這份簽呈", "本信附件", "此份資料", "本報告", "本會議紀錄", "本郵件附件")
APPLIED_VERBS = ("列為", "屬", "屬於", "為", "係", "核定為", "核列")
APPLIED_TAILS = ("，閱後送還。", "，請以密件處理。", "，請勿轉寄。", "。", "，請妥善保管。")


@st.composite
def applied_in_running_text(draw) -> tuple[str, str]:
    level = draw(st.sampled_from(LEVELS))
    suffix = draw(st.sampled_from(("件", "文件", "資料", "公文") if level == "密" else ("", "件", "文件", "資料", "等級")))
    sentence = (
        draw(st.sampled_from(APPLIED_SUBJECTS))
        + draw(st.sampled_from(APPLIED_VERBS))
        + level
        + suffix
        + draw(st.sampled_from(APPLIED_TAILS))
    )
    before = draw(st.sampled_from(("", "主旨：檢送採購評選資料，請查照。", "各位同仁好：")))
    after = draw(st.sampled_from(("", "說明：請於會後繳回。", "承辦人：王小明")))
    ending = draw(st.sampled_from(LINE_ENDINGS))
    return ending.join(p for p in (before, sentence, after) if p), level


@SETTINGS
@given(applied_in_running_text())
def test_a_level_applied_to_this_document_in_running_text_blocks(case: tuple[str, str]) -> None:
    text, level = case
    result = ENGINE.scan(text)
    assert result.verdict == "block", text
    assert any(f.type == CLASSIFIED and f.level == level for f in result.findings), text


STAMPS = ("機密", "機　密", "密", "極機密", "絕對機密", "【機密】", "〔密〕", "[密]")
RESTRICTION_STAMPS = ("【限閱】", "限閱", "內部使用", "〔內部使用〕", "請勿外流", "[RESTRICTED]", "[CONFIDENTIAL]", "CONFIDENTIAL")


@st.composite
def stamped_document(draw) -> str:
    stamp = draw(st.sampled_from(STAMPS + RESTRICTION_STAMPS))
    ending = draw(st.sampled_from(LINE_ENDINGS))
    body = draw(st.sampled_from((list(HEADER_BEFORE) + list(HEADER_AFTER), ["各位好：", "附件為本案評選資料，請查收。", "王小明 敬上"])))
    return ending.join([stamp] + body)


@SETTINGS
@given(stamped_document())
def test_a_stamp_alone_on_the_first_line_blocks(text: str) -> None:
    assert ENGINE.scan(text).verdict == "block", text


@st.composite
def english_subject_tag(draw) -> str:
    tag = draw(st.sampled_from(("[RESTRICTED]", "[CONFIDENTIAL]", "[Confidential]", "CONFIDENTIAL:", "【限閱】", "[內部使用]")))
    prefix = draw(st.sampled_from(("Subject: ", "主旨：", "Subject: RE: ", "主旨：RE: ", "FW: ")))
    ending = draw(st.sampled_from(LINE_ENDINGS))
    return ending.join(["From: Lin <lin@example.gov.tw>", prefix + tag + " 114年度預算分配", "", "Dear all,", "Please see the attachment."])


@SETTINGS
@given(english_subject_tag())
def test_a_subject_tag_blocks(text: str) -> None:
    result = ENGINE.scan(text)
    assert result.verdict == "block", text
    assert any(f.type in (CLASSIFIED, RESTRICTED) for f in result.findings)


TALKED_ABOUT = (
    "依國家機密保護法第{n}條規定，{level}文書之傳遞應以密封套封裝。",
    "{level}文書應由專人傳遞，不得以電子郵件寄送。",
    "本案非屬{level}，得依一般程序辦理。",
    "本件原列{level}，已於114年1月1日解密。",
    "問：「{level}」等級之公文可否使用Copilot？答：不可。",
    "機密等級分為絕對機密、極機密、機密及密四級，{level}文件之保管期限依規定辦理。",
    "{level}：指洩漏後足以使國家安全或利益遭受損害之事項。",
    "密等欄請依文件性質填寫絕對機密、極機密、機密、密或普通，並註明解密條件。",
    "各機關對{level}文書之歸檔，應依檔案法相關規定辦理。",
    "本課程介紹{level}公文之處理程序。",
    "Classification levels: Top Secret (絕對機密), Secret (極機密), Confidential (機密), Restricted (密).",
)


@st.composite
def talked_about(draw) -> str:
    template = draw(st.sampled_from(TALKED_ABOUT))
    sentence = template.format(level=draw(st.sampled_from(LEVELS[:3])), n=draw(st.integers(1, 40)))
    ending = draw(st.sampled_from(LINE_ENDINGS))
    before = draw(st.sampled_from(("", "主旨：函轉機密文書處理注意事項，請查照。", "說明：")))
    return ending.join(p for p in (before, sentence, "請各單位周知。") if p)


@SETTINGS
@given(talked_about())
def test_rules_definitions_negations_and_statutes_never_block(text: str) -> None:
    assert _markings(text) == [], text


DEFINITIONS = {
    "絕對機密": ("Top Secret", "洩漏後足以使國家安全或利益遭受非常重大損害之事項"),
    "極機密": ("Secret", "洩漏後足以使國家安全或利益遭受重大損害之事項"),
    "機密": ("Confidential", "洩漏後足以使國家安全或利益遭受損害之事項"),
    "密": ("Official Secret", "國家機密以外，依法令或契約有保密義務之一般公務機密"),
}
BULLETS = ("", "● ", "・", "- ", "1. ", "（一）", "一、", "\t")


@st.composite
def classification_scheme(draw) -> str:
    """Training slides and rules that list or define every level, one per line, in any order and layout."""
    levels = draw(st.permutations(LEVELS))
    style = draw(st.sampled_from(("bare", "defined", "glossed", "table")))
    bullet = draw(st.sampled_from(BULLETS))
    lines = [draw(st.sampled_from(("機密等級區分", "國家機密等級", "公務機密分級說明", "Classification levels")))]
    for level in levels:
        english, meaning = DEFINITIONS[level]
        if style == "bare":
            lines.append(bullet + level)
        elif style == "defined":
            lines.append(f"{bullet}{level}：{meaning}。")
        elif style == "glossed":
            lines.append(f"{bullet}{level}（{english}）：{meaning}。")
        else:
            lines.append(f"{level}\t{english}\t{meaning}")
    ending = draw(st.sampled_from(LINE_ENDINGS))
    return ending.join(lines)


@SETTINGS
@given(classification_scheme())
def test_a_classification_scheme_listed_or_defined_never_blocks(text: str) -> None:
    assert _markings(text) == [], text
