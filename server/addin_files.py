"""The add-in's static files (``addin/``), served at ``/addin/`` from the API's own origin."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, request, send_from_directory

bp = Blueprint("addin", __name__)

# Classic Outlook runs the on-send script without a page, so it cannot see where it was loaded from; the server
# tells it by prefixing the script with its own origin.
ONSEND_SCRIPT = "commands/onsend.js"


@bp.get("/addin/" + ONSEND_SCRIPT)
def onsend_script() -> Response:
    directory: Path = current_app.config["AIGUARD_SETTINGS"].addin_dir
    script = (directory / ONSEND_SCRIPT).read_text(encoding="utf-8")
    origin = request.host_url.rstrip("/")
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
