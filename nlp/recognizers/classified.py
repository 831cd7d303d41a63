"""CLASSIFIED: a classification level (絕對機密 / 極機密 / 機密 under 國家機密保護法, 密 for 一般公務機密)
applied to the text. The span is the level word; ``level`` carries it.

Where a level is applied:

* the 公文 header field 「密等及解密條件或保密期限：機密（解密條件）」 (also 「密等：」); an empty field or
  普通 is unclassified; on a form only a ticked box counts (「密等：□機密 ■密 □普通」);
* running text that applies it to this document: 「本簽列為機密」, 「本件核定為極機密」, 「請以密件處理」;
* a stamp: 【機密】, 〔密〕, or a level alone on one of the first lines of the text.

Not markings: statute names (國家機密保護法), negations (本案非屬機密), sentences about secrecy rules,
quoted words (「密」字公文), enumerations of levels in training material, a document that 原列機密 but
已解密, the e-mail disclaimer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import CLASSIFIED, Finding
from nlp.recognizers import marking_context as ctx
from nlp.recognizers.base import Recognizer
from nlp.recognizers.marking_field import LABEL, field_levels
from nlp.text import ScanText, lines_holding

LEVEL = r"(?P<level>絕對機密|極機密|機密|密)"
APPLIED = re.compile(
    # each alternative of the subject starts with a literal: the regex engine skips to where one may start
    r"(?P<subject>" + "".join(f"{word}[\u3400-\u9fff]{{1,4}}?|" for word in ("本", "此", "該", "這份", "這封", "這件", "此份"))
    + r"附件|附檔|以下內容)"
    r"(?P<between>[^。；\n]{0,12}?)"  # 「本案涉及個人隱私，列為密件處理」: a comma may come between
    r"(?P<verb>列為|核列為?|核定為|核予|屬於?|係|為|列|等級為|密等為|定為|改列為?)"
    r"(?:密等|等級)?[ ]?[「『\"]?(?P<level>絕對機密|極機密|機密|密)[」』\"]?(?P<suffix>件|文書|文件|等級|公文|資料)?"
)
# Subjects that can only be this document; with any other subject a sentence about rules is not a marking.
DOCUMENT_SUBJECT = re.compile(r"^(?:本|此|該|這份|這封|這件|此份)(?:件|案|簽|函|文|公文|資料|報告|紀錄|記錄|會議紀錄|郵件|信|文件|檔案|附件|計畫|方案|簡報)")
# Between subject and verb: a negation, a question or a condition (本案如經核定為機密) — nothing is applied.
NOT_APPLIED_BETWEEN = re.compile(r"非|不|未|無|並非|是否|可否|能否|如經|如係|如屬|如為|如被|如列|若|倘|如果|假如")
# A sentence reporting what happened to some other document (news, a judgment) does not mark this one.
NARRATIVE = re.compile(r"指出|表示|起訴|涉嫌|判決|報導|據悉|檢方|警方|法院|地檢署|遭[^，。]{0,6}(?:外洩|洩漏|外傳)")
HANDLE_AS = re.compile(r"(?:以|按|依)(?P<level>絕對機密|極機密|機密|密)(?:件|文件|公文)?(?:方式)?(?:處理|傳遞|寄送|保管|辦理|歸檔|簽辦)")
SPACED_LEVEL = r"(?P<level>絕[ \t]*對[ \t]*機[ \t]*密|極[ \t]*機[ \t]*密|機[ \t]*密|密)"
STAMP = re.compile(r"[【〔\[［][ \t]*" + SPACED_LEVEL + r"(?:件)?[ \t]*[】〕\]］]")
# 「主旨（密）：」, 「會議紀錄（密）」: a level in round brackets right after a title word
TITLE_LEVEL = re.compile(r"[（(](?<=[\u3400-\u9fff：:\t][（(])" + LEVEL + r"(?:件)?[）)]")
# A title of its own that names the level of what it heads: 「機密名冊」 as a sheet name, 「密件清冊」 atop a list.
LEVEL_TITLE = re.compile(
    r"^[ \t]*" + LEVEL + r"(?:件)?(?:名冊|清冊|名單|資料|文件|報告|簡報|檔案|紀錄|記錄)[ \t]*(?:[（(][^\n)）]{0,12}[)）])?[ \t]*$",
    re.MULTILINE,
)
# A level alone on its line, or opening a line of header fields: 「機密」, 「機　密」, 「機密　文件編號：…」
STANDALONE = re.compile(
    r"^[ \t>*＊]*" + SPACED_LEVEL + r"(?:件)?[ \t*＊]*"
    r"(?:[（(][^\n)）]{0,30}[)）])?[ \t]*(?:$|(?=[ \t][^\n]{0,30}[:：]))",
    re.MULTILINE,
)


def _in_lines(pattern: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in the given lines of ``text`` (see :func:`nlp.text.lines_holding`)."""
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


