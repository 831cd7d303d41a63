"""Entra ID look-alike for tests: our own RSA keys, a JWKS on a loopback HTTP server, and token claims."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

TENANT = "3f6a1c2e-0000-4000-8000-00000000a001"
OTHER_TENANT = "3f6a1c2e-0000-4000-8000-00000000b002"
CLIENT_ID = "7d2c9a51-1111-4111-8111-0000000c11e7"
APP_ID_URI = f"api://localhost/{CLIENT_ID}"
AUDIT_KEY = "test-audit-key-0123456789abcdef0123456789"
USER_OID = "00000000-aaaa-4aaa-8aaa-000000000001"


@dataclass
class SigningKey:
    kid: str
    private: rsa.RSAPrivateKey = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))

    def public_jwk(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}


class JwksServer:
    """Publishes a JWKS at ``/{tenant}/discovery/v2.0/keys`` on 127.0.0.1; counts fetches."""

    def __init__(self) -> None:
        self.keys: list[SigningKey] = []
        self.fetches = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.fetches += 1
                body = json.dumps({"keys": [k.public_jwk() for k in server.keys]}).encode()
                self.send_response(200 if self.path.endswith("/discovery/v2.0/keys") else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url_template(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/{{tenant}}/discovery/v2.0/keys"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def claims_for(version: int = 2, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    tenant = overrides.get("tid", TENANT)
    claims: dict[str, Any] = {
        "aud": CLIENT_ID if version == 2 else APP_ID_URI,
        "iss": f"https://login.microsoftonline.com/{tenant}/v2.0"
        if version == 2
        else f"https://sts.windows.net/{tenant}/",
        "iat": now - 10,
        "nbf": now - 10,
        "exp": now + 3600,
        "tid": tenant,
        "oid": USER_OID,
        "scp": "access_as_user",
        "ver": "2.0" if version == 2 else "1.0",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def base_environment(tmp_path: Path, jwks_server: JwksServer) -> dict[str, str]:
    """The settings (environment variables) of a server that accepts these tokens, with its files under
    ``tmp_path``. Test modules import it from here: a bare ``conftest`` is whichever directory's pytest loaded
    first when several test folders run together."""
    return {
        "AIGUARD_CLIENT_ID": CLIENT_ID,
        "AIGUARD_APP_ID_URI": APP_ID_URI,
        "AIGUARD_ALLOWED_TENANTS": TENANT,
        "AIGUARD_JWKS_URL": jwks_server.url_template,
        "AIGUARD_JWKS_MIN_REFRESH_SECONDS": "0",
        "AIGUARD_AUDIT_KEY": AUDIT_KEY,
        "AIGUARD_DATA_DIR": str(tmp_path / "data"),
        "AIGUARD_CONFIG_DIR": str(tmp_path / "config"),
        "AIGUARD_RATE_LIMIT": "1000 per minute",
    }
