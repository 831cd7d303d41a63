"""Restore: put the real values back into an AI's answer, given the placeholder map from redaction.

AI tools rewrite brackets and spacing: 〔姓名1〕 comes back as [姓名1], 【姓名 1】, （姓名１）, 〔 姓名1 〕 or
{姓名1}. Any opening bracket, optional spaces, the name, optional spaces, the number (ASCII or full-width),
optional spaces and any closing bracket is accepted. AI tools also rename the label (〔電話號碼1〕, 〔手機1〕,
[Phone 1] or simplified 〔电话1〕 for 〔電話1〕): a known synonym, or a name that contains the map's name or is
contained in it (one of that number only), is the same placeholder. And they drop the brackets (姓名1先生):
a bare placeholder name with its number is restored, unless a counter word follows the number (電話1支,
身分證字號1組, 姓名1欄) or more digits do, so ordinary text that counts things stays as it is. Nothing else in
the answer changes.

Time is linear in the text whatever the map's size: one pattern finds every bracketed name-and-number and a
dict lookup decides whether the map holds it; keys of another shape are matched literally, looked up by
their first character and length (so a map of thousands of keys costs one set lookup per candidate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = r"[〔\[【［(（{｛<＜「『〈]"
CLOSE = r"[〕\]】］)）}｝>＞」』〉]"
DIGITS = "0-9０-９"
PLACEHOLDER = re.compile(rf"^〔(?P<name>[^\d〔〕]+)(?P<number>[{DIGITS}]+)〕$")
MAX_NAME_CHARACTERS = 40
MAX_NUMBER_DIGITS = 12
NAME_CHARACTER = rf"[^\s{DIGITS}〔\[【［(（{{｛<＜「『〈〕\]】］)）}}｝>＞」』〉]"
VARIANT = re.compile(
    rf"""
    {OPEN} \s*
    (?P<name> {NAME_CHARACTER} (?: \s* {NAME_CHARACTER} ){{0,{MAX_NAME_CHARACTERS - 1}}}? )  # spaces allowed inside
    \s* (?P<number> [{DIGITS}]{{1,{MAX_NUMBER_DIGITS}}} ) (?! [{DIGITS}] )                   # ASCII or full-width
    \s* {CLOSE}
    """,
    re.VERBOSE,
)
ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WHITESPACE = re.compile(r"\s+")
VARIANT_NAME = re.compile(rf"{NAME_CHARACTER}(?:\s*{NAME_CHARACTER}){{0,{MAX_NAME_CHARACTERS - 1}}}")
# Labels AI tools write instead of ours (renamed, shortened, English, simplified Chinese), by our label.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "姓名": ("名字", "人名", "姓名稱", "當事人", "name", "Name", "NAME", "person", "Person", "人员", "名称"),
    "電話": ("電話號碼", "手機", "手機號碼", "聯絡電話", "连络电话", "电话", "电话号码", "手机", "手机号码",
             "phone", "Phone", "PHONE", "tel", "Tel", "TEL", "telephone", "Telephone", "mobile", "Mobile"),
    "電子郵件": ("郵件", "電郵", "信箱", "電子信箱", "郵件地址", "电子邮件", "邮件", "邮箱", "电子邮箱",
                 "email", "Email", "EMAIL", "e-mail", "E-mail", "E-MAIL", "mail", "Mail"),
    "地址": ("住址", "通訊地址", "戶籍地址", "地點", "address", "Address", "ADDRESS", "地点"),
    "身分證字號": ("身分證", "身分證號", "身分證號碼", "身份證", "身份證字號", "身份證號碼", "身份证", "身份证号",
                   "身份证号码", "ID", "id", "national ID", "National ID"),
    "居留證號": ("居留證", "居留證號碼", "統一證號", "居留证", "居留证号"),
    "護照號碼": ("護照", "護照號", "护照", "护照号", "护照号码", "passport", "Passport"),
    "健保卡號": ("健保卡", "健保卡號碼", "健保卡号"),
    "出生日期": ("生日", "出生年月日", "出生日", "birthday", "Birthday", "date of birth", "DOB"),
    "帳號": ("帳戶", "銀行帳號", "存款帳號", "账号", "账户", "银行账号", "account", "Account"),
    "信用卡號": ("信用卡", "卡號", "信用卡号", "卡号", "card", "Card", "credit card", "Credit card"),
    "特種個資": ("敏感個資", "特種個人資料", "敏感资料", "特种个资"),
    "統一編號": ("統編", "统一编号", "统编"),
}
CANONICAL = {WHITESPACE.sub("", alias): name for name, aliases in SYNONYMS.items() for alias in aliases}
# A number followed by one of these counts things (電話1支, 姓名1欄, 地址1樓): not a placeholder without brackets.
COUNTER_WORDS = (
    "支組个個份件張张位名次項项欄栏筆笔人號号則条條本頁页年月日天週周段巷弄樓楼室台臺部封通隻只行列格種种元塊块歲岁點点分秒"
)


@dataclass(frozen=True)
class Restoration:
    text: str
    count: int
    missing: tuple[str, ...] = ()


def _variant_key(name: str, number: str) -> tuple[str, str]:
    """How a placeholder is looked up: its name without spaces and its number in ASCII digits."""
    return WHITESPACE.sub("", name), number.translate(ASCII_DIGITS)


class _LiteralKeys:
    """Keys that are not 〔name number〕 placeholders, matched exactly, the longest first at a position."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = set(keys)
        lengths: dict[str, set[int]] = {}
        for key in keys:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
        self.starts = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]") if keys else None

    def match(self, text: str, position: int) -> str | None:
        for size in self.lengths.get(text[position], ()):
            candidate = text[position : position + size]
            if candidate in self.keys:
                return candidate
        return None


