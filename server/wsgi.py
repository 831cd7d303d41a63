"""gunicorn entry point: ``gunicorn -w 4 -b 127.0.0.1:8000 'server.wsgi:app'`` (settings from AIGUARD_*)."""

from server.app import create_app

app = create_app()
