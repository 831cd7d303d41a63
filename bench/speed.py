"""Scan speed on realistic mixed zh/en texts: aiguard (rules only) vs Presidio vs a single-pass regex floor.

Usage::

    python bench/speed.py            # 1k, 10k and 100k characters, median of several warm runs
    python bench/speed.py --quick    # fewer repeats
    python bench/speed.py --json
    python bench/speed.py --baseline 553e255   # also an older engine (git revision) on the very same texts

The texts are corpus cases (tests/corpus/, every genre, Chinese and English) concatenated in a fixed
order and cut to exactly 1,000 / 10,000 / 100,000 characters. All three contenders run in this process on
the same strings, after one warm-up call each, taking turns call by call (see :func:`median_ms`):

* aiguard: ``nlp.Engine().scan(text)`` with the default policy (rules only, no NER model);
* Presidio: ``AnalyzerEngine.analyze(text, language="en")`` built offline as in bench/accuracy.py
  (locale-agnostic pattern recognizers, phone numbers limited to region TW, blank spaCy pipeline);
* regex floor: one compiled alternation of simple e-mail / digit-run / ID patterns, consumed with
  ``finditer`` — the least any scanner must do to read the text once.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = (1_000, 10_000, 100_000)

FLOOR_PATTERN = re.compile(
    r"""
    [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+   # e-mail
    | [A-Z][A-D0-9][0-9]{8}                               # national / resident ID shape
    | \+?[0-9][0-9()\- ]{6,}[0-9]                         # digit runs: phones, cards, accounts
    """,
    re.VERBOSE,
)


def build_text(size: int) -> str:
    """Corpus cases, alternating genres, concatenated and cut to exactly size characters."""
    from bench.corpus import load_cases  # here: a --engine-root run must import the other engine's nlp first

    cases = load_cases()
    by_genre: dict[str, list[str]] = {}
    for case in cases:
        by_genre.setdefault(case.genre, []).append(case.text)
    interleaved: list[str] = []
    longest = max(len(texts) for texts in by_genre.values())
    for i in range(longest):
        for genre in sorted(by_genre):
            texts = by_genre[genre]
            if i < len(texts):
                interleaved.append(texts[i])
    pieces: list[str] = []
    length = 0
    while length < size:
        for text in interleaved:
            pieces.append(text)
            length += len(text) + 2
            if length >= size:
                break
    return "\n\n".join(pieces)[:size]


def median_ms(contenders: list[tuple[str, Callable[[str], object]]], text: str, repeats: int) -> dict[str, float]:
    """Median wall time in milliseconds of ``repeats`` warm calls of each contender.

    The contenders take turns, one call each per round: a machine that slows down for a while (other work on the
    host) slows all of them alike, so the ratios between them hold even when the absolute times drift.
    """
    times: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for _, run in contenders:
        run(text)
    for _ in range(repeats):
        for name, run in contenders:
            started = time.perf_counter()
            run(text)
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(samples) for name, samples in times.items()}


def regex_floor(text: str) -> int:
    """One pass over the text with one compiled alternation."""
    return sum(1 for _ in FLOOR_PATTERN.finditer(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--no-presidio", action="store_true", help="skip Presidio")
    parser.add_argument("--baseline", metavar="REV", help="also measure the engine of this git revision, same texts")
    parser.add_argument("--engine-root", type=Path, help=argparse.SUPPRESS)  # a --baseline run: the other nlp/
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)  # and the texts to time it on (JSON)
    args = parser.parse_args(argv)

    if args.engine_root:
        sys.path.insert(0, str(args.engine_root))
    from nlp import Engine

    engine = Engine()
    contenders: list[tuple[str, Callable[[str], object]]] = [
        ("aiguard", engine.scan),
        ("regex", regex_floor),
    ]
    if not args.no_presidio:
        from bench.presidio import build_presidio

        analyzer = build_presidio()
        contenders.append(("presidio", lambda text: analyzer.analyze(text=text, language="en")))

    repeats = {1_000: 5, 10_000: 5, 100_000: 2} if args.quick else {1_000: 31, 10_000: 15, 100_000: 9}
    texts = json.loads(args.texts.read_text(encoding="utf-8")) if args.texts else [build_text(size) for size in SIZES]
    rows = []
    for size, text in zip(SIZES, texts):
        timing = median_ms(contenders, text, repeats[size])
        row = {"chars": len(text), "repeats": repeats[size], "ms": timing,
               "aiguard_findings": len(engine.scan(text).findings)}
        row["aiguard_over_regex"] = timing["aiguard"] / timing["regex"] if timing["regex"] else None
        if "presidio" in timing:
            row["presidio_over_aiguard"] = timing["presidio"] / timing["aiguard"]
        rows.append(row)

    baseline = run_baseline(args.baseline, texts, args) if args.baseline else None
    if args.json:
        print(json.dumps({"rows": rows, **({"baseline": {"rev": args.baseline, "rows": baseline}} if baseline else {})},
                         indent=2))
        return 0
    print("Median warm scan time, same texts, same process (ms). Text = corpus cases concatenated.")
    print_rows(rows)
    if baseline:
        print(f"\nThe engine of {args.baseline} on the same texts (another process, same protocol):")
        print_rows(baseline)
        if all("presidio_over_aiguard" in row for row in rows + baseline):
            print("presidio/aiguard now vs then: " + ", ".join(
                f"{now['chars']}: {now['presidio_over_aiguard']:.2f}x vs {then['presidio_over_aiguard']:.2f}x"
                for now, then in zip(rows, baseline)))
    return 0


def run_baseline(rev: str, texts: list[str], args: argparse.Namespace) -> list[dict]:
    """Rows for the engine of git revision ``rev`` (its nlp/ from ``git archive``), timed in a child process on the
    same texts with the same contenders and repeats."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "nlp"], capture_output=True, check=True)
    with tempfile.TemporaryDirectory(prefix="aiguard-baseline-") as tmp:
        tarfile.open(fileobj=io.BytesIO(archive.stdout)).extractall(tmp, filter="data")
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, __file__, "--json", "--engine-root", tmp, "--texts", str(texts_file)]
        command += ["--quick"] * args.quick + ["--no-presidio"] * args.no_presidio
        child = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(child.stdout)["rows"]


def print_rows(rows: list[dict]) -> None:
    head = (f"{'chars':>8} {'aiguard':>9} {'presidio':>9} {'regex':>8} "
            f"{'presidio/aiguard':>17} {'aiguard/regex':>14}")
    print(head)
    print("-" * len(head))
    for row in rows:
        ms = row["ms"]
        presidio = f"{ms['presidio']:9.2f}" if "presidio" in ms else f"{'–':>9}"
        ratio = f"{row['presidio_over_aiguard']:16.1f}x" if "presidio_over_aiguard" in row else f"{'–':>17}"
        print(f"{row['chars']:>8} {ms['aiguard']:9.2f} {presidio} {ms['regex']:8.3f} {ratio} "
              f"{row['aiguard_over_regex']:13.1f}x")
    print(f"(aiguard findings in the 100k text: {rows[-1]['aiguard_findings']}; repeats "
          + ", ".join(f"{r['chars']}: {r['repeats']}" for r in rows) + ")")


if __name__ == "__main__":
    sys.exit(main())
