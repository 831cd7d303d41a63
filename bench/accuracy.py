"""Score aiguard and Microsoft Presidio on the labelled corpus (tests/corpus/).

Usage::

    python bench/accuracy.py                 # side-by-side table, aiguard vs Presidio
    python bench/accuracy.py --json          # machine-readable report
    python bench/accuracy.py --show-errors   # misses and false positives per case, per system
    python bench/accuracy.py --no-presidio   # aiguard only (no presidio-analyzer needed)

After the table, a leak rate per system (bench/leak.py): the share of gold personal-data values still whole
in the copy made for the AI (aiguard: placeholder and masked copies; Presidio: its anonymizer's copy).

Matching: a predicted span counts as correct when it overlaps a gold span of the same type (precision =
correct predictions / predictions); a gold span is found when a prediction of its type overlaps it
(recall = found gold spans / gold spans). The exact-boundary rate is the share of found gold spans that
some prediction of the same type covers with exactly the same start and end.

Presidio runs offline with its locale-agnostic pattern recognizers (credit card, e-mail, phone limited to
region TW, IBAN, IP, URL, date, crypto, MAC, UUID) on a blank English spaCy pipeline; its entity names are
mapped to ours (EMAIL_ADDRESS→EMAIL, PHONE_NUMBER→PHONE, CREDIT_CARD→CREDIT_CARD, IBAN_CODE→BANK_ACCOUNT,
PERSON→PERSON) and unmapped ones are ignored. It cannot see confidentiality markings, so its verdict is
``redact`` when it finds a mapped entity and ``allow`` otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import leak  # noqa: E402
from bench.corpus import PERSONAL_TYPES, TYPES, VERDICTS, Case, load_cases  # noqa: E402
from bench.presidio import build_presidio  # noqa: E402

PRESIDIO_TO_OURS = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "BANK_ACCOUNT",
    "PERSON": "PERSON",
}


@dataclass(frozen=True)
class Prediction:
    """A span one system reported, in our type names."""

    type: str
    start: int
    end: int
    text: str


@dataclass
class TypeScore:
    """Counts for one finding type."""

    gold: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    found_gold: int = 0
    exact: int = 0

    def add(self, other: "TypeScore") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct_predictions += other.correct_predictions
        self.found_gold += other.found_gold
        self.exact += other.exact

    @property
    def precision(self) -> float | None:
        return self.correct_predictions / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.found_gold if self.found_gold else None

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "exact_boundary_rate": self.exact_rate,
        }


@dataclass
class CaseErrors:
    """What one system got wrong on one case."""

    case: Case
    predicted_verdict: str
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Report:
    """The score of one system on the corpus."""

    system: str
    per_type: dict[str, TypeScore]
    confusion: dict[str, Counter]
    errors: list[CaseErrors]
    genre_verdicts: dict[str, list[int]]
    seconds: float = 0.0

    def micro(self, types: Iterable[str] = TYPES) -> TypeScore:
        total = TypeScore()
        for kind in types:
            total.add(self.per_type[kind])
        return total

    @property
    def verdict_accuracy(self) -> float:
        right = sum(self.confusion[v][v] for v in VERDICTS)
        total = sum(sum(row.values()) for row in self.confusion.values())
        return right / total if total else 0.0

    def to_dict(self) -> dict:
        return {
            "system": self.system,
            "seconds": round(self.seconds, 3),
            "per_type": {kind: score.to_dict() for kind, score in self.per_type.items()},
            "micro": self.micro().to_dict(),
            "micro_personal": self.micro(PERSONAL_TYPES).to_dict(),
            "verdict_accuracy": self.verdict_accuracy,
            "verdict_confusion": {gold: dict(row) for gold, row in self.confusion.items()},
            "genre_verdict_accuracy": {g: right / n for g, (right, n) in self.genre_verdicts.items()},
        }


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_case(case: Case, predictions: list[Prediction]) -> tuple[dict[str, TypeScore], CaseErrors]:
    """Per-type counts for one case, with its misses and false positives."""
    scores = {kind: TypeScore() for kind in TYPES}
    errors = CaseErrors(case, "")
    for kind in TYPES:
        gold = [s for s in case.spans if s.type == kind]
        predicted = [p for p in predictions if p.type == kind]
        score = scores[kind]
        score.gold, score.predicted = len(gold), len(predicted)
        for p in predicted:
            if any(_overlaps(p.start, p.end, g.start, g.end) for g in gold):
                score.correct_predictions += 1
            else:
                errors.false_positives.append((kind, p.text))
        for g in gold:
            hits = [p for p in predicted if _overlaps(p.start, p.end, g.start, g.end)]
            if hits:
                score.found_gold += 1
                score.exact += any(p.start == g.start and p.end == g.end for p in hits)
            else:
                errors.misses.append((kind, g.text))
    return scores, errors


def evaluate(
    system: str, cases: list[Case], predict: Callable[[str], tuple[list[Prediction], str]]
) -> Report:
    """Run predict over every case and score it."""
    import time

    per_type = {kind: TypeScore() for kind in TYPES}
    confusion: dict[str, Counter] = {v: Counter() for v in VERDICTS}
    genre_verdicts: dict[str, list[int]] = {}
    errors: list[CaseErrors] = []
    started = time.perf_counter()
    for case in cases:
        predictions, verdict = predict(case.text)
        scores, case_errors = score_case(case, predictions)
        for kind, score in scores.items():
            per_type[kind].add(score)
        confusion[case.verdict][verdict] += 1
        tally = genre_verdicts.setdefault(case.genre, [0, 0])
        tally[0] += verdict == case.verdict
        tally[1] += 1
        case_errors.predicted_verdict = verdict
        if case_errors.misses or case_errors.false_positives or verdict != case.verdict:
            errors.append(case_errors)
    return Report(system, per_type, confusion, errors, genre_verdicts, time.perf_counter() - started)


# --- the two systems ------------------------------------------------------------------------------


def aiguard_predictor() -> Callable[[str], tuple[list[Prediction], str]]:
    """aiguard's engine with the default policy (rules only unless a CKIP model is configured)."""
    from nlp import Engine

    engine = Engine()

    def predict(text: str) -> tuple[list[Prediction], str]:
        result = engine.scan(text)
        found = [Prediction(f.type, f.start, f.end, f.text) for f in result.findings]
        return found, result.verdict

    return predict


