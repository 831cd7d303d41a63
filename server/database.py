"""The audit database: one SQLAlchemy engine per app, schema kept current by Alembic.

SQLite (a file under the data directory) by default, PostgreSQL by ``AIGUARD_DATABASE_URL``. Migrations
run at start-up (``AIGUARD_AUTO_MIGRATE``, on by default) under a lock, so several gunicorn workers
starting together upgrade the schema once: a PostgreSQL advisory lock, or a lock file beside the SQLite
database.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from flask import Flask, current_app
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("aiguard.database")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_KEY = 0x41494755  # "AIGU"
CONNECT_TIMEOUT_SECONDS = 5


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    # A stopped or unreachable server is refused quickly (503) rather than holding the worker.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        pool_timeout=CONNECT_TIMEOUT_SECONDS,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY})
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (Alembic ``upgrade``)."""
    with _migration_lock(engine):
        command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with _migration_lock(engine):
        command.downgrade(alembic_config(engine), revision)


def is_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - readiness reports, never raises
        return False
    return True


def session() -> Session:
    """A new session on the current app's database (use as a context manager)."""
    return current_app.extensions["aiguard.sessions"]()


def init_app(app: Flask, url: str, migrate: bool) -> Engine:
    engine = make_engine(url)
    if migrate:
        try:
            upgrade(engine)
        except OperationalError as error:
            # A worker restarted during a database outage must still start (gunicorn stops the whole server when
            # a worker cannot boot); it answers 503 until the database is back. The schema is already current
            # unless this is the very first start, when the operator sees this line.
            log.error("audit database unreachable at start-up (%s): migrations not run", type(error).__name__)
    engine.dispose()  # no connection crosses a fork (gunicorn --preload)
    app.extensions["aiguard.db"] = engine
    app.extensions["aiguard.sessions"] = sessionmaker(engine, expire_on_commit=False)
    return engine
