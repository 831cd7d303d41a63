"""What the add-in tells the user about a verdict, in zh-TW and English.

Built from the engine's basis (the guideline article) and its counts per type, with the engine's type
labels: the server adds wording, never a decision.
"""

from __future__ import annotations

from collections.abc import Mapping

from nlp.articles import TYPE_LABELS
from nlp.finding import ScanResult

LEADS = {
    "block": ("不可送出。", "Do not send."),
    "redact": ("請先遮蔽個人資料。", "Redact the personal data first."),
    "allow": ("可以使用。", "You may go ahead."),
}


def _found(counts: Mapping[str, int]) -> tuple[str, str]:
    if not counts:
        return "", ""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    zh = "、".join(f"{TYPE_LABELS.get(t, (t, t))[0]} {n} 筆" for t, n in ordered)
    en = ", ".join(f"{TYPE_LABELS.get(t, (t, t))[1]} × {n}" for t, n in ordered)
    return f"發現：{zh}。", f"Found: {en}."


def summarise(result: ScanResult) -> dict[str, str]:
    """``{"zh-TW", "en"}`` for a ``ScanResult``: lead, what was found, and the article's explanation."""
    lead_zh, lead_en = LEADS.get(result.verdict, ("", ""))
    found_zh, found_en = _found(result.counts)
    basis = result.basis
    zh = " ".join(p for p in (lead_zh, found_zh, f"（{basis.article}）{basis.zh}") if p)
    en = " ".join(p for p in (lead_en, found_en, f"({basis.article}) {basis.en}") if p)
    return {"zh-TW": zh, "en": en}
