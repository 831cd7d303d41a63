"""The 公文 密等 field read as a form: label + separator + value, wherever the layout puts them.

A field is

* a **label** in its real variants: 密等, 密等及解密條件, 密等及解密條件或保密期限, 密等／保密期限, 機密等級, 保密等級,
  密級, with spaces inside (密　　等) and 附件 / 附檔 in front (an e-mail line giving the attachments' level);
* a **separator**: a colon of either width, a slash, a tab (a table cell), a run of spaces, or nothing;
* a **value** on the same line, or on the next line (the next row of a table) when the label stands alone:
  a level (絕對機密 / 極機密 / 機密 / 密, 密件) with or without its declassification condition glued
  (機密本件開標後解密), bracketed or after a slash; or 普通, nothing, or a row of check boxes in any order and
  glyphs, only a ticked one counting.

It reads the working copy (:class:`nlp.text.ScanText`), where every line ends in ``\\n`` and table cells are
separated by ``\\t``. What the field holds is returned as :class:`FieldLevel` spans; a field that is empty, 普通,
only unticked boxes, an option list for the writer to choose from (絕對機密／極機密／機密／密) or a declassified
note yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlp.text import lines_holding

LEVEL_WORDS = ("絕對機密", "極機密", "機密", "密")
LABEL_WORDS = r"""
        密[ 　]{0,4}等(?:及解密條件(?:或保密期限)?)?     # 密等, 密　　等, 密等及解密條件或保密期限
        (?:[ ]?[/／][ ]?(?:保密期限|解密條件))?           # 密等／保密期限
      | 機密等級 | 保密等級 | 密級
"""
LABEL = re.compile(  # 附件密等：密 — the level of the attachments; each alternative starts with a literal (fast)
    f"附件(?:{LABEL_WORDS}) | 附檔(?:{LABEL_WORDS}) | {LABEL_WORDS}",
    re.VERBOSE,
)
# What may stand between the label and the value on the same line.
SEPARATOR = re.compile(r"[ 　\t]*(?:[:：/／][ 　\t]*)?")
LEVEL = re.compile(
    r"""
    (?P<level>絕對機密|極機密|機密|密)
    (?:件)?
    (?![碼切集度實閉謀語室封])                      # 密碼, 密切: another word, not a level
    """,
    re.VERBOSE,
)
GLUED_VALUE_END = re.compile(r"$|[ \t\n（(〔\[／/，,；;。]|本|至|於|自|俟|公布|解密|開標|決標")
# A level followed by another level or 普通 in a list is an option list for the writer, not a value.
OPTION_LIST = re.compile(r"[ 　]*[、/／,，或及和][ 　]*(?:絕對機密|極機密|機密|密|普通)")
TICKED = r"(?:■|☑|☒|✓|✔|√|▣|\[[xXvV✓]\]|\([xXvV✓]\)|(?<![A-Za-z])[xXvV](?=[ ]?(?:絕對機密|極機密|機密|密|普通)))"
UNTICKED = r"(?:□|☐|\[ \]|\( \))"
BOX = re.compile(TICKED + "|" + UNTICKED)
TICKED_OPTION = re.compile(TICKED + r"[ ]?(?P<level>絕對機密|極機密|機密|密|普通)")
DECLASSIFIED_NOTE = re.compile(r"原(?:列|屬|為|核列|核定)|已(?:於[^，。；\n]{0,15})?(?:解密|解除|降為普通)")
# Before a label that opens a field: nothing on the line, a quote mark of a reply, a table cell, or another
# field on the same row (速別：最速件　密等：密).
QUOTE_PREFIX = re.compile(r"^[ 　\t>|*]*$")
ROW_PREFIX = re.compile(r"(?:[:：][^\n]{0,40}|\t[^\t\n]{0,40}|[ ]{2,}[^\n]{0,40})[ \t]$|\t$|[ ]{2,}$")


@dataclass(frozen=True)
class FieldLevel:
    """A level a field holds: its span in the working copy, the level, and how it was written."""

    start: int
    end: int
    level: str
    ticked_box: bool


def field_levels(text: str, lines: list[tuple[int, int]] | None = None) -> Iterator[FieldLevel]:
    """Every level a 密等 field in ``text`` (a working copy) holds; ``lines``: ``lines_holding(text, "密")`` if the
    caller has it.

    >>> [(f.level, f.ticked_box) for f in field_levels("速別\\t普通件\\t密等及解密條件或保密期限\\t機密本件開標後解密")]
    [('機密', False)]
    >>> [f.level for f in field_levels("密　　等：\\t□普通 ■機密 □密")]
    ['機密']
    >>> [f.level for f in field_levels("密等：絕對機密／極機密／機密／密（擇一）")]
    []
    """
    if lines is None:
        lines = lines_holding(text, "密")
    labels = (label for start, end in lines for label in LABEL.finditer(text, start, end))
    for label in labels:  # every label holds 密 and stays on its line
        line_start = text.rfind("\n", 0, label.start()) + 1
        prefix = text[line_start:label.start()]
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end == -1 else line_end
        separator = SEPARATOR.match(text, label.end(), line_end)
        value_start = separator.end() if separator else label.end()
        at_field = bool(QUOTE_PREFIX.match(prefix) or ROW_PREFIX.search(prefix))
        if not at_field and not BOX.search(text, value_start, line_end):
            continue  # 「密等」 inside a sentence, not a field (a form's 「調閱資料密等：□密 ■機密」 is one)
        if not text[value_start:line_end].strip(" \t"):
            if line_end < len(text):
                value_start, line_end = _next_line(text, line_end)  # the value on the next line or row
        elif value_start == label.end() and not _glued_level(text, value_start) and not BOX.match(text, value_start):
            continue  # 「密等欄請依…」: the label word in running text
        yield from _value_levels(text, value_start, line_end)


def _glued_level(text: str, index: int) -> bool:
    """「密等及解密條件或保密期限密（…）」: a level glued to the label, followed by what may end a value."""
    level = LEVEL.match(text, index)
    return bool(level and GLUED_VALUE_END.match(text, level.end()))


def _next_line(text: str, line_end: int) -> tuple[int, int]:
    start = line_end + 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while start < end and text[start] in " \t>|":
        start += 1
    return start, end


def _value_levels(text: str, start: int, end: int) -> Iterator[FieldLevel]:
    value = text[start:end]
    if BOX.search(value):
        for tick in TICKED_OPTION.finditer(text, start, end):
            if tick.group("level") != "普通":
                yield FieldLevel(tick.start("level"), tick.end("level"), tick.group("level"), True)
        return
    while start < end and text[start] in " \t([（〔":
        start += 1
    match = LEVEL.match(text, start, end)
    if match is None or OPTION_LIST.match(text, match.end("level"), end) or OPTION_LIST.match(text, match.end(), end):
        return
    if DECLASSIFIED_NOTE.search(text, match.end(), end):
        return  # 「機密（原列機密，已於114年1月1日解密）」
    yield FieldLevel(match.start("level"), match.end("level"), match.group("level"), False)
