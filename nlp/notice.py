"""The AI-generated notice (disclosure) and the final-judgment reminder (第肆章第1條).

:func:`find_notice` recognises a notice already present — ours in any configured wording, or the usual
hand-written forms — so that the notice is never inserted twice.
"""

from __future__ import annotations

import re

from nlp.policy import Policy
from nlp.text import lower_in_place

# Hand-written notices: 【AI生成聲明】, 本文件由生成式AI協助撰擬…, [AI-generated notice], drafted with the help of AI.
_THIS_DOCUMENT = "本(?:文件|文|郵件|信|稿|新聞稿|簽|函|報告|篇|內容|資料|稿件|新聞)"
_BY_AI = (
    r"[^。\n]{0,20}(?:由|經|使用|運用|透過|以|係以|利用)[^。\n]{0,24}"
    r"(?:生成式)?(?:人工智慧|ai|chatgpt|copilot|gemini|claude|gpt)[^。\n]{0,12}"
    r"(?:生成|產出|產製|撰寫|撰擬|草擬|編寫|翻譯|潤飾|初稿|完成)"
)
_ENGLISH_VERBS = ("produced", "generated", "created", "drafted", "written")
# In lower case, for the lower-cased text, every alternative starting with a literal: the regex engine skips to
# where one may start (ignoring case would make it try every position).
GENERIC_NOTICE = re.compile(
    r"【\s*ai\s*(?:生成|輔助|協作)?(?:聲明|註記|標示)\s*】|"
    f"{_THIS_DOCUMENT}{_BY_AI}|以上內容{_BY_AI}|"
    r"\[\s*ai[- ](?:generated|assisted) notice\s*\]|"
    + "|".join(rf"{verb}\s+with\s+the\s+(?:assistance|help)\s+of\s+(?:generative\s+)?ai" for verb in _ENGLISH_VERBS)
    + r"|a(?<!\wa)i[- ](?:generated|assisted)\s+(?:content|text|draft)"  # \bai: no letter or digit before it
)


def notice_text(policy: Policy, lang: str = "zh-TW") -> str:
    return policy.notice.en if lang.lower().startswith("en") else policy.notice.zh


def reminder_text(policy: Policy, lang: str = "zh-TW") -> str:
    return policy.reminder_en if lang.lower().startswith("en") else policy.reminder_zh


def find_notice(text: str, policy: Policy | None = None) -> tuple[int, int] | None:
    """(start, end) of an AI notice already in ``text``, or None."""
    if policy is not None:
        for wording in (policy.notice.zh, policy.notice.en):
            index = text.find(wording)
            if wording and index >= 0:
                return index, index + len(wording)
    match = GENERIC_NOTICE.search(lower_in_place(text))
    return (match.start(), match.end()) if match else None


def insert_notice(text: str, policy: Policy, lang: str = "zh-TW") -> str:
    """``text`` with the notice at the policy's position, unless a notice is already there."""
    if find_notice(text, policy):
        return text
    notice = notice_text(policy, lang)
    if policy.notice.position == "bottom":
        return text.rstrip("\n") + "\n\n" + notice + "\n"
    return notice + "\n\n" + text
