"""nlp/ knows nothing of the web: no module under it imports the server or a web, sign-in or database library,
and the command line scans with those imports made impossible."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN = ("server", "flask", "flask_limiter", "werkzeug", "msal", "sqlalchemy", "alembic", "gunicorn", "jwt",
             "requests")
MODULES = sorted((REPO / "nlp").rglob("*.py"))


def imported_names(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, also inside functions and ``importlib.import_module``
    with a literal name."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value.split(".")[0])
    return names


def test_the_scan_finds_the_modules():
    assert len(MODULES) > 30 and REPO / "nlp" / "cli.py" in MODULES
    assert "server" in imported_names(REPO / "server" / "wsgi.py")  # the check sees what it looks for


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(REPO)) for p in MODULES])
def test_no_engine_module_imports_the_web(path):
    assert not imported_names(path) & set(FORBIDDEN)


BLOCKER = """
import importlib.abc, sys
class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {forbidden!r}:
            raise ImportError("the engine imported " + name)
sys.meta_path.insert(0, Blocker())
from nlp.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("arguments", "code"),
    [(["scan", "-"], 4), (["scan", "--json", "-"], 4), (["redact", "-"], 4), (["notice", "-"], 0)],
)
def test_the_command_line_runs_with_the_web_unimportable(arguments, code):
    script = BLOCKER.format(forbidden=set(FORBIDDEN))
    proc = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        input="密等及解密條件或保密期限：密\n王小明\n".encode(),
        capture_output=True,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == code, proc.stderr.decode()
