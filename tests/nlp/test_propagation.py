"""Document-level propagation: a value found once is a finding at every other occurrence, in every segment."""

from __future__ import annotations

import pytest

from nlp.engine import Engine
from nlp.propagation import REPEAT_EVIDENCE

ENGINE = Engine()


def repeats(text: str) -> list[tuple[str, str, int]]:
    return [(f.type, f.text, f.start) for f in ENGINE.scan(text).findings if REPEAT_EVIDENCE in f.evidence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name found after its label, repeated without it
        ("陳情人：王小明\n王小明希望儘速修復。", [("PERSON", "王小明", 8)]),
        # numbers found by their label, repeated with other separators, full width, spaces
        ("帳號：0123-4567-8901\n匯入012345678901", [("BANK_ACCOUNT", "012345678901", 20)]),
        ("帳號：0123-4567-8901\n匯入０１２３—４５６７—８９０１", [("BANK_ACCOUNT", "０１２３—４５６７—８９０１", 20)]),
        ("護照號碼：312345678\n另查 312 345 678 一筆", [("TW_PASSPORT", "312 345 678", 18)]),
        # an e-mail address in another case
        ("信箱：wang@ntpc.gov.tw\n回信給WANG@NTPC.GOV.TW即可", []),  # found by the recognizer itself
        # a two-character name, repeated as a person
        ("承辦人：林森\n林森希望儘速處理", [("PERSON", "林森", 7)]),  # (林森表示 is found alone)
        # the council form 王議員志強 stands for 王志強 too: the minutes write both
        ("主席：請王志強王議員。\n王議員志強：謝謝主席。", [("PERSON", "王志強", 4)]),
    ],
)
def test_repeats_are_findings_with_their_own_offsets(text, expected):
    assert repeats(text) == expected
    for _, value, start in expected:
        assert text[start : start + len(value)] == value


@pytest.mark.parametrize(
    "text",
    [
        "承辦人：林森\n請至林森路辦理。",  # a road named like the person
        "承辦人：高雄\n高雄市政府來函。",  # a city
        "護照號碼：312345678\n案號3123456789",  # a longer number is another number
        "護照號碼：312345678\n編號A312345678",  # glued to a letter
    ],
)
def test_not_a_repeat(text):
    assert repeats(text) == []


def test_a_name_with_a_title_after_it_is_still_the_person():
    assert repeats("陳情人：林芳\n林芳里長表示") == [("PERSON", "林芳", 7)]


def test_names_compare_with_their_case():
    text = "Contact: Mark Lee (mark.lee@example.com)\nMark Lee will reply; mark lee is lower case."
    found = [(f.type, f.text) for f in ENGINE.scan(text).findings if REPEAT_EVIDENCE in f.evidence]
    assert ("PERSON", "mark lee") not in found


def test_redacted_copies_hold_no_repeat():
    text = "陳情人：王小明（電話0912-345-678）\n經查王小明所述屬實，已電0912—345—678通知王小明。"
    for mode in ("mask", "placeholder"):
        redacted = ENGINE.redact(text, mode).text
        assert "王小明" not in redacted and "345" not in redacted, redacted
    assert ENGINE.redact(text, "placeholder").text == (
        "陳情人：〔姓名1〕（電話〔電話1〕）\n經查〔姓名1〕所述屬實，已電〔電話1〕通知〔姓名1〕。"
    )


def test_segments_of_one_document_share_values_and_placeholders():
    subject = "陳情人王小明，護照號碼312345678"
    body = "王小明來電表示312345678已過期"
    subject_result, body_result = ENGINE.scan_document([subject, body])
    assert [(f.type, f.text) for f in body_result.findings] == [("PERSON", "王小明"), ("TW_PASSPORT", "312345678")]
    assert REPEAT_EVIDENCE in body_result.findings[1].evidence
    assert body_result.verdict == "redact"
    assert "TW_PASSPORT" not in ENGINE.scan(body).counts  # alone, the body gives no label to find it by
    first, second = ENGINE.redact_document([subject, body], "placeholder")
    assert second.text == "〔姓名1〕來電表示〔護照號碼1〕已過期"
    assert first.placeholder_map == second.placeholder_map == {"〔姓名1〕": "王小明", "〔護照號碼1〕": "312345678"}


def test_scan_document_refuses_a_bare_string():
    with pytest.raises(TypeError):
        ENGINE.scan_document("承辦人：王小明")


def test_offsets_survive_structure_marks():
    text = "承辦人：王小明\r\n說明：\r\x07王小明\r\x07"
    found = [f for f in ENGINE.scan(text).findings if f.type == "PERSON"]
    assert [text[f.start : f.end] for f in found] == ["王小明", "王小明"]


def test_allow_listed_values_do_not_propagate():
    from nlp.policy import policy_from_dict

    engine = Engine(policy_from_dict({"allow": {"values": ["(02)2960-3456"]}}))
    assert engine.scan("總機：(02)2960-3456\n請撥02 2960 3456").findings == ()


def test_many_values_in_a_long_text_repeat_as_a_few_in_a_short_one(monkeypatch):
    """Above a budget of values × characters the occurrences come from an automaton, below it from substring
    search: the repeats must be the same either way (a long roster is where the automaton runs)."""
    from nlp import propagation

    rows = [f"承辦人：王{given}\n王{given}希望儘速處理，電話0912-345-{index:03d}" for index, given in
            enumerate(("小明", "志強", "淑芬", "美玲", "建宏", "怡君", "俊傑", "雅婷"))]
    text = "\n".join(rows * 3)
    monkeypatch.setattr(propagation, "_FIND_BUDGET", 0)  # every text: the automaton
    by_automaton = repeats(text)
    monkeypatch.setattr(propagation, "_FIND_BUDGET", 10**12)  # every text: substring search
    by_search = repeats(text)
    assert by_automaton == by_search
    assert len(by_automaton) == 8 * 3  # every 「王…希望」: the name again without its label, in each copy
