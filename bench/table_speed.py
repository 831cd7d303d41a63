"""Scan speed of a 10,000-row roster sheet: aiguard's header-aware table scan vs Presidio on the same cells.

Usage::

    python bench/table_speed.py                 # 10,000 rows x 10 columns
    python bench/table_speed.py --rows 2000 --json

The roster has the columns officials paste into AI tools (序號, 姓名, 身分證字號, 手機, 電子郵件, 地址, 出生日期,
帳號, 金額, 備註) with checksum-valid IDs, two-character names and amounts that look like phone numbers.

* aiguard: ``nlp.table.scan_tables(Engine(), [Table(...)])`` in process (rules only), what the server runs
  for ``POST /api/v1/documents/table`` and for an uploaded .xlsx;
* Presidio: ``AnalyzerEngine.analyze`` (built as in bench/accuracy.py) on the same cells laid out as
  tab-separated text, one call per 50 rows — Presidio has no notion of a header row.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlp.engine import Engine  # noqa: E402
from nlp.table import Table, scan_tables  # noqa: E402

HEADER = ["序號", "姓名", "身分證字號", "手機", "電子郵件", "地址", "出生日期", "帳號", "金額", "備註"]
SURNAMES = "陳林黃張李王吳劉蔡楊"
GIVEN = "美志淑明玲豪婷偉芳傑"
LETTER_CODES = {"A": 10, "B": 11, "E": 14, "F": 15, "H": 17}


def national_id(serial: int) -> str:
    """A checksum-valid national ID (letter, sex digit, 7 serial digits, check digit)."""
    letter = "ABEFH"[serial % 5]
    body = f"{1 + serial % 2}{serial % 10_000_000:07d}"
    code = LETTER_CODES[letter]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    digits = [code // 10, code % 10] + [int(d) for d in body]
    total = sum(d * w for d, w in zip(digits, weights))
    return f"{letter}{body}{(10 - total % 10) % 10}"


def roster(rows: int) -> list[list[str]]:
    table = [HEADER]
    for i in range(rows):
        name = SURNAMES[i % 10] + GIVEN[(i // 10) % 10]
        table.append([str(i + 1), name, national_id(i * 7919), f"09{i % 100_000_000:08d}", f"user{i}@mail.example.tw",
                      f"新北市板橋區中山路一段{i % 300 + 1}號", f"{60 + i % 40}/{i % 12 + 1:02d}/{i % 28 + 1:02d}",
                      f"0{i:013d}", f"02{i % 100_000_000:08d}", ""])
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-presidio", action="store_true")
    args = parser.parse_args(argv)
    rows = roster(args.rows)
    engine = Engine()
    engine.warm_up()
    scan_tables(engine, [Table("名冊", rows[:60])])
    started = time.perf_counter()
    table_scan = scan_tables(engine, [Table("名冊", rows)])
    aiguard_seconds = time.perf_counter() - started
    counts = table_scan.result.counts
    report = {"rows": args.rows, "columns": len(HEADER), "characters": len(table_scan.text),
              "aiguard_seconds": round(aiguard_seconds, 2), "aiguard_findings": counts}
    if not args.no_presidio:
        try:
            from bench.presidio import build_presidio

            analyzer = build_presidio()
        except ImportError:
            analyzer = None
            report["presidio"] = "not installed (pip install -e .[bench])"
        if analyzer is not None:
            lines = ["\t".join(row) for row in rows]
            analyzer.analyze("\n".join(lines[:60]), language="en")
            started = time.perf_counter()
            found = 0
            for first in range(0, len(lines), 50):
                found += len(analyzer.analyze("\n".join(lines[first:first + 50]), language="en"))
            report["presidio_seconds"] = round(time.perf_counter() - started, 2)
            report["presidio_findings"] = found
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{args.rows:,} rows × {len(HEADER)} columns ({report['characters']:,} characters)")
        print(f"  aiguard scan_tables: {report['aiguard_seconds']:.2f} s, findings {counts}")
        if "presidio_seconds" in report:
            print(f"  Presidio analyze:    {report['presidio_seconds']:.2f} s, {report['presidio_findings']} findings "
                  "(tab-separated rows, 50 per call; no header row)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
