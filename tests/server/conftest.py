"""Fixtures for the server tests: an app on a temporary SQLite file, Entra-like tokens signed with our own
RSA keys, and a JWKS published by a real HTTP server on loopback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest
from entra_test_tokens import JwksServer, SigningKey, base_environment, claims_for
from flask import Flask
from flask.testing import FlaskClient

from server import create_app


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey(kid="key-current")


@pytest.fixture(scope="session")
def jwks_server(signing_key: SigningKey) -> Iterator[JwksServer]:
    server = JwksServer()
    server.keys = [signing_key]
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _reset_jwks(jwks_server: JwksServer, signing_key: SigningKey) -> None:
    jwks_server.keys = [signing_key]


TokenFactory = Callable[..., str]


@pytest.fixture
def make_token(signing_key: SigningKey) -> TokenFactory:
    """``make_token(version=2, key=None, kid=None, **claim_overrides)``; a claim set to None is left out."""

    def make(
        version: int = 2, key: SigningKey | None = None, kid: str | None = None, **overrides: Any
    ) -> str:
        key = key or signing_key
        return jwt.encode(
            claims_for(version, **overrides), key.private, algorithm="RS256", headers={"kid": kid or key.kid}
        )

    return make


@pytest.fixture
def bearer(make_token: TokenFactory) -> Callable[..., dict[str, str]]:
    def headers(**overrides: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {make_token(**overrides)}"}

    return headers


@pytest.fixture
def environment(tmp_path: Path, jwks_server: JwksServer) -> dict[str, str]:
    """The settings (as environment variables) of the ``app`` fixture; tests may change them first."""
    return base_environment(tmp_path, jwks_server)


@pytest.fixture
def app(environment: dict[str, str]) -> Iterator[Flask]:
    application = create_app(environment)
    yield application
    application.extensions["aiguard.db"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(bearer: Callable[..., dict[str, str]]) -> dict[str, str]:
    """Headers of a valid v2 token for an ordinary (non-admin) user."""
    return bearer()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Any]:
    """PostgreSQL 15 on loopback for the session; skipped only if Debian's binaries are absent."""
    from local_services import postgres_available, start_postgres

    if not postgres_available():
        pytest.skip("PostgreSQL 15 binaries not installed (apt-get install postgresql-15)")
    server = start_postgres()
    yield server
    server.stop()


_database_counter = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind: a SQLite file, or a fresh database on the session's PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    server = request.getfixturevalue("postgres")
    import psycopg

    name = f"aiguard_test_{next(_database_counter)}"
    with psycopg.connect(
        f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres", autocommit=True
    ) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)
