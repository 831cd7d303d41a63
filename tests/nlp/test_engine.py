"""The engine's verdict rules, bases, overlap resolution and policy effects, through Engine.scan."""

from __future__ import annotations

import pytest

from nlp.engine import Engine, resolve_overlaps
from nlp.finding import Basis, Finding
from nlp.policy import policy_from_dict

ENGINE = Engine()

GONGWEN_CLASSIFIED = """檔　　號：
保存年限：
新北市政府　函
地址：22001新北市板橋區中山路1段161號
承辦人：王小明
電話：(02)2960-3456分機1234
電子信箱：wang.xm@ntpc.gov.tw
發文日期：中華民國114年3月5日
發文字號：北府資字第0981234567號
密等及解密條件或保密期限：機密（解密條件：公布後解密）
主旨：檢送本府資訊安全稽核報告一份，請查照。
"""


def types(result):
    return [f.type for f in result.findings]


@pytest.mark.parametrize(
    ("text", "verdict", "article"),
    [
        # block > redact > allow
        ("密等及解密條件或保密期限：機密\n承辦人：王小明", "block", "第肆章第7條第1款"),
        ("本簽列為機密，請以密件處理", "block", "第肆章第7條第1款"),
        ("【限閱】承辦人：王小明", "block", "第肆章第7條第2款"),
        ("> 【限閱】\n> 原信內容", "block", "第肆章第7條第2款"),
        ("【限閱】\n密等：極機密", "block", "第肆章第7條第1款"),  # classified wins the basis
        ("身分證字號A123456789", "redact", "第肆章第7條第2款"),
        ("承辦人：王小明", "redact", "第肆章第7條第2款"),
        ("信用卡號：4111 1111 1111 1111", "redact", "第肆章第7條第2款"),
        ("請參考附件辦理", "allow", "第肆章第1條"),
        ("", "allow", "第肆章第1條"),
        ("統一編號：22099131", "allow", "第肆章第1條"),  # a company's number is not personal data
        # hard negatives from the BRIEF: allow
        ("發文字號：北府工字第0981234567號", "allow", "第肆章第1條"),
        ("護照申請案，受理編號123456789", "allow", "第肆章第1條"),
        ("本案非屬機密", "allow", "第肆章第1條"),
        ("依國家機密保護法規定辦理", "allow", "第肆章第1條"),
        ("問：「密」字公文可否使用Copilot？", "allow", "第肆章第1條"),
        ("機密等級分為：絕對機密、極機密、機密、密", "allow", "第肆章第1條"),
        ("密等及解密條件或保密期限：普通", "allow", "第肆章第1條"),
        ("密等：□機密 □密 ■普通", "allow", "第肆章第1條"),
        ("本件原列機密，已於114年1月1日解密", "allow", "第肆章第1條"),
        ("本郵件可能含有機密資訊，如非指定收件人，請立即刪除。", "allow", "第肆章第1條"),
        ("身分證字號A123456788", "allow", "第肆章第1條"),  # wrong check digit
    ],
)
def test_verdict_and_basis(text, verdict, article):
    result = ENGINE.scan(text)
    assert result.verdict == verdict, [(f.type, f.text) for f in result.findings]
    assert result.basis.article == article
    assert result.basis.zh and result.basis.en


def test_gongwen_header_blocks_and_reports_every_contact_of_the_official():
    result = ENGINE.scan(GONGWEN_CLASSIFIED)
    assert result.verdict == "block"
    assert result.basis.article == "第肆章第7條第1款"
    found = {(f.type, f.text) for f in result.findings}
    assert ("CLASSIFIED", "機密") in found
    assert ("PERSON", "王小明") in found
    assert ("PHONE", "(02)2960-3456分機1234") in found
    assert ("EMAIL", "wang.xm@ntpc.gov.tw") in found
    assert ("ADDRESS", "22001新北市板橋區中山路1段161號") in found
    assert not any(f.type == "PHONE" and "0981234567" in f.text for f in result.findings)  # 發文字號
    assert not any(f.type == "BIRTH_DATE" for f in result.findings)  # 發文日期
    for finding in result.findings:
        assert GONGWEN_CLASSIFIED[finding.start : finding.end] == finding.text


def test_every_finding_carries_its_basis_and_action():
    result = ENGINE.scan(GONGWEN_CLASSIFIED)
    by_type = {f.type: f for f in result.findings}
    assert (
        by_type["CLASSIFIED"].basis.article == "第肆章第7條第1款" and by_type["CLASSIFIED"].action == "block"
    )
    assert by_type["CLASSIFIED"].level == "機密"
    assert by_type["PERSON"].basis.article == "第肆章第7條第2款" and by_type["PERSON"].action == "redact"
    restricted = ENGINE.scan("【限閱】").findings[0]
    assert restricted.basis.article == "第肆章第7條第2款" and restricted.action == "block"
    business = ENGINE.scan("統一編號：22099131").findings[0]
    assert business.action == "report" and business.personal is False


def test_scan_result_json_shape():
    data = ENGINE.scan("承辦人：王小明，手機0912-345-678").to_dict()
    assert data["verdict"] == "redact"
    assert data["counts"] == {"PERSON": 1, "PHONE": 1}
    assert {"type", "start", "end", "text", "score", "basis"} <= set(data["findings"][0])
    assert data["basis"]["article"] == "第肆章第7條第2款"
    assert data["text_length"] == len("承辦人：王小明，手機0912-345-678")


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        ENGINE.scan(b"A123456789")


