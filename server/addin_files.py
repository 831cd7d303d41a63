"""The add-in's static files (``addin/``), served at ``/addin/`` from the API's own origin."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, request, send_from_directory

from server.errors import ApiError

bp = Blueprint("addin", __name__)

# Classic Outlook and Word run the event scripts (on-send, on-open) without a page, so they cannot see where they
# were loaded from; the server tells them by prefixing the script with its configured public origin
# (AIGUARD_PUBLIC_URL or the host of AIGUARD_APP_ID_URI) — never the request's Host header, which any client
# (or a cache in between) could set. Development mode, loopback only, uses the request's own origin.
EVENT_SCRIPTS = ("onsend", "onopen")


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
    script = (directory / "commands" / f"{name}.js").read_text(encoding="utf-8")
    prefix = f"self.AIGUARD_BASE_URL = {json.dumps(origin)};\n"
    response = Response(prefix + script, mimetype="text/javascript")
    response.cache_control.max_age = 300
    return response


@bp.get("/addin/")
@bp.get("/addin/<path:filename>")
def addin_file(filename: str = "index.html") -> Response:
    directory: Path = current_app.config["AIGUARD_SETTINGS"].addin_dir
    return send_from_directory(directory, filename, max_age=300)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
