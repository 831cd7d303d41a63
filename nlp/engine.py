"""The engine: text in, a verdict with its findings out. It reads as a list of steps:

normalise → recognise → names by NER → resolve overlaps → threshold → allow-list → repeats → actions → verdict.

A document of several segments (body, headers, footers, subject) is scanned with :meth:`Engine.scan_document`:
a value found in any segment is a finding at every occurrence in every segment (:mod:`nlp.propagation`).
"""

from __future__ import annotations

import bisect
import importlib.util
import re
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from nlp.articles import (
    ALLOW_BASIS,
    CLASSIFIED_BAN,
    PERSONAL_DATA_BAN,
    PRC_SERVICE_WARNING,
    RESTRICTED_BAN,
    Basis,
    basis_for,
)
from nlp.finding import (
    ALLOW,
    BLOCK,
    CLASSIFIED,
    MARKING_TYPES,
    PERSON,
    REDACT,
    Finding,
    ScanResult,
)
from nlp.finding_types import FINDING_TYPES
from nlp.notice import find_notice
from nlp.policy import Policy
from nlp.propagation import propagate
from nlp.redaction import Redaction, redact_all
from nlp.registry import build_recognizers
from nlp.text import ScanText, value_key

if TYPE_CHECKING:
    from nlp.ner.ckip import CkipPersonFinder

# Which finding survives when two non-marking findings overlap: checksum-backed types first (nlp/finding_types.py).
PRIORITY = {t.name: t.priority for t in FINDING_TYPES if not t.marking}
PRC_AI_SERVICES = re.compile(
    r"DeepSeek|深度求索|文心一言|ERNIE\s?Bot|通義千問|通义千问|Qwen|豆包|Doubao|Kimi|月之暗面|智譜清言|智谱清言|ChatGLM|"
    r"訊飛星火|讯飞星火|騰訊混元|腾讯混元|騰訊元寶|腾讯元宝|MiniMax|海螺AI|DEEPSEEK|Deepseek|deepseek|QWEN|qwen|KIMI",
)