def test_prc_ai_service_named_is_a_warning_not_a_finding():
    result = ENGINE.scan("請勿改用DeepSeek或文心一言撰寫公文")
    assert result.verdict == "allow"
    assert [w.article for w in result.warnings] == ["行政院秘書長109年12月18日函"] * 2
    assert ENGINE.scan("請用Copilot撰寫").warnings == ()


def test_notice_present_is_reported():
    assert ENGINE.scan("本新聞稿由生成式AI協助撰寫，經承辦同仁審閱。").notice_present is True
    assert ENGINE.scan("本新聞稿由承辦同仁撰寫。").notice_present is False


# ---- overlap resolution -----------------------------------------------------------------------


def _finding(kind, start, end, score=0.9, text="x"):
    return Finding(kind, start, end, text, score, "test", basis=Basis("a", "z", "e"))


@pytest.mark.parametrize(
    ("findings", "kept"),
    [
        # checksum-backed types beat pattern-only types
        ([_finding("PHONE", 0, 10), _finding("TW_NATIONAL_ID", 2, 12)], [("TW_NATIONAL_ID", 2, 12)]),
        ([_finding("BANK_ACCOUNT", 0, 19), _finding("CREDIT_CARD", 0, 19)], [("CREDIT_CARD", 0, 19)]),
        ([_finding("PERSON", 0, 3), _finding("ADDRESS", 0, 12)], [("ADDRESS", 0, 12)]),
        # same type: higher score, then the longer span
        ([_finding("PERSON", 0, 3, 0.7), _finding("PERSON", 0, 2, 0.85)], [("PERSON", 0, 2)]),
        ([_finding("PHONE", 0, 10), _finding("PHONE", 0, 16)], [("PHONE", 0, 16)]),
        # no overlap: both kept, sorted by position
        ([_finding("EMAIL", 20, 30), _finding("PHONE", 0, 10)], [("PHONE", 0, 10), ("EMAIL", 20, 30)]),
        # adjacent spans do not overlap
        ([_finding("PHONE", 0, 10), _finding("PERSON", 10, 13)], [("PHONE", 0, 10), ("PERSON", 10, 13)]),
        # markings are kept apart from personal data
        ([_finding("CLASSIFIED", 0, 2), _finding("PERSON", 0, 3)], [("CLASSIFIED", 0, 2), ("PERSON", 0, 3)]),
        # the same marking twice: one
        ([_finding("RESTRICTED", 1, 3, 0.9), _finding("RESTRICTED", 0, 4, 0.95)], [("RESTRICTED", 0, 4)]),
    ],
)
def test_resolve_overlaps(findings, kept):
    assert [(f.type, f.start, f.end) for f in resolve_overlaps(findings)] == kept


def test_no_two_personal_findings_overlap_in_a_real_text():
    text = (
        GONGWEN_CLASSIFIED + "申請人陳美玲，身分證字號A123456789，手機0912345678，信用卡號4111111111111111。"
    )
    personal = [f for f in ENGINE.scan(text).findings if f.personal]
    assert len(personal) >= 8
    for first, second in zip(personal, personal[1:]):
        assert first.end <= second.start


# ---- policy effects ------------------------------------------------------------------------------


def test_allow_list_from_policy_matches_any_spelling():
    engine = Engine(policy_from_dict({"allow": {"values": ["(02)2960-3456", "service@ntpc.gov.tw"]}}))
    for text in [
        "請撥(02)2960-3456洽詢",
        "請撥 02-2960-3456 洽詢",
        "請撥（０２）２９６０－３４５６洽詢",
        "請撥 (02) 2960—3456 洽詢",  # em dash: the same normalisation as placeholders (nlp.text.value_key)
        "信箱 SERVICE@NTPC.GOV.TW",
    ]:
        result = engine.scan(text)
        assert result.verdict == "allow" and result.findings == (), text
    other = engine.scan("電話：(02)2960-3457")
    assert other.verdict == "redact" and types(other) == ["PHONE"]
    assert ENGINE.scan("請撥(02)2960-3456洽詢").verdict == "redact"  # without the policy


def test_type_switched_off():
    engine = Engine(policy_from_dict({"types": {"EMAIL": "ignore"}}))
    result = engine.scan("信箱wang@ntpc.gov.tw，承辦人：王小明")
    assert types(result) == ["PERSON"]
    assert engine.scan("信箱wang@ntpc.gov.tw").verdict == "allow"


@pytest.mark.parametrize(
    ("action", "verdict"),
    [("block", "block"), ("redact", "redact"), ("report", "allow"), ("ignore", "allow")],
)
def test_per_type_action_change(action, verdict):
    engine = Engine(policy_from_dict({"types": {"PHONE": action}}))
    result = engine.scan("手機0912345678")
    assert result.verdict == verdict
    if action != "ignore":
        assert [(f.type, f.action) for f in result.findings] == [("PHONE", action)]
    else:
        assert result.findings == ()


def test_business_id_can_be_made_to_redact():
    engine = Engine(policy_from_dict({"types": {"TW_BUSINESS_ID": "redact"}}))
    assert engine.scan("統一編號：22099131").verdict == "redact"


def test_policy_extra_markings_block():
    engine = Engine(
        policy_from_dict({"markings": {"restricted": ["機關內部文件"], "classified": {"機敏": "密"}}})
    )
    restricted = engine.scan("本資料為機關內部文件")
    assert restricted.verdict == "block" and restricted.basis.article == "第肆章第7條第2款"
    classified = engine.scan("本資料屬機敏資料")
    assert classified.verdict == "block" and classified.basis.article == "第肆章第7條第1款"
    assert classified.findings[0].level == "密"
    assert ENGINE.scan("本資料為機關內部文件").verdict == "allow"
