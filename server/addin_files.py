"""The add-in's static files (``addin/``), served at ``/addin/`` from the API's own origin."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, send_from_directory

bp = Blueprint("addin", __name__)


@bp.get("/addin/")
@bp.get("/addin/<path:filename>")
def addin_file(filename: str = "index.html") -> Response:
    directory: Path = current_app.config["AIGUARD_SETTINGS"].addin_dir
    return send_from_directory(directory, filename, max_age=300)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
