"""AIGuard's web service: the add-in's API, .docx processing, sign-in, audit and the admin dashboard.

It wraps the engine in ``nlp`` and never duplicates it. ``create_app`` builds the Flask app;
``server.wsgi:app`` is for gunicorn; ``serve`` runs ``aiguard serve`` (HTTPS on localhost, development).
"""

from __future__ import annotations

from typing import Any


def create_app(config: Any = None) -> Any:
    """Build the Flask app (see :func:`server.app.create_app`)."""
    from server.app import create_app as build

    return build(config)


def serve(args: Any) -> int:
    """Run ``aiguard serve`` (see :func:`server.devserver.serve`)."""
    from server.devserver import serve as run

    return run(args)


__all__ = ["create_app", "serve"]
