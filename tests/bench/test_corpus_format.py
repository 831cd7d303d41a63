"""The corpus loader: markup is stripped, offsets point at the marked text, malformed markup is rejected."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import CorpusError, load_cases, parse_file, parse_markup  # noqa: E402


def write(tmp_path: Path, body: str, name: str = "gongwen.txt") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_offsets_point_at_the_marked_text() -> None:
    text, spans = parse_markup(
        "承辦人：⟦PERSON|林志豪⟧，電話⟦PHONE|（０２）２９６０－３４５６⟧；密等：⟦CLASSIFIED:密|密⟧"
    )
    assert text == "承辦人：林志豪，電話（０２）２９６０－３４５６；密等：密"
    assert [(s.type, text[s.start:s.end], s.level) for s in spans] == [
        ("PERSON", "林志豪", None),
        ("PHONE", "（０２）２９６０－３４５６", None),
        ("CLASSIFIED", "密", "密"),
    ]


def test_case_text_and_verdict(tmp_path: Path) -> None:
    path = write(tmp_path, "comment line\n=== g-1 verdict=redact -- a note\n\n電話⟦PHONE|0912-345-678⟧\n\n"
                           "=== g-2 verdict=allow\n沒有個資。\n")
    first, second = parse_file(path)
    assert (first.id, first.genre, first.text, first.verdict, first.note) == (
        "g-1", "gongwen", "電話0912-345-678", "redact", "a note")
    assert first.text[first.spans[0].start:first.spans[0].end] == "0912-345-678"
    assert (second.text, second.spans, second.verdict) == ("沒有個資。", (), "allow")


@pytest.mark.parametrize(
    "markup, message",
    [
        ("⟦PERSON|林志豪", "never closed"),
        ("林志豪⟧", "without"),
        ("⟦PERSON 林志豪⟧", "no '|'"),
        ("⟦NAME|林志豪⟧", "unknown type"),
        ("⟦CLASSIFIED|機密⟧", "needs a level"),
        ("⟦CLASSIFIED:秘密|機密⟧", "needs a level"),
        ("⟦PERSON:密|林志豪⟧", "only CLASSIFIED"),
        ("⟦PERSON| 林志豪⟧", "outer whitespace"),
        ("⟦PERSON|⟧", "empty"),
        ("⟦PERSON|林⟦PERSON|志豪⟧⟧", "nested"),
        ("⟦person|林志豪⟧", "malformed label"),
    ],
)
def test_malformed_markup_is_rejected(markup: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message):
        parse_markup(markup)


@pytest.mark.parametrize(
    "body, message",
    [
        ("=== g-1 verdict=allow\n電話⟦PHONE|0912-345-678⟧\n", "spans imply redact"),
        ("=== g-1 verdict=redact\n密等：⟦CLASSIFIED:密|密⟧\n", "spans imply block"),
        ("=== g-1 verdict=block\n沒有標示。\n", "spans imply allow"),
        ("=== g-1 verdict=maybe\n文字\n", "verdict must be one of"),
        ("=== g-1\n文字\n", "malformed case header"),
        ("=== g-1 verdict=allow\n\n\n", "no text"),
        ("=== g-1 verdict=allow\n一\n=== g-1 verdict=allow\n二\n", "already used"),
    ],
)
def test_malformed_case_is_rejected(tmp_path: Path, body: str, message: str) -> None:
    write(tmp_path, body)
    with pytest.raises(CorpusError, match=message):
        load_cases(tmp_path)


def test_duplicate_ids_across_files_are_rejected(tmp_path: Path) -> None:
    write(tmp_path, "=== x-1 verdict=allow\n一\n", "qian.txt")
    write(tmp_path, "=== x-1 verdict=allow\n二\n", "meeting.txt")
    with pytest.raises(CorpusError, match="already used"):
        load_cases(tmp_path)


def test_every_span_of_the_real_corpus_points_at_its_text() -> None:
    cases = load_cases()
    assert cases
    for case in cases:
        for span in case.spans:
            assert case.text[span.start:span.end] == span.text, case.id
            assert "⟦" not in case.text and "⟧" not in case.text, case.id


def _compact(value: str) -> str:
    folded = "".join(chr(ord(c) - 0xFEE0) if "！" <= c <= "～" else c for c in value)
    return "".join(c for c in folded if c.isalnum())


def test_gold_identifiers_carry_valid_check_digits() -> None:
    """Every labelled ID, resident number, 統一編號 and card passes its checksum (make_ids.py)."""
    sys.path.insert(0, str(ROOT / "tests" / "corpus"))
    try:
        import make_ids
    finally:
        sys.path.remove(str(ROOT / "tests" / "corpus"))
    checks = {
        "TW_NATIONAL_ID": make_ids.is_national_id,
        "TW_RESIDENT_ID": make_ids.is_resident_id,
        "TW_BUSINESS_ID": make_ids.is_business_id,
        "CREDIT_CARD": make_ids.luhn_ok,
    }
    for case in load_cases():
        for span in case.spans:
            if span.type in checks:
                assert checks[span.type](_compact(span.text)), (case.id, span.text)
