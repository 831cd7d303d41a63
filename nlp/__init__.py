"""aiguard's detection engine: confidentiality markings and personal data in Taiwanese government text.

No web framework here: the server and the CLI wrap it. See docs/engine-api.md.
"""

from nlp.engine import Engine
from nlp.finding import Basis, Finding, ScanResult
from nlp.policy import Policy, PolicyError, load_policy

__all__ = ["Basis", "Engine", "Finding", "Policy", "PolicyError", "ScanResult", "load_policy", "scan"]

_default_engine: Engine | None = None


def scan(text: str) -> ScanResult:
    """Scan ``text`` with the default policy (a convenience for scripts; servers build their Engine)."""
    global _default_engine
    if _default_engine is None:
        _default_engine = Engine()
    return _default_engine.scan(text)
