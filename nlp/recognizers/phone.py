"""PHONE: Taiwanese phone and fax numbers in every format officials write.

Mobile 09XX-XXX-XXX; landlines with the area code in brackets or joined by a hyphen ((02)2960-3456,
02-29603456, 037-123456, 049-2345678, 0826-12345); +886 forms with or without the trunk 0 ((+886)2-…,
+886-9XX…); 0800 numbers; extensions (分機, 轉, #, ext.) belong to the number's span; a local number
after a 電話 / 傳真 label; a bare extension after such a label.

Not phones: 發文字號 of ROC years 93–99 (北府工字第0981234567號 looks exactly like a mobile number), numbers
whose nearest label is a 案號 / 收文號 / 受理編號, digits inside longer digit runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import PHONE, Finding
from nlp.recognizers.base import NUMBER_LABELS, Recognizer, digits_only
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
      | (?P<local> [2-9][0-9]{2,3} [ \-]? [0-9]{4} )        # local number: only after a phone label
      | (?P<bare_ext> (?: 分機 | ext\.? | Ext\.? ) [ ]* [:：]? [ ]* [0-9]{2,6} )   # bare extension: only after a label
    )
    """
    + EXTENSION
    + r"""
    (?![0-9])
    """,
    re.VERBOSE,
)


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
        for match in PATTERN.finditer(text):
            start, end = match.start(), match.end()
            if text.startswith("號", end) or text.endswith("字第", 0, start) or text.endswith("第", 0, start):
                continue  # 發文字號 / 文號
            label = NUMBER_LABELS.nearest(scan_text, start)
            label_kind = label[0] if label else None
            kind = match.lastgroup or ""
            for group in ("mobile", "landline", "local", "bare_ext"):
                if match.group(group):
                    kind = group
                    break
            core = match.group(kind)
            evidence = ["pattern", f"format:{kind}"]
            if label_kind == "phone":
                evidence.append(f"context:{label[1]}")
            if kind == "bare_ext":
                score = 0.6  # 分機 is its own label
            elif kind == "local":
                if label_kind != "phone":
                    continue
                score = 0.75
            else:
                if label_kind in ("case", "passport", "nhi", "bank", "card", "ubn", "id"):
                    continue
                national = _national_digits(core)
                if kind == "mobile" and len(national) != 9:
                    continue
                if kind == "landline" and not 7 <= len(national) <= 9:
                    continue
                score = 0.95 if label_kind == "phone" else 0.85
            yield self.finding(scan_text, start, end, score, evidence)
