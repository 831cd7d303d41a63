"""bench/speed.py --baseline: an older engine timed on the very same texts, so that ratios compare like with like."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_baseline_engine_runs_on_the_same_texts():
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "speed.py"), "--quick", "--no-presidio", "--json", "--baseline", "HEAD"],
        capture_output=True, text=True, check=True, timeout=600,
    )
    report = json.loads(run.stdout)
    now, then = report["rows"], report["baseline"]["rows"]
    assert len(now) == 3 and [row["chars"] for row in now] == [row["chars"] for row in then]
    assert all(row["ms"]["aiguard"] > 0 for row in now + then)
    unchanged = subprocess.run(["git", "-C", str(ROOT), "diff", "--quiet", "HEAD", "--", "nlp"]).returncode == 0
    if unchanged:  # HEAD's engine is this engine: from git's copy, in another process, the same findings
        assert [row["aiguard_findings"] for row in now] == [row["aiguard_findings"] for row in then]
