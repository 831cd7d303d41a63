"""The application factory: ``create_app(config=None)``.

``config`` is a :class:`~server.config.Settings`, a mapping shaped like the environment
(``{"AIGUARD_DEV_MODE": "1", ...}``), or None to read ``os.environ``. Order matters: errors first, then
sign-in (so the rate limiter knows the user), then limits, headers, database, audit and the blueprints.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from server import addin_files, audit, auth, database, engine, errors, headers, limits, outages
from server.admin.views import bp as admin_bp
from server.api.documents import bp as documents_bp
from server.api.health import bp as health_bp
from server.api.notice import bp as notice_bp
from server.api.openapi import bp as openapi_bp
from server.api.policy import bp as policy_bp
from server.api.redaction import bp as redaction_bp
from server.api.scan import bp as scan_bp
from server.config import Settings
from server.graph import DepartmentDirectory

BLUEPRINTS = (scan_bp, redaction_bp, notice_bp, policy_bp, documents_bp, health_bp, openapi_bp, admin_bp)


def _settings(config: Settings | Mapping[str, str] | None) -> Settings:
    if isinstance(config, Settings):
        return config
    return Settings.from_env(config)


def _configure_logging(settings: Settings) -> None:
    logger = logging.getLogger("aiguard")
    logger.setLevel(settings.log_level)
    if not logging.getLogger().handlers and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)


def create_app(config: Settings | Mapping[str, str] | None = None) -> Flask:
    settings = _settings(config)
    _configure_logging(settings)
    app = Flask("server", static_folder=None)
    app.config["AIGUARD_SETTINGS"] = settings
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    errors.init_app(app)
    outages.init_app(app)
    headers.init_app(app)
    auth.init_app(app, settings)
    limits.init_app(app, settings)
    database.init_app(app, settings.database_url, migrate=settings.auto_migrate)
    app.extensions["aiguard.departments"] = DepartmentDirectory(settings)
    audit.init_app(app, settings)
    engine.init_app(app, settings)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    addin_files.init_app(app)
    if settings.proxy_count:
        hops = settings.proxy_count
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app
