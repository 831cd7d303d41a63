"""``aiguard serve``: the server over HTTPS on localhost for development, with the add-in on the same origin.

Uses Werkzeug's development server; production runs gunicorn (``server.wsgi:app``) behind a TLS proxy.
Without ``--cert``/``--key`` it makes (once) a local CA and a localhost certificate (``server.devcert``).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from server.cli import DEFAULT_HOST, DEFAULT_PORT, add_serve_arguments
from server.config import ConfigError, Settings
from server.devcert import ensure_dev_certificate
from server.network import is_loopback_host

log = logging.getLogger("aiguard.serve")

__all__ = ["add_serve_arguments", "serve"]  # the options live in server.cli, importable without the web stack


def serve(args: Any) -> int:
    """Run the development HTTPS server until interrupted; return the exit code (0 ok, 2 bad settings)."""
    host: str = getattr(args, "host", None) or DEFAULT_HOST
    port: int = getattr(args, "port", None) or DEFAULT_PORT
    environ = dict(os.environ)
    if getattr(args, "policy", None):
        environ["AIGUARD_POLICY"] = str(args.policy)
    if getattr(args, "dev_auth", False):
        environ["AIGUARD_DEV_MODE"] = "1"
    try:
        settings = Settings.from_env(environ)
        if settings.dev_mode and not is_loopback_host(host):
            raise ConfigError("AIGUARD_DEV_MODE", f"development mode listens only on loopback, not {host}")
    except ConfigError as error:
        print(f"aiguard serve: {error}", file=sys.stderr)
        return 2
    cert, key = getattr(args, "cert", None), getattr(args, "key", None)
    if bool(cert) != bool(key):
        print("aiguard serve: --cert and --key go together", file=sys.stderr)
        return 2
    if cert is None:
        dev_certificate = ensure_dev_certificate(settings.config_dir)
        cert, key = dev_certificate.cert, dev_certificate.key
        print(
            "HTTPS certificate for localhost; trust this CA once on the Office machine: "
            f"{dev_certificate.ca_cert}"
        )
    from server.app import create_app

    app = create_app(settings)
    print(f"AIGuard on https://{host}:{port}/  (add-in: https://{host}:{port}/addin/)")
    app.run(host=host, port=port, ssl_context=(str(cert), str(key)), use_reloader=False, threaded=True)
    return 0