class Engine:
    """Scans texts under one policy. Thread-safe; build once per process and reuse."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or Policy()
        self.recognizers = build_recognizers(self.policy)
        self._allowed = {value_key(v) for v in self.policy.allow_values}
        self._ner_lock = threading.Lock()
        self._person_finder: CkipPersonFinder | None = None  # loaded on first use (imports torch)
        self._english_ner: Any = None  # a spaCy Language, loaded on first use (spaCy is an optional extra)
        self._spacy_model = self.policy.ner.spacy_model or installed_english_pipeline()

    # ---- public -------------------------------------------------------------------------------
    def scan(self, text: str) -> ScanResult:
        return self.scan_document([text])[0]

    def scan_document(self, segments: Sequence[str]) -> tuple[ScanResult, ...]:
        """One result per segment of one document; a value found in any segment is found in all of them."""
        if isinstance(segments, str) or not all(isinstance(text, str) for text in segments):
            raise TypeError("segments must be a sequence of str")
        scan_texts = [ScanText(text) for text in segments]
        found = [self._found(scan_text) for scan_text in scan_texts]
        return tuple(
            self._result(scan_text, propagate(scan_text, findings, _others(found, index)))
            for index, (scan_text, findings) in enumerate(zip(scan_texts, found))
        )

    def redact(self, text: str, mode: str = "mask") -> Redaction:
        """Scan ``text`` and replace its personal data (``mask`` or ``placeholder``)."""
        return self.redact_document([text], mode)[0]

    def redact_document(self, segments: Sequence[str], mode: str = "mask") -> tuple[Redaction, ...]:
        """Scan the segments of one document together and redact each; placeholders are numbered across them."""
        return redact_all(segments, self.scan_document(segments), mode)

    def warm_up(self) -> None:
        """Load configured models now (the server calls this at start-up)."""
        self.scan("承辦人：王小明")
        if self.policy.ner.ckip_model:
            self._ckip().find("王小明")
        if self._spacy_model:
            self._spacy()

    # ---- steps --------------------------------------------------------------------------------
    def _found(self, scan_text: ScanText) -> list[Finding]:
        """Recognise → names by NER → resolve overlaps → threshold → allow-list."""
        findings = [f for recognizer in self.recognizers for f in recognizer.find(scan_text)]
        findings.extend(self._model_names(scan_text))
        findings = resolve_overlaps(findings)
        findings = [f for f in findings if f.score >= self.policy.ner.min_score]
        return [f for f in findings if not self._is_allowed(f)]

    def _result(self, scan_text: ScanText, findings: list[Finding]) -> ScanResult:
        """Actions → verdict, warnings and the notice check."""
        text = scan_text.original
        actions = {kind: self.policy.type_action(kind) for kind in {f.type for f in findings}}
        findings = [f if f.action == actions[f.type] else replace(f, action=actions[f.type]) for f in findings]
        findings = [f for f in findings if f.action != "ignore"]
        verdict, basis = self._verdict(findings)
        warnings = tuple(
            replace(
                PRC_SERVICE_WARNING,
                zh=f"{PRC_SERVICE_WARNING.zh}（{m.group(0)}）",
                en=f"{PRC_SERVICE_WARNING.en} ({m.group(0)})",
            )
            for m in _unique_matches(PRC_AI_SERVICES, text)
        )
        return ScanResult(
            verdict=verdict,
            findings=tuple(findings),
            basis=basis,
            notice_present=find_notice(text, self.policy) is not None,
            warnings=warnings,
            policy_version=self.policy.version,
            text_length=len(text),
        )

    def _model_names(self, scan_text: ScanText) -> list[Finding]:
        if not self.policy.enabled(PERSON):
            return []
        out: list[Finding] = []
        if self.policy.ner.ckip_model and re.search(r"[\u3400-\u9fff]", scan_text.original):
            for start, end in self._ckip().find(scan_text.original):
                out.append(_model_finding(scan_text, start, end, "ckip_ner"))
        if self._spacy_model and re.search(r"[A-Za-z]{3}", scan_text.original):
            doc = self._spacy()(scan_text.original)
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    out.append(_model_finding(scan_text, ent.start_char, ent.end_char, "spacy_ner"))
        return out

    def _ckip(self):
        with self._ner_lock:
            if self._person_finder is None:
                from nlp.ner.ckip import CkipPersonFinder

                self._person_finder = CkipPersonFinder(
                    self.policy.ner.ckip_model, tokenizer_dir=self.policy.ner.ckip_tokenizer or None
                )
            return self._person_finder

    def _spacy(self):
        with self._ner_lock:
            if self._english_ner is None:
                import spacy

                self._english_ner = spacy.load(self._spacy_model)
            return self._english_ner

    def _is_allowed(self, finding: Finding) -> bool:
        return bool(self._allowed) and value_key(finding.text) in self._allowed

    @staticmethod
    def _verdict(findings: list[Finding]) -> tuple[str, Basis]:
        blocking = [f for f in findings if f.action == BLOCK]
        if blocking:
            if any(f.type == CLASSIFIED for f in blocking):
                return BLOCK, CLASSIFIED_BAN
            if any(f.type in MARKING_TYPES for f in blocking):
                return BLOCK, RESTRICTED_BAN
            return BLOCK, PERSONAL_DATA_BAN
        if any(f.action == REDACT for f in findings):
            return REDACT, PERSONAL_DATA_BAN
        return ALLOW, ALLOW_BASIS


# Statistical English pipelines, smallest first. When one is installed (pip) and the policy names none, the engine
# uses it for English person names next to its rules; looking for the package does not import spaCy.
ENGLISH_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


def installed_english_pipeline() -> str:
    for name in ENGLISH_PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return ""


def _others(found: list[list[Finding]], index: int) -> list[Finding]:
    """The findings of every segment but one."""
    return [f for other, findings in enumerate(found) if other != index for f in findings]


def _model_finding(scan_text: ScanText, start: int, end: int, recognizer: str) -> Finding:
    return Finding(PERSON, start, end, scan_text.original[start:end], 0.85, recognizer, ("model",), basis_for(PERSON))


def _unique_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    seen: set[str] = set()
    out = []
    for match in pattern.finditer(text):
        key = match.group(0).lower()
        if key not in seen:
            seen.add(key)
            out.append(match)
    return out


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per overlapping group of personal data; markings are kept apart from data.

    Among overlapping findings the higher type priority wins, then the higher score, then the longer span.
    """
    markings = _dedupe_same_type([f for f in findings if f.type in MARKING_TYPES])
    data = sorted(
        (f for f in findings if f.type not in MARKING_TYPES),
        key=lambda f: (-PRIORITY.get(f.type, 0), -f.score, -(f.end - f.start), f.start),
    )
    kept = _Disjoint()
    return sorted([f for f in data if kept.add(f)] + markings, key=lambda f: (f.start, f.end, f.type))


def _dedupe_same_type(findings: list[Finding]) -> list[Finding]:
    """Among overlapping findings of one type, the higher score (then the earlier) is kept."""
    by_type: dict[str, _Disjoint] = {}
    ranked = sorted(findings, key=lambda f: (-f.score, f.start))
    return [f for f in ranked if by_type.setdefault(f.type, _Disjoint()).add(f)]


class _Disjoint:
    """Findings that do not overlap one another, by start: adding one that overlaps a kept one is refused."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.findings: list[Finding] = []

    def add(self, finding: Finding) -> bool:
        index = bisect.bisect_left(self.starts, finding.start)
        if index > 0 and self.findings[index - 1].end > finding.start:
            return False
        if index < len(self.findings) and self.findings[index].start < finding.end:
            return False
        self.starts.insert(index, finding.start)
        self.findings.insert(index, finding)
        return True
