"""No personal data reaches the AI: the copies made for it, over the whole labelled corpus.

For every case, the placeholder copy and the masked copy are compared with the case's gold personal-data
values under the one normalisation of values (bench/leak.py: 0912-345-678 leaks as 0912345678 too).

* A value the scan found anywhere in a case must be gone from both copies at every occurrence: that is the
  promise propagation keeps, so this must be zero.
* Values the recognizers miss altogether still leak; their share of all gold values must stay under a
  ceiling measured when it was set. Lower the ceiling as recall improves; never raise it to pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import PERSONAL_TYPES, load_cases  # noqa: E402
from bench.leak import leaked_spans, measure  # noqa: E402
from nlp.engine import Engine  # noqa: E402
from nlp.finding import REDACT  # noqa: E402
from nlp.text import compact  # noqa: E402

# Measured 0.008 (17 of 2,047 gold values, all missed by the recognizers: names without context, clinical and
# injury wording, birth dates in a roster without a header) when set; the first measurement, before propagation
# and the short-extension mask, was 0.029. Lower it as recall improves.
LEAK_RATE_CEILING = 0.010

ENGINE = Engine()


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@pytest.fixture(scope="module")
def copies(cases):
    return {
        case.id: (ENGINE.redact(case.text, "placeholder"), ENGINE.redact(case.text, "mask")) for case in cases
    }


def test_no_value_the_scan_found_is_left_in_either_copy(cases, copies):
    leaks = []
    for case in cases:
        placeholder, masked = copies[case.id]
        found = {compact(f.text) for f in placeholder.result.findings if f.action == REDACT}
        for span in leaked_spans(case, (placeholder.text, masked.text)):
            if compact(span.text) in found:
                leaks.append((case.id, span.type, span.text))
    assert leaks == []


def test_no_finding_value_is_left_in_either_copy(cases, copies):
    """Whatever the scan redacts is gone everywhere from both copies, gold-labelled or not."""
    leaks = []
    for case in cases:
        placeholder, masked = copies[case.id]
        texts = (compact(placeholder.text), compact(masked.text))
        for finding in placeholder.result.findings:
            value = compact(finding.text)
            if finding.action == REDACT and finding.type in PERSONAL_TYPES and any(value in t for t in texts):
                leaks.append((case.id, finding.type, finding.text))
    assert leaks == []


def test_leak_rate_of_gold_values_stays_under_the_ceiling(cases, copies):
    by_text = {case.text: copies[case.id] for case in cases}
    report = measure("aiguard", cases, lambda text: [copy.text for copy in by_text[text]])
    print(f"\n{report.line()}; ceiling {LEAK_RATE_CEILING}")
    assert report.values > 1000
    assert report.rate <= LEAK_RATE_CEILING, [(case.id, span.type, span.text) for case, span in report.leaked]

