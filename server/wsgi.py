"""gunicorn entry point: ``gunicorn -c deploy/gunicorn.conf.py 'server.wsgi:app'`` (settings from AIGUARD_*).

Before building the app it asks the gunicorn that is loading it how many workers it runs: several workers on
the per-process ``memory://`` rate-limit store stop the start (see ``server.limits.require_shared_store``).
"""

from __future__ import annotations

import sys
from types import FrameType

from server.app import create_app
from server.config import Settings
from server.limits import require_shared_store


def gunicorn_worker_count() -> int:
    """The ``workers`` setting of the gunicorn worker or master importing this module; 1 outside gunicorn."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        loader = frame.f_locals.get("self")
        config = getattr(loader, "cfg", None)
        workers = getattr(config, "workers", None)
        if type(loader).__module__.startswith("gunicorn.") and workers is not None:
            return int(workers)
        frame = frame.f_back
    return 1


settings = Settings.from_env()
require_shared_store(settings, gunicorn_worker_count())
app = create_app(settings)
