"""What the engine found: frozen findings and the scan result that carries the verdict.

A :class:`Finding` indexes the text exactly as the user gave it (code-point offsets), carries its
evidence (which recognizer, pattern, checksum, context word) and the guideline article it rests on.
The JSON shape the CLI and the API return is :meth:`Finding.to_dict`, not a second schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Finding types: names, labels, placeholders, mask rules, priorities and order are one table (nlp/finding_types.py).
# The type constants are re-exported: recognizers import them from here.
from nlp.finding_types import (  # noqa: F401
    ADDRESS,
    BANK_ACCOUNT,
    BIRTH_DATE,
    CLASSIFIED,
    CREDIT_CARD,
    EMAIL,
    FINDING_TYPES,
    PERSON,
    PHONE,
    RESTRICTED,
    SENSITIVE_CATEGORY,
    TW_BUSINESS_ID,
    TW_NATIONAL_ID,
    TW_NHI_CARD,
    TW_PASSPORT,
    TW_RESIDENT_ID,
    TYPE_NAMES,
)

MARKING_TYPES = tuple(t.name for t in FINDING_TYPES if t.marking)
PERSONAL_DATA_TYPES = tuple(t.name for t in FINDING_TYPES if t.personal)
ALL_TYPES = TYPE_NAMES  # in display order

# Verdicts, from strongest to weakest.
BLOCK = "block"
REDACT = "redact"
ALLOW = "allow"
VERDICT_ORDER = (BLOCK, REDACT, ALLOW)

# What a finding of a type does to the verdict. "report" lists it without changing the verdict.
ACTIONS = (BLOCK, REDACT, "report", "ignore")


@dataclass(frozen=True)
class Basis:
    """The guideline article a finding or a verdict rests on, with a short explanation."""

    article: str
    zh: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"article": self.article, "zh-TW": self.zh, "en": self.en}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data or one confidentiality marking, located in the user's text."""

    type: str
    start: int
    end: int
    text: str
    score: float
    recognizer: str
    evidence: tuple[str, ...] = ()
    basis: Basis | None = None
    level: str | None = None  # CLASSIFIED: 絕對機密 / 極機密 / 機密 / 密
    action: str = REDACT  # what this finding does to the verdict under the active policy

    @property
    def personal(self) -> bool:
        return self.type in PERSONAL_DATA_TYPES

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 3),
            "recognizer": self.recognizer,
            "evidence": list(self.evidence),
            "basis": self.basis.to_dict() if self.basis else None,
            "personal": self.personal,
            "action": self.action,
        }
        if self.level is not None:
            out["level"] = self.level
        return out


@dataclass(frozen=True)
class ScanResult:
    """The engine's answer for one text: a verdict, the findings it rests on, and why."""

    verdict: str
    findings: tuple[Finding, ...]
    basis: Basis
    notice_present: bool = False
    warnings: tuple[Basis, ...] = ()
    policy_version: str = ""
    text_length: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.type] = counts.get(finding.type, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "basis": self.basis.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts,
            "notice_present": self.notice_present,
            "warnings": [w.to_dict() for w in self.warnings],
            "policy_version": self.policy_version,
            "text_length": self.text_length,
        }
