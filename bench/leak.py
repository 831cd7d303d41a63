"""Leak rate: the share of gold personal-data values still readable in the copy made for the AI tool.

For every case of the labelled corpus a system makes the copy an official would paste (aiguard: the
placeholder copy and the masked copy; Presidio: its anonymizer's default copy, ``<ENTITY_TYPE>`` in place of
what its analyzer found). A gold personal-data value *leaks* when it still occurs whole in a copy, at any
occurrence, compared under the one normalisation of values (:func:`nlp.text.compact`: widths and dashes
folded, spaces and hyphens dropped, upper case), so ``0912-345-678`` leaks as ``0912345678`` or
``０９１２ ３４５ ６７８`` too. A value cut in two by a redaction (the extension of a phone left behind) does
not count as whole.

``python bench/accuracy.py`` prints a leak-rate line per system after its table (``--show-errors`` lists every
leaked value, ``--json`` adds per-type counts); ``tests/nlp/test_leak.py`` holds aiguard under a ceiling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bench.corpus import PERSONAL_TYPES, Case, Span
from nlp.text import compact

# A system's redactor: the text in, the copies it would hand to an AI tool out.
Redactor = Callable[[str], list[str]]


@dataclass
class LeakReport:
    """Gold personal-data values and those a system's copies still hold, per type and per case."""

    system: str
    values: int = 0
    leaked: list[tuple[Case, Span]] = field(default_factory=list)
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [leaked, values]

    @property
    def rate(self) -> float:
        return len(self.leaked) / self.values if self.values else 0.0

    def line(self) -> str:
        return f"{self.system}: leak rate {self.rate:.3f} ({len(self.leaked)}/{self.values} gold personal values)"

    def to_dict(self) -> dict:
        return {
            "system": self.system,
            "values": self.values,
            "leaked": len(self.leaked),
            "leak_rate": self.rate,
            "per_type": {kind: {"leaked": n, "values": total} for kind, (n, total) in self.per_type.items()},
        }


def leaked_spans(case: Case, copies: Iterable[str]) -> list[Span]:
    """The gold personal-data spans of ``case`` whose value occurs whole in any of ``copies``."""
    compacted = [compact(copy) for copy in copies]
    return [
        span
        for span in case.spans
        if span.type in PERSONAL_TYPES and any(compact(span.text) in copy for copy in compacted)
    ]


def measure(system: str, cases: list[Case], redactor: Redactor) -> LeakReport:
    report = LeakReport(system)
    for case in cases:
        personal = [span for span in case.spans if span.type in PERSONAL_TYPES]
        if not personal:
            continue
        leaked = leaked_spans(case, redactor(case.text))
        report.values += len(personal)
        report.leaked.extend((case, span) for span in leaked)
        counts = Counter(span.type for span in personal)
        leaks = Counter(span.type for span in leaked)
        for kind, total in counts.items():
            tally = report.per_type.setdefault(kind, [0, 0])
            tally[0] += leaks[kind]
            tally[1] += total
    return report


def aiguard_redactor() -> Redactor:
    """aiguard's placeholder copy and masked copy (default policy, rules only)."""
    from nlp import Engine

    engine = Engine()

    def redact(text: str) -> list[str]:
        return [engine.redact(text, "placeholder").text, engine.redact(text, "mask").text]

    return redact


def presidio_redactor() -> Redactor:
    """Presidio's anonymizer (default: replace with ``<ENTITY_TYPE>``) over its offline analyzer's results."""
    from presidio_anonymizer import AnonymizerEngine

    from bench.presidio import build_presidio

    analyzer = build_presidio()
    anonymizer = AnonymizerEngine()

    def redact(text: str) -> list[str]:
        results = analyzer.analyze(text=text, language="en")
        return [anonymizer.anonymize(text=text, analyzer_results=results).text]

    return redact
