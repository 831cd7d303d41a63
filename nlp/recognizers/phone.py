"""PHONE: Taiwanese phone and fax numbers in every format officials write.

Mobile 09XX-XXX-XXX; landlines with the area code in brackets or joined by a hyphen ((02)2960-3456,
02-29603456, 037-123456, 049-2345678, 0826-12345); +886 forms with or without the trunk 0 ((+886)2-…,
+886-9XX…); foreign numbers with + and a country code (+49 30 2654 8812); 0800 numbers; extensions (分機, 轉, #, ext.) belong to the number's span; a local number
after a 電話 / 傳真 / 專線 label (also as a table's column header) or with its extension (2960-3456分機1234);
a bare extension after 分機 (the span is the number: 分機：⟨3018⟩) or in a table's 分機 column, whether the
cells are split by tabs (Word, Excel) or by runs of spaces (a contact list pasted as text).

Not phones: 發文字號 of ROC years 93–99 (北府工字第0981234567號 looks exactly like a mobile number, also
written 第 0981234567 號), land and building numbers (麗園段0512-0000地號), numbers whose nearest label is a
案號 / 收文號 / 受理編號, digits inside longer digit runs, and landlines too short for the numbering plan:
every area code has 8 or 9 digits after the trunk 0, so service hours (0830-1200, 0900-1730) are no phones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PHONE, Finding
from nlp.recognizers.base import NUMBER_LABELS, Recognizer, column_cells, digits_only
from nlp.text import ScanText

EXTENSION = r"""
    (?: [ ]* (?P<ext_open>[(（])? [ ]* (?: 分機 | 轉 | ext\.? | Ext\.? | EXT\.? | x | \# ) [ ]* [0-9]{1,6}
        (?(ext_open)[)）]) )?
"""

PATTERN = re.compile(
    r"""
    (?=[(+0-9分eE])        # a possible first character: lets the regex engine skip ahead (7x faster)
    (?<![0-9A-Za-z+])
    (?:
        (?P<mobile>
            (?: \(? (?:\+|00)? 886 \)? [ \-]* (?:\(0\))? [ \-]* 9 | 09 )   # +886 9…, (+886) 9… or 09…
            [0-9]{2} [ \-.]? [0-9]{3} [ \-.]? [0-9]{3}
          | 0 [ ] 9 (?: [ ] [0-9] ){8}                            # 0 9 3 3 2 1 5 6 8 0: a space between digits
        )
      | (?P<landline>
            (?: \(? (?:\+|00)? 886 \)? [ \-]* (?:\(0?\))? [ \-]* \(? [2-8][0-9]{0,3} \)?   # +886 2 …
              | \( 0[2-8][0-9]{0,3} \)                                            # (02) …
              | 0[2-8][0-9]{0,3} )                                                # 02-…
            [ \-]* [0-9]{2,4} [ \-]? [0-9]{3,4}
        )
      | (?P<international> \+ (?!886) [1-9][0-9]{0,2} (?: [ \-] \(? [0-9]{1,4} \)? ){2,4} )   # +49 30 2654 8812
      | (?P<local> [2-9][0-9]{2,3} [ \-]? [0-9]{4} )        # local number: only after a phone label
      | (?P<bare_ext> (?: 分機 | ext\.? | Ext\.? ) [ \t]* [:：]? [ \t]* (?P<ext_digits>[0-9]{2,6}) )   # bare extension: only after a label
    )
    """
    + EXTENSION
    + r"""
    (?![0-9])
    """,
    re.VERBOSE,
)


# What a number that is no phone sits in: 發文字號 (字第0981234567號), 地號 / 建號 (段0512-0000地號).
NOT_PHONE_BEFORE = re.compile(r"第[ ]*$")
NOT_PHONE_AFTER = re.compile(r"[ ]*(?:號|地號|建號)")
# An explicit extension after the number: a local number (no area code) with it is a phone without a label.
HAS_EXTENSION = re.compile(r"分機|轉|ext|Ext|EXT|x|\#")
EXTENSION_CELL = re.compile(r"[ ]*[0-9]{3,5}[ ]*")
EXTENSION_HEADER = re.compile(r"分機|ext", re.IGNORECASE)


def _national_digits(number: str) -> str:
    """Digits of the number without country code and trunk 0, extension excluded."""
    digits = digits_only(number)
    for prefix in ("00886", "886"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
            break
    return digits[1:] if digits.startswith("0") else digits


class PhoneRecognizer(Recognizer):
    name = "phone"
    type = PHONE

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        found: list[tuple[int, int]] = []
        for match in PATTERN.finditer(text):
            start, end = match.start(), match.end()
            if NOT_PHONE_AFTER.match(text, end) or NOT_PHONE_BEFORE.search(text, max(0, start - 4), start):
                continue  # 發文字號 / 文號 / 地號
            label = NUMBER_LABELS.nearest(scan_text, start)
            label_kind, label_text = label if label else (None, "")
            kind = match.lastgroup or ""
            for group in ("mobile", "landline", "international", "local", "bare_ext"):
                if match.group(group):
                    kind = group
                    break
            core = match.group(kind)
            evidence = ["pattern", f"format:{kind}"]
            if label_kind == "phone":
                evidence.append(f"context:{label_text}")
            if kind == "bare_ext":
                score = 0.6  # 分機 is its own label; the span is the number
                start = match.start("ext_digits")
            elif kind == "local":
                extension = HAS_EXTENSION.search(text, match.end("local"), end)
                if label_kind != "phone" and not (extension and label_kind is None):
                    continue
                if label_kind != "phone":
                    evidence.append("extension")
                score = 0.75
            else:
                if label_kind in ("case", "passport", "nhi", "bank", "card", "ubn", "id"):
                    continue
                national = _national_digits(core)
                if kind == "mobile" and len(national) != 9:
                    continue
                if kind == "landline" and not 8 <= len(national) <= 9:
                    continue  # 0830-1200: service hours, not a number of the numbering plan
                if kind == "international" and not 8 <= len(digits_only(core)) <= 15:
                    continue  # E.164: at most 15 digits with the country code
                score = 0.95 if label_kind == "phone" else 0.85
            found.append((start, end))
            yield self.finding(scan_text, start, end, score, evidence)
        if "\n" in text and ("分機" in text or "ext" in scan_text.lowered):  # EXTENSION_HEADER, without a regex pass
            for start, end, _ in column_cells(scan_text, EXTENSION_HEADER):
                if not EXTENSION_CELL.fullmatch(text, start, end):
                    continue
                while text[start] == " ":
                    start += 1
                while text[end - 1] == " ":
                    end -= 1
                if not any(s < end and start < e for s, e in found):
                    yield self.finding(scan_text, start, end, 0.6, ["pattern", "format:bare_ext", "column:分機"])
