"""The add-in's files (``addin/``), served at ``/addin/`` from the API's own origin: static files as they are,
the task panes rendered from one template, the event scripts assembled."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jinja2
from flask import Blueprint, Flask, Response, current_app, request, send_from_directory
from werkzeug.exceptions import NotFound

from server.errors import ApiError

bp = Blueprint("addin", __name__)

# Classic Outlook and Word run the event scripts (on-send, on-open) without a page, so they cannot see where they
# were loaded from; the server tells them by prefixing the script with its configured public origin
# (AIGUARD_PUBLIC_URL or the host of AIGUARD_APP_ID_URI) — never the request's Host header, which any client
# (or a cache in between) could set. Development mode, loopback only, uses the request's own origin.
EVENT_SCRIPTS = ("onsend", "onopen")

# Classic Office loads an event script as one file, so the server serves each one assembled: the lib modules
# it requires (in node, where the tests run it) in front of its own body, dependencies first, each once. The
# modules are UMD: without `module` they add their functions to `self.AIGuard`, which the body then reads.
_REQUIRE = re.compile(r"""require\("(\.{1,2}/[\w./-]+\.js)"\)""")


def event_script_modules(addin_dir: Path, name: str) -> list[Path]:
    """The files of an event script in the order they are served: required lib modules first, its body last."""
    root = addin_dir.resolve()
    ordered: list[Path] = []

    def visit(path: Path, chain: tuple[Path, ...]) -> None:
        if path in ordered:
            return
        if path in chain:
            raise ValueError(f"circular require: {' -> '.join(p.name for p in (*chain, path))}")
        for reference in _REQUIRE.findall(path.read_text(encoding="utf-8")):
            required = (path.parent / reference).resolve()
            if not required.is_relative_to(root / "lib"):
                raise ValueError(f"{path.name} requires {reference}: event scripts may only require addin/lib/")
            visit(required, (*chain, path))
        ordered.append(path)

    visit(root / "commands" / f"{name}.js", ())
    return ordered


def assemble_event_script(addin_dir: Path, name: str) -> str:
    """One event script as one file: each module under a comment that names it, then the script's own body."""
    root = addin_dir.resolve()
    return "".join(
        f"// ---- addin/{path.relative_to(root).as_posix()} ----\n{path.read_text(encoding='utf-8').rstrip()}\n"
        for path in event_script_modules(root, name)
    )


# The task panes of the four hosts are one page with per-host parts: addin/taskpane/pane.jinja, rendered for
# /addin/taskpane/<host>.html. The template is source, never served as it is.
PANE_HOSTS = ("word", "outlook", "powerpoint", "excel")
PANE_TEMPLATE = "pane.jinja"


@functools.lru_cache(maxsize=4)
def _pane_templates(addin_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(addin_dir / "taskpane"),  # reloads the template when it changes
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
    )


def render_pane(addin_dir: Path, host: str) -> str:
    """The task pane page of ``host`` (one of :data:`PANE_HOSTS`)."""
    if host not in PANE_HOSTS:
        raise ValueError(f"no task pane for {host!r}")
    return _pane_templates(addin_dir.resolve()).get_template(PANE_TEMPLATE).render(host=host)


def serves(addin_dir: Path, path: str) -> bool:
    """Whether the server answers ``/addin/<path>``: a task pane it renders, or a file of ``addin_dir``."""
    if path in {f"taskpane/{host}.html" for host in PANE_HOSTS}:
        return True
    return not path.endswith(".jinja") and (addin_dir / path).is_file()


@bp.get(f"/addin/taskpane/<any({', '.join(PANE_HOSTS)}):host>.html")
def pane_page(host: str) -> Response:
    response = Response(render_pane(current_app.config["AIGUARD_SETTINGS"].addin_dir, host), mimetype="text/html")
    response.cache_control.max_age = 300
    return response


@bp.get(f"/addin/commands/<any({', '.join(EVENT_SCRIPTS)}):name>.js")
def event_script(name: str) -> Response:
    settings = current_app.config["AIGUARD_SETTINGS"]
    origin = settings.public_url or (request.host_url.rstrip("/") if settings.dev_mode else "")
    if not origin:
        raise ApiError(
            "not_ready",
            zh="伺服器未設定公開網址（AIGUARD_PUBLIC_URL）。",
            en="The server's public URL is not configured (AIGUARD_PUBLIC_URL).",
        )
    directory: Path = settings.addin_dir
    script = assemble_event_script(directory, name)
    prefix = f"self.AIGUARD_BASE_URL = {json.dumps(origin)};\n"
    response = Response(prefix + script, mimetype="text/javascript")
    response.cache_control.max_age = 300
    return response


@bp.get("/addin/")
@bp.get("/addin/<path:filename>")
def addin_file(filename: str = "index.html") -> Response:
    directory: Path = current_app.config["AIGUARD_SETTINGS"].addin_dir
    if filename.endswith(".jinja"):
        raise NotFound()  # a template is source: its pages are rendered (pane_page)
    return send_from_directory(directory, filename, max_age=300)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
