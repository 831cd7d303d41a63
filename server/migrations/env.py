"""Alembic environment: runs on the engine the server hands over (``config.attributes["engine"]``).

From the command line, ``alembic -c server/migrations/alembic.ini upgrade head`` uses
``AIGUARD_DATABASE_URL`` instead.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from server.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    url = os.environ.get("AIGUARD_DATABASE_URL", "")
    if not url:
        raise SystemExit("AIGUARD_DATABASE_URL: set it to the database to migrate")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    engine = create_engine(url)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
