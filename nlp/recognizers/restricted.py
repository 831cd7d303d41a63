"""RESTRICTED: restriction markings — 限閱, 內部使用, 請勿外流, 不公開, and an English CONFIDENTIAL banner.

Applied forms: a stamp (【限閱】, [內部使用]), a short line of its own (a header, a subject prefix, a
quoted original 「> 【限閱】」 in a reply), or the phrase itself where it can only be an instruction
(請勿外流, 僅供內部使用, 本件限閱). English: CONFIDENTIAL in capitals on a line or subject of its own, or
Classification: Confidential / INTERNAL USE ONLY.

Not markings: negations (本件非限閱), quoted mentions, sentences about rules (政府資訊公開法 on 限制公開),
the confidentiality disclaimer at the foot of an e-mail, 內部使用者 (internal users).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import RESTRICTED, Finding
from nlp.recognizers import marking_context as ctx
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText

# Phrases that are an instruction wherever they stand.
INSTRUCTION = re.compile(
    r"請勿外流|不得外流|嚴禁外流|切勿外流|請勿外傳|不得外傳|勿外流|"
    # each alternative starts with a literal, so that the regex engine can skip to where one may start
    + "".join(f"{only}(?:機關|本府|本局|本處|本署|單位)?內部(?:使用|參考|參閱|閱覽)|" for only in ("僅供", "僅限", "限", "只限", "限於", "只供"))
    + r"限閱(?!讀|覽|區|室|書庫|期|證)|"
    r"內部使用(?!者|之系統|系統|權限|帳號)|"
    r"不對外公開|不予公開|"
    # 不公開 as a stamp or predicate of this text (本資料不公開, 不公開資料), not a verb with an object
    # (「不公開陳情人姓名」 withholds a name; the text itself is not restricted)
    r"不公開(?=$|[^\u3400-\u9fff]|資料|文件|資訊|內容|會議|之(?:資料|文件|資訊))"
)
# A bracketed stamp: 【限閱】, [內部使用], （11/20前不公開）; the span is the marking word in it.
STAMP = re.compile(
    r"[【〔\[［(（<〈][^】〕\]］)）>〉\n]{0,16}?"
    r"(?P<word>限閱|內部使用|不公開|請勿外流|請勿外傳|內部資料|密件勿洩)"
    r"[^】〕\]］)）>〉\n]{0,6}[】〕\]］)）>〉]"
)
SUBJECT_APPLIED = re.compile(
    r"(?:本|此|該)(?:件|案|文|信|郵件|資料|簽|函|報告|紀錄|記錄|附件|會議|簡報|檔案|文件|內容|表|計畫|清冊|名單|資訊|手冊)|"
    r"以下|附件|附檔"
)
# 「限閱資料」「限閱文件」 name a kind of document (a course title, a rule); only with this text as the subject,
# or as a stamp, do they mark it.
CATEGORY_NOUN = re.compile(r"(?:資料|文件|公文|等級|案件|之)")
UNTICKED_BOX = "□☐"
EN_BANNER = re.compile(
    r"^(?P<line>[^a-z\n]{0,40}?\b(?P<word>(?:STRICTLY |HIGHLY )?CONFIDENTIAL(?!ITY)|INTERNAL USE ONLY|FOR OFFICIAL USE ONLY|"
    r"RESTRICTED)\b[^a-z\n]{0,40})$|"
    r"(?:Classification|Sensitivity|Security label|CLASSIFICATION)(?:[ ]*:[ ]*|[ ]*\t[ ]*)(?P<word2>(?i:Confidential|Restricted|Internal(?: use only)?))\b|"
    r"^(?:Subject|主旨)(?:[ ]*[:：][ ]*|[ ]*\t[ ]*)(?:(?:RE|Re|FW|Fw|FWD|Fwd)[ ]*:[ ]*)*"
    r"(?:\[(?P<word3>Confidential|CONFIDENTIAL|Internal|RESTRICTED|Restricted)\]|(?P<word5>CONFIDENTIAL|Confidential)\b)",
    re.MULTILINE,
)
# Title-case banners alone on their line or bracketed: "Confidential", "[Internal Use Only]".
EN_LINE = re.compile(
    r"^[ \t>*#\-]*(?P<word>(?:Strictly |Highly )?Confidential|Internal Use Only|For Internal Use Only)[ \t*#\-]*$|"
    r"^[ \t>*#]*(?P<word4>(?:Strictly |Highly )?Confidential|Internal Use Only)[ \t]*[–—\-:|]|"
    r"[\[(](?P<word2>Confidential|Internal Use Only|Internal)[\])]",
    re.MULTILINE | re.IGNORECASE,
)
SHORT_LINE = 24
SERVES = re.compile(r"供[^，。；\n]{0,10}$")
EN_KEYWORD = re.compile(r"confidential|internal|restricted")  # searched in the lower-cased copy
# A sentence about a system or a service (本系統僅供內部使用) restricts access to it, not this text.
NOT_THE_TEXT = re.compile(r"(?:本|此|該)(?:系統|平台|平臺|網站|網頁|帳號|設備|電腦|網路|服務|程式|軟體|App|APP|空間|場地|停車場)")


class RestrictedRecognizer(Recognizer):
    name = "restricted"
    type = RESTRICTED

    def __init__(self, extra_markings: tuple[str, ...] = ()) -> None:
        self.extra = re.compile("|".join(re.escape(w) for w in sorted(extra_markings, key=len, reverse=True))) if extra_markings else None

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        taken: list[tuple[int, int]] = []
        for match in STAMP.finditer(text):
            start, end = match.start("word"), match.end("word")
            if ctx.is_negated(scan_text, start) or ctx.in_disclaimer(scan_text, match.start(), match.end()):
                continue
            if start and text[start - 1] in UNTICKED_BOX:
                continue
            taken.append((start, end))
            yield self.finding(scan_text, start, end, 0.95, ["marking", "stamp"])
        for match in INSTRUCTION.finditer(text):
            start, end = match.start(), match.end()
            if any(s <= start < e for s, e in taken):
                continue
            sentence = scan_text.sentence(start, end)
            has_subject = bool(SUBJECT_APPLIED.search(sentence))
            if ctx.mentioned_not_applied(scan_text, start, end) or ctx.in_enumeration(scan_text, start, end):
                continue
            if ctx.is_hypothetical(scan_text, start, end) or NOT_THE_TEXT.search(sentence):
                continue
            if ctx.inside_quotes(scan_text, start, end):
                continue
            if start and text[start - 1] in UNTICKED_BOX:
                continue  # 「□不公開」: an option not chosen
            line_start, line_end = scan_text.line_bounds(start)
            heads_its_line = not text[line_start:start].strip(" \t") and line_end - line_start <= SHORT_LINE // 2
            if CATEGORY_NOUN.match(text, end) and not has_subject and not heads_its_line:
                continue  # 「限閱資料」 names a kind of document; 「限閱資料　會後繳回」 atop a page stamps it
            if "內部使用" in match.group(0) and SERVES.search(text, max(0, start - 12), start):
                continue  # 「事務機係供本所各課室內部使用」: what a thing is for, not a marking
            line_start, line_end = scan_text.line_bounds(start)
            short_line = line_end - line_start <= SHORT_LINE
            imperative = match.group(0).startswith(("請", "不得", "嚴禁", "切勿", "勿", "僅", "只", "限內", "限機", "限本", "限於"))
            if not (has_subject or short_line or imperative):
                continue
            if ctx.about_rules(scan_text, start, end) and not has_subject:
                continue
            yield self.finding(scan_text, start, end, 0.9, ["marking", "short-line" if short_line else "instruction"])
        for match in self._english_banners(scan_text):
            group = next(g for g, value in match.groupdict().items() if value)
            start, end = match.start(group), match.end(group)
            if any(s <= start < e for s, e in taken) or ctx.in_disclaimer(scan_text, start, end):
                continue
            if ctx.heads_disclaimer(scan_text, end):
                continue  # "CONFIDENTIAL" heading the disclaimer at the foot of an e-mail
            if start >= 2 and text[start - 1] in "(（[" and ctx.CJK.match(text[start - 2]):
                continue  # 「機密（Confidential）」: a translation in a definition, not a banner
            taken.append((start, end))
            yield self.finding(scan_text, start, end, 0.9, ["marking", "english-banner"])
        if self.extra is not None:
            for match in self.extra.finditer(text):
                if not ctx.mentioned_not_applied(scan_text, match.start(), match.end()):
                    yield self.finding(scan_text, match.start(), match.end(), 0.9, ["policy-marking"])

    @staticmethod
    def _english_banners(scan_text: ScanText) -> Iterator[re.Match[str]]:
        """Banner matches on the lines that hold a banner word (the line patterns are costly on every line)."""
        text = scan_text.folded
        lines_done: set[int] = set()
        for keyword in EN_KEYWORD.finditer(scan_text.lowered):
            line_start, line_end = scan_text.line_bounds(keyword.start())
            if line_start in lines_done:
                continue
            lines_done.add(line_start)
            yield from EN_BANNER.finditer(text, line_start, line_end)
            yield from EN_LINE.finditer(text, line_start, line_end)
