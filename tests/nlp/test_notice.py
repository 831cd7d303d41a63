"""The AI-generated notice: standard texts, detection of ours and hand-written ones (zh, en).

The notice is never inserted twice.
"""

from __future__ import annotations

import pytest

from nlp.notice import find_notice, insert_notice, notice_text, reminder_text
from nlp.policy import Policy, policy_from_dict

POLICY = Policy()
BODY = "主旨：114年度路平專案執行成果，請查照。\n說明：一、依據本府114年1月5日函辦理。"


def test_standard_texts_say_ai_assisted_and_author_bears_final_judgment():
    zh, en = notice_text(POLICY, "zh-TW"), notice_text(POLICY, "en")
    assert "AI" in zh and "審閱" in zh and "最終判斷" in zh and "第肆章第1條" in zh
    assert "generative AI" in en and "reviewed" in en and "final judgment" in en
    assert "第肆章第1條" in reminder_text(POLICY, "zh-TW") and "final judgment" in reminder_text(POLICY, "en")


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_inserted_at_the_top_and_never_twice(lang):
    once = insert_notice(BODY, POLICY, lang)
    assert once == notice_text(POLICY, lang) + "\n\n" + BODY
    assert insert_notice(once, POLICY, lang) == once
    # the other language's notice counts as present too
    other = "en" if lang == "zh-TW" else "zh-TW"
    assert insert_notice(once, POLICY, other) == once


def test_bottom_position_from_policy():
    policy = policy_from_dict({"notice": {"position": "bottom"}})
    once = insert_notice(BODY + "\n\n", policy)
    assert once == BODY + "\n\n" + policy.notice.zh + "\n"
    assert insert_notice(once, policy) == once


def test_custom_wording_is_detected_even_when_generic_patterns_would_miss_it():
    policy = policy_from_dict({"notice": {"zh": "◎本稿曾經智慧工具輔助。", "en": "Tool-assisted."}})
    assert find_notice("◎本稿曾經智慧工具輔助。\n\n" + BODY, policy) == (0, len("◎本稿曾經智慧工具輔助。"))
    once = insert_notice(BODY, policy)
    assert once.startswith("◎本稿曾經智慧工具輔助。") and insert_notice(once, policy) == once


@pytest.mark.parametrize(
    "text",
    [
        "【AI 生成聲明】本文件部分內容由生成式人工智慧協助產出。",
        "【AI聲明】",
        "【AI輔助標示】",
        "本文件部分內容由生成式人工智慧（AI）協助產出，經撰稿人審閱。",
        "本文由AI輔助生成，經承辦人查證。",
        "本文件運用 AI 工具協助翻譯。",
        "[AI-generated notice] Parts of this document were produced with AI.",
        "[AI-assisted notice] reviewed by the author",
        "This draft was produced with the assistance of generative AI.",
        "Written with the help of AI; reviewed by the press office.",
        "Note: AI-assisted draft",
        "AI-generated content",
        BODY + "\n\n（本新聞稿由AI協助撰寫）",
        pytest.param(
            "本新聞稿使用ChatGPT協助撰寫。",
        ),
        pytest.param(
            "本文係以Microsoft 365 Copilot協助產出初稿，經承辦人修正。",
        ),
    ],
)
def test_detects_our_and_hand_written_notices(text):
    span = find_notice(text, POLICY)
    assert span is not None
    assert insert_notice(text, POLICY) == text


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "本府將推動生成式AI應用",
        "本簽經承辦人撰寫",
        "AI is changing public service.",
        "人工智慧作業指引第肆章第1條規定使用者應負最終判斷之責。",
        "本案擬使用AI協助分析交通資料",
    ],
)
def test_not_a_notice(text):
    assert find_notice(text, POLICY) is None
    assert insert_notice(text, POLICY) != text