class ClassifiedRecognizer(Recognizer):
    name = "classified"
    type = CLASSIFIED

    def __init__(self, extra_markings: dict[str, str] | None = None) -> None:
        self.extra = None
        if extra_markings:
            words = sorted(extra_markings, key=len, reverse=True)
            self.extra = re.compile("|".join(re.escape(w) for w in words))
            self.extra_levels = extra_markings

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        if "密" not in scan_text.folded and self.extra is None:
            return
        findings: list[Finding] = []
        spans: set[tuple[int, int]] = set()
        for finding in self._find(scan_text):  # a span found twice (a header field that is also a stamp line): once
            if (finding.start, finding.end) not in spans:
                spans.add((finding.start, finding.end))
                findings.append(finding)
        # 「本簽列為機密，請以密件處理」: the handling instruction repeats the level the sentence applies.
        for finding in findings:
            if "handle-as" in finding.evidence and any(
                other is not finding and scan_text.sentence_bounds(*scan_text.to_working(other.start, other.end))
                == scan_text.sentence_bounds(*scan_text.to_working(finding.start, finding.end))
                for other in findings
            ):
                continue
            yield finding

    def _find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        lines = lines_holding(text, "密")  # every pattern below, and the 密等 label, stays on one line and holds 密
        yield from self._header_fields(scan_text, lines)
        for pattern, evidence in ((APPLIED, "applied"), (HANDLE_AS, "handle-as")):
            for match in _in_lines(pattern, text, lines):
                if pattern is APPLIED:
                    if NOT_APPLIED_BETWEEN.search(match.group("between")):
                        continue
                    if NARRATIVE.search(scan_text.sentence(match.start(), match.end())):
                        continue  # 「檢方指出，該簽呈於開標前列為密件」: news about another document
                    after = text[match.end():match.end() + 1]
                    if match.group("level") == "密" and not match.group("suffix") and ctx.CJK.match(after):
                        continue  # 「本案為密切合作」: 密 starts another word
                    if not DOCUMENT_SUBJECT.search(match.group("subject") + match.group("between")) and ctx.about_rules(
                        scan_text, match.start(), match.end()
                    ):
                        continue
                yield from self._level(scan_text, match, evidence)
        for match in _in_lines(STAMP, text, lines):
            yield from self._level(scan_text, match, "stamp")
        for match in _in_lines(TITLE_LEVEL, text, lines):
            before = text[max(0, match.start() - 2):match.start()]
            if before.endswith("機密") or ctx.about_rules(scan_text, match.start(), match.end()):
                continue  # 「一般公務機密（密）」 in training material
            yield from self._level(scan_text, match, "title-stamp")
        yield from self._standalone(scan_text, lines)
        for match in _in_lines(LEVEL_TITLE, text, lines):
            yield from self._level(scan_text, match, "title-line")
        if self.extra is not None:
            for match in self.extra.finditer(text):
                if not ctx.mentioned_not_applied(scan_text, match.start(), match.end()):
                    level = self.extra_levels[match.group(0)]
                    yield self.finding(scan_text, match.start(), match.end(), 0.9, ["policy-marking"], level=level)

    def _level(self, scan_text: ScanText, match: re.Match[str], evidence: str) -> Iterator[Finding]:
        start, end = match.start("level"), match.end("level")
        if ctx.is_negated(scan_text, match.start()):
            return
        if evidence in ("applied", "handle-as") and ctx.inside_quotes(scan_text, match.start(), match.end()):
            return  # an example quoted in a text about the rules
        if evidence not in ("applied", "handle-as") and ctx.is_quoted(scan_text, start, end):
            return  # 「密」 in quotes is a word being talked about; 「本函列為「密」件」 still applies it
        if ctx.is_declassified(scan_text, start, end) or ctx.in_disclaimer(scan_text, start, end):
            return
        level = re.sub(r"[ \t]", "", match.group("level"))
        yield self.finding(scan_text, start, end, 0.95, ["marking", evidence], level=level)

    def _header_fields(self, scan_text: ScanText, lines: list[tuple[int, int]]) -> Iterator[Finding]:
        for field in field_levels(scan_text.folded, lines):
            evidence = ["marking", "header-field"] + (["ticked-box"] if field.ticked_box else [])
            yield self.finding(scan_text, field.start, field.end, 0.95 if field.ticked_box else 1.0, evidence, level=field.level)

    def _standalone(self, scan_text: ScanText, lines: list[tuple[int, int]]) -> Iterator[Finding]:
        text = scan_text.folded
        for match in _in_lines(STANDALONE, text, lines):
            position, end = scan_text.line_bounds(match.start())
            if LABEL.match(text, match.start("level")):
                continue  # 「密　等：」 opens a field; the field decides
            if not self._neighbour_is_level(text, position, end) and not ctx.about_rules(scan_text, match.start(), end):
                yield from self._level(scan_text, match, "stamp-line")

    @staticmethod
    def _neighbour_is_level(text: str, line_start: int, line_end: int) -> bool:
        """A level alone on a line next to other levels alone on lines is a list, not a stamp."""
        before = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip(" \t*・•-")
        after = text[line_end + 1:].split("\n", 1)[0].strip(" \t*・•-")
        return before in ctx.LEVEL_WORDS or after in ctx.LEVEL_WORDS