class _Variants:
    """Placeholders of the 〔name number〕 shape, found by name and number, also renamed or without brackets."""

    MAX_NAMES_PER_NUMBER = 32  # beyond this, a renamed label is looked up by synonym only

    def __init__(self, placeholders: list[str]) -> None:
        self.by_key: dict[tuple[str, str], str] = {}
        self.names_by_number: dict[str, list[str]] = {}
        for placeholder in placeholders:
            match = PLACEHOLDER.match(placeholder)
            assert match is not None
            key = _variant_key(match.group("name"), match.group("number"))
            if key not in self.by_key:
                self.by_key[key] = placeholder
                self.names_by_number.setdefault(key[1], []).append(key[0])
        bare_names = sorted({name for name, _ in self.by_key if name in SYNONYMS}, key=len, reverse=True)
        self.bare = (
            re.compile(
                rf"(?P<name>{'|'.join(map(re.escape, bare_names))}) [ \t]?"
                rf"(?P<number>[{DIGITS}]{{1,{MAX_NUMBER_DIGITS}}}) (?![{DIGITS}]|[.．,，][{DIGITS}]|[%％])"
                rf"(?![ \t]?[{COUNTER_WORDS}])",
                re.VERBOSE,
            )
            if bare_names
            else None
        )

    def lookup(self, name: str, number: str) -> str | None:
        """The placeholder a bracketed name and number stand for: the same, a synonym, or a near name."""
        key = _variant_key(name, number)
        placeholder = self.by_key.get(key)
        if placeholder is None and key[0] in CANONICAL:
            placeholder = self.by_key.get((CANONICAL[key[0]], key[1]))
        names = self.names_by_number.get(key[1], ())
        if placeholder is None and len(key[0]) >= 2 and len(names) <= self.MAX_NAMES_PER_NUMBER:
            near = [n for n in names if len(n) >= 2 and (n in key[0] or key[0] in n)]
            if len(near) == 1:
                placeholder = self.by_key[(near[0], key[1])]
        return placeholder


def restore(text: str, placeholder_map: dict[str, str]) -> Restoration:
    """Replace every placeholder variant in ``text`` by its original value."""
    if not placeholder_map:
        return Restoration(text, 0)
    ordered = sorted(placeholder_map, key=len, reverse=True)
    shaped: list[str] = []
    literal: list[str] = []
    for mapped in ordered:
        match = PLACEHOLDER.match(mapped)
        if match and len(match.group("number")) <= MAX_NUMBER_DIGITS and VARIANT_NAME.fullmatch(match["name"]):
            shaped.append(mapped)
        elif mapped:
            literal.append(mapped)
    variants = _Variants(shaped)
    literals = _LiteralKeys(literal)
    # three streams of candidates, each searched forward only: bracketed, literal keys, bare name + number
    patterns = (VARIANT if shaped else None, literals.starts, variants.bare)
    upcoming = [pattern.search(text) if pattern else None for pattern in patterns]
    pieces: list[str] = []
    found: set[str] = set()
    count = 0
    copied = 0
    while any(upcoming):
        position = min(m.start() for m in upcoming if m is not None)
        placeholder: str | None = None
        end = position
        bracketed, literal_start, bare = (m if m is not None and m.start() == position else None for m in upcoming)
        if bracketed is not None:
            key = variants.lookup(bracketed.group("name"), bracketed.group("number"))
            if key is not None:
                placeholder, end = key, bracketed.end()
        if literal_start is not None:
            key = literals.match(text, position)
            if key is not None and (placeholder is None or len(key) > len(placeholder)):
                placeholder, end = key, position + len(key)
        if bare is not None and placeholder is None:
            key = variants.by_key.get(_variant_key(bare.group("name"), bare.group("number")))
            if key is not None:
                placeholder, end = key, bare.end()
        if placeholder is None:
            end = position + 1
        else:
            pieces.append(text[copied:position])
            pieces.append(placeholder_map[placeholder])
            copied = end
            count += 1
            found.add(placeholder)
        upcoming = [
            pattern.search(text, end) if match is not None and match.start() < end and pattern else match
            for pattern, match in zip(patterns, upcoming)
        ]
    pieces.append(text[copied:])
    return Restoration("".join(pieces), count, tuple(p for p in ordered if p not in found))