def presidio_predictor() -> Callable[[str], tuple[list[Prediction], str]]:
    """Presidio, mapped to our types; verdict redact when it finds any mapped entity."""
    analyzer = build_presidio()

    def predict(text: str) -> tuple[list[Prediction], str]:
        found = []
        for r in analyzer.analyze(text=text, language="en"):
            kind = PRESIDIO_TO_OURS.get(r.entity_type)
            if kind:
                found.append(Prediction(kind, r.start, r.end, text[r.start : r.end]))
        return found, "redact" if found else "allow"

    return predict


# --- output ---------------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def print_table(reports: list[Report], cases: list[Case]) -> None:
    """Per-type P/R/F1 for each system side by side, then micro totals and verdicts."""
    genres = Counter(c.genre for c in cases)
    print(f"Corpus: {len(cases)} cases in {len(genres)} genres "
          + ", ".join(f"{g} {n}" for g, n in sorted(genres.items())))
    print("Matching: overlap with a gold span of the same type; "
          "'exact' = share of found spans with exact bounds.")
    print()
    head = f"{'type':<20}{'gold':>5} "
    for r in reports:
        head += f"| {r.system:<8} {'P':>4} {'R':>4} {'F1':>4} {'pred':>4} {'exact':>5} "
    print(head)
    print("-" * len(head))

    def row(label: str, scores: list[TypeScore]) -> None:
        line = f"{label:<20}{scores[0].gold:>5} "
        for s in scores:
            line += (f"| {'':<8} {_fmt(s.precision)} {_fmt(s.recall)} {_fmt(s.f1)} "
                     f"{s.predicted:>4} {_fmt(s.exact_rate):>5} ")
        print(line)

    for kind in TYPES:
        row(kind, [r.per_type[kind] for r in reports])
    print("-" * len(head))
    row("micro (all types)", [r.micro() for r in reports])
    row("micro (personal)", [r.micro(PERSONAL_TYPES) for r in reports])
    print()
    for r in reports:
        print(f"{r.system}: verdict accuracy {r.verdict_accuracy:.3f} "
              f"({sum(r.confusion[v][v] for v in VERDICTS)}/{len(cases)}), {r.seconds:.2f} s for the corpus")
        corner = "gold \\ predicted"
        print(f"  {corner:<18}" + "".join(f"{v:>8}" for v in VERDICTS))
        for gold in VERDICTS:
            print(f"  {gold:<18}" + "".join(f"{r.confusion[gold][v]:>8}" for v in VERDICTS))
        print("  by genre: " + ", ".join(
            f"{g} {right}/{n}" for g, (right, n) in sorted(r.genre_verdicts.items())))
    print()


def print_errors(report: Report) -> None:
    """Every case a system got wrong: verdict, misses, false positives."""
    print(f"Errors of {report.system} ({len(report.errors)} cases):")
    for e in report.errors:
        verdict = (f"verdict {e.predicted_verdict} ≠ gold {e.case.verdict}"
                   if e.predicted_verdict != e.case.verdict else f"verdict {e.case.verdict} ok")
        print(f"- {e.case.id} [{e.case.genre}] {verdict}")
        for kind, text in e.misses:
            print(f"    miss  {kind:<18} {text!r}")
        for kind, text in e.false_positives:
            print(f"    false {kind:<18} {text!r}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print a JSON report instead of the table")
    parser.add_argument("--show-errors", action="store_true", help="list misses and false positives per case")
    parser.add_argument("--no-presidio", action="store_true", help="score aiguard only")
    parser.add_argument("--genre", action="append", help="only cases of this genre (repeatable)")
    parser.add_argument("--corpus", metavar="DIR", help="score the genre files in DIR (a new blind set) instead")
    args = parser.parse_args(argv)

    cases = load_cases(args.corpus) if args.corpus else load_cases()
    if args.genre:
        cases = [c for c in cases if c.genre in args.genre]
    reports = [evaluate("aiguard", cases, aiguard_predictor())]
    leaks = [leak.measure("aiguard", cases, leak.aiguard_redactor())]
    if not args.no_presidio:
        reports.append(evaluate("presidio", cases, presidio_predictor()))
        leaks.append(leak.measure("presidio", cases, leak.presidio_redactor()))

    if args.json:
        print(json.dumps({"cases": len(cases), "systems": [r.to_dict() for r in reports],
                          "leaks": [report.to_dict() for report in leaks]}, ensure_ascii=False, indent=2))
    else:
        print_table(reports, cases)
        for report in leaks:  # gold personal values still whole in the copy for the AI (bench/leak.py)
            print(report.line())
    if args.show_errors:
        for r in reports:
            print_errors(r)
        for report in leaks:
            print(f"Leaks of {report.system}: " + ", ".join(f"{c.id} {s.type} {s.text!r}" for c, s in report.leaked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
