"""The engine installs and runs with no web dependency: a fresh venv, ``pip install .`` without extras.

Builds the package from a copy of the sources (the build writes ``build/`` and ``*.egg-info`` beside them),
installs it with pip from the index or the wheel cache (about 20 s here) and runs the real ``aiguard``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MARKED = "密等及解密條件或保密期限：密\n主旨：陳情人王小明君（A123456789）陳情案。\n"
WEB_PACKAGES = {"flask", "werkzeug", "msal", "sqlalchemy", "alembic", "flask-limiter", "gunicorn", "pyjwt",
                "cryptography", "requests", "spacy", "torch"}


def run(*command: str | Path, cwd: Path, stdin: str | None = None, timeout: int = 120):
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment.update(PYTHONIOENCODING="utf-8", LANG="C.UTF-8")
    return subprocess.run(
        [str(part) for part in command],
        input=stdin.encode("utf-8") if stdin is not None else None,
        capture_output=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def engine_venv(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("engine-only")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for package in ("nlp", "server"):
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    venv = root / "venv"
    created = run(sys.executable, "-m", "venv", venv, cwd=root)
    assert created.returncode == 0, created.stderr.decode()
    installed = run(venv / "bin" / "pip", "install", "-q", "--disable-pip-version-check", f"{source}{os.sep}",
                    cwd=root, timeout=150)
    assert installed.returncode == 0, installed.stderr.decode()[-3000:]
    return venv


@pytest.mark.install
@pytest.mark.timeout(240)
def test_the_engine_alone_installs_no_web_package(engine_venv):
    listed = run(engine_venv / "bin" / "pip", "list", "--format=freeze", "--disable-pip-version-check",
                 cwd=engine_venv)
    packages = {line.split("==")[0].lower() for line in listed.stdout.decode().split()}
    assert "aiguard" in packages and {"lxml", "openpyxl", "python-pptx"} <= packages
    assert not packages & WEB_PACKAGES, packages & WEB_PACKAGES


@pytest.mark.install
@pytest.mark.timeout(240)
def test_aiguard_scan_runs_on_the_engine_alone(engine_venv, tmp_path):
    proc = run(engine_venv / "bin" / "aiguard", "scan", "-", cwd=tmp_path, stdin=MARKED)
    assert proc.returncode == 4, proc.stderr.decode()
    assert "封鎖 block" in proc.stdout.decode() and "TW_NATIONAL_ID" in proc.stdout.decode()


@pytest.mark.install
@pytest.mark.timeout(240)
def test_serve_without_the_server_extra_says_what_to_install(engine_venv, tmp_path):
    listed = run(engine_venv / "bin" / "aiguard", "--help", cwd=tmp_path)
    assert listed.returncode == 0 and "serve" in listed.stdout.decode() and "manifest" in listed.stdout.decode()
    proc = run(engine_venv / "bin" / "aiguard", "serve", cwd=tmp_path)
    message = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in message
    assert "未安裝伺服器元件" in message and "pip install 'aiguard[server]'" in message and "flask" in message
