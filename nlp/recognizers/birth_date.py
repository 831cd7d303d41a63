"""BIRTH_DATE: a date (民國 or western, Arabic, full-width or Chinese numerals) written as someone's birth date.

A date is a birth date only with birth context: a label before it (出生日期、生日、出生年月日、生於、DOB,
Date of birth, born on) or 「生」/「出生」 right after it (（74年3月5日生）). Other dates — 發文日期, deadlines,
meeting dates — are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import BIRTH_DATE, Finding
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText

CN = "[0-9一二三四五六七八九十〇零○]"
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
PATTERN = re.compile(
    rf"""
    (?<![0-9])
    (?:
        (?:民國|中華民國)? [ ]? {CN}{{2,4}} [ ]? 年 [ ]? {CN}{{1,2}} [ ]? 月 [ ]? {CN}{{1,3}} [ ]? [日號]   # 民國74年3月5日
      | (?:19|20)[0-9]{{2}} [/.\-] [0-9]{{1,2}} [/.\-] [0-9]{{1,2}}                                 # 1985-03-05
      | [0-9]{{2,3}} [/.\-] [0-9]{{1,2}} [/.\-] [0-9]{{1,2}}                                         # 74.03.05
      | [0-9]{{1,2}} [/.\-] [0-9]{{1,2}} [/.\-] (?:19|20)[0-9]{{2}}                                   # 05/03/1985
      | [0-9]{{1,2}} [ ]+ (?:{MONTHS})\.? ,? [ ]+ (?:19|20)[0-9]{{2}}                                # 5 March 1985
      | (?:{MONTHS})\.? [ ]+ [0-9]{{1,2}} ,? [ ]+ (?:19|20)[0-9]{{2}}                                # March 5, 1985
    )
    (?![0-9])
    """,
    re.VERBOSE,
)
CONTEXT_BEFORE = re.compile(
    r"(?:出生(?:日期|年月日)?|生日|生於|出生於|誕生於|DOB|D\.O\.B\.|[Dd]ate of [Bb]irth|[Bb]irth ?[Dd]ate|[Bb]orn(?: on| in)?)"
    r"[ \t]*[:：]?[ \t]*(?:為|是|is|was)?[ \t]*$"
)
CONTEXT_AFTER = re.compile(r"[ ]?(?:出生|生(?![產活效])|誕生)")
# Where birth context can be: only the text around these is searched for dates.
TRIGGER = re.compile(  # every alternative starts with a literal: the regex engine skips to where one may start
    r"出生|生日|生於|誕生|DOB|D\.O\.B|Birth|birth|Born|born|生(?<=[日號0-9]生)(?![產活效])| 生(?<=[日號0-9] 生)(?![產活效])"
)
WINDOW = 40
# A table (名冊) whose header names a birth-date column: its dates below, to the first blank line, are birth dates.
TABLE_HEADER_WORD = re.compile(r"出生年月日|出生日期|生日|Date of birth|DOB")  # the lines TABLE_HEADER is tried on
TABLE_HEADER = re.compile(
    r"^(?=[^\n]*(?:出生年月日|出生日期|生日|Date of birth|DOB))(?=[^\n]*(?:姓名|身分證|地址|序號|編號|Name|ID))"
    r"(?![^\n]*[:：])[^\n]*\n",  # a header row names columns; a form line (出生日期：…) has a colon
    re.MULTILINE,
)
TABLE_END = re.compile(r"\n[ \t　]*\n")


def _table_headers(text: str) -> Iterator[re.Match[str]]:
    """TABLE_HEADER's matches, tried only on the lines that name a birth-date column."""
    tried = -1
    for word in TABLE_HEADER_WORD.finditer(text):
        line_start = text.rfind("\n", 0, word.start()) + 1
        if line_start > tried:
            tried = line_start
            header = TABLE_HEADER.match(text, line_start)
            if header:
                yield header


class BirthDateRecognizer(Recognizer):
    name = "birth_date"
    type = BIRTH_DATE

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        seen: set[int] = set()
        if "生" in text or "DOB" in text or "irth" in text:
            for header in _table_headers(text):
                table_end = TABLE_END.search(text, header.end())
                for match in PATTERN.finditer(text, header.end(), table_end.start() if table_end else len(text)):
                    seen.add(match.start())
                    yield self.finding(scan_text, match.start(), match.end(), 0.85, ["pattern", "context:table-header"])
        for trigger in TRIGGER.finditer(text):
            left = max(0, trigger.start() - WINDOW)
            for match in PATTERN.finditer(text, left, min(len(text), trigger.end() + WINDOW)):
                if match.start() in seen:
                    continue
                start, end = match.start(), match.end()
                context = CONTEXT_BEFORE.search(text, max(0, start - 24), start) or CONTEXT_AFTER.match(text, end)
                if context and (text.startswith("出生者", end) or text.startswith("生者", end)):
                    continue  # 「如114年3月1日出生者」: an example in a rule, nobody's birth date
                if context:
                    seen.add(start)
                    yield self.finding(scan_text, start, end, 0.9, ["pattern", f"context:{context.group(0).strip(' :：')}"])
