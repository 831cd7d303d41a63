"""The server's commands of the one ``aiguard`` command line: ``serve`` and ``manifest``.

The engine's command line (``nlp.cli``) never imports the server: it finds these two through the entry-point
group ``aiguard.commands`` (``pyproject.toml``), so an engine-only install (``pip install aiguard``, no
``server`` extra) still lists them, and ``aiguard serve`` there says which extra to install and exits 2.
Importing this module costs nothing: the web stack is imported when a command runs.

>>> sorted(name for name in SERVER_MODULES if name.startswith("flask"))
['flask', 'flask_limiter']
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "localhost"
DEFAULT_PORT = 3000
EXIT_USAGE = 2

# What `aiguard serve` imports beyond the engine: the `server` extra of pyproject.toml.
SERVER_MODULES = ("flask", "flask_limiter", "sqlalchemy", "alembic", "msal", "jwt", "cryptography", "requests")


@dataclass(frozen=True)
class Command:
    """One subcommand of ``aiguard``: its help line, its options, and what it does (returns the exit code)."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def missing_server_modules() -> list[str]:
    """The modules of the ``server`` extra that are not installed (none after ``pip install 'aiguard[server]'``)."""
    return [name for name in SERVER_MODULES if importlib.util.find_spec(name) is None]


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``aiguard serve``."""
    parser.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default localhost)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 3000)")
    parser.add_argument(
        "--cert", type=Path, help="TLS certificate (PEM); default: a local development certificate"
    )
    parser.add_argument("--key", type=Path, help="TLS private key (PEM) for --cert")
    parser.add_argument("--policy", type=Path, help="policy file (sets AIGUARD_POLICY)")
    parser.add_argument(
        "--dev-auth",
        action="store_true",
        help="development mode without sign-in (AIGUARD_DEV_MODE=1); loopback only",
    )


def run_serve(args: argparse.Namespace) -> int:
    """``aiguard serve``; without the server extra one zh-TW/en line and exit 2."""
    missing = missing_server_modules()
    if missing:
        names = ", ".join(missing)
        print(
            f"aiguard serve: 未安裝伺服器元件（缺少 {names}），請執行 pip install 'aiguard[server]'"
            f" / the server extra is not installed (missing {names}): pip install 'aiguard[server]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from server.devserver import serve

    return serve(args)


def add_manifest_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``aiguard manifest``."""
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--environment", default="prod")
    parser.add_argument("--version")


def run_manifest(args: argparse.Namespace) -> int:
    """``aiguard manifest``: needs lxml only, which the engine has too."""
    from server.manifests import manifest_command

    return manifest_command(args)


SERVE = Command("開發用 HTTPS 伺服器 run the development HTTPS server with the add-in", add_serve_arguments, run_serve)
MANIFEST = Command("產生 Office 資訊清單 render the Office add-in manifests", add_manifest_arguments, run_manifest)
