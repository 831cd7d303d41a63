"""Server settings, read once from ``AIGUARD_*`` environment variables and validated.

Every setting has one variable. A wrong value raises :class:`ConfigError` naming the variable, never a
silent default. ``create_app(config)`` accepts either a :class:`Settings` or a mapping shaped like the
environment (``{"AIGUARD_DEV_MODE": "1", ...}``), which is how tests build an app without touching
``os.environ``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from server.network import is_loopback_host

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
RATE_LIMIT = re.compile(r"^\d+\s*(/|per)\s*\d*\s*(second|minute|hour|day)s?$", re.IGNORECASE)
DEFAULT_ADDIN_DIR = Path(__file__).resolve().parents[1] / "addin"
DEFAULT_JWKS_URL = "https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys"
DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0"
MIN_AUDIT_KEY_LENGTH = 32


class ConfigError(ValueError):
    """A setting is missing or wrong; the message names the environment variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


def _xdg_dir(environ: Mapping[str, str], variable: str, fallback: str) -> Path:
    base = environ.get(variable) or str(Path.home() / fallback)
    return Path(base) / "aiguard"


@dataclass(frozen=True)
class Settings:
    """All the server's settings. Build with :meth:`from_env`."""

    # Sign-in (Microsoft Entra ID)
    client_id: str = ""
    app_id_uri: str = ""
    client_secret: str = ""
    allowed_tenants: tuple[str, ...] = ()
    required_scope: str = "access_as_user"
    admin_role: str = "AIGuard.Admin"
    jwks_url: str = DEFAULT_JWKS_URL
    # A key Entra removes stays accepted at most jwks_cache_seconds; an unknown key id refetches at once, at most
    # once every jwks_min_refresh_seconds (so made-up key ids cannot turn the server into a request amplifier).
    jwks_min_refresh_seconds: float = 5.0
    jwks_cache_seconds: float = 3600.0
    authority_url: str = DEFAULT_AUTHORITY
    graph_url: str = DEFAULT_GRAPH_URL
    department_cache_seconds: float = 3600.0
    dev_mode: bool = False
    # Engine
    policy_path: Path | None = None
    ckip_model: str = ""  # AIGUARD_CKIP_MODEL: a local CKIP NER model directory (the policy file's [ner] wins)
    ckip_tokenizer: str = ""
    # Audit
    database_url: str = ""
    audit_key: bytes = b""
    retention_days: int = 365
    agency: str = ""
    auto_migrate: bool = True
    audit_required: bool = True  # AIGUARD_AUDIT_REQUIRED: without the audit database, refuse (503) or answer
    # Limits
    max_request_bytes: int = 1024 * 1024
    max_text_chars: int = 200_000
    max_docx_bytes: int = 10 * 1024 * 1024
    max_docx_uncompressed_bytes: int = 100 * 1024 * 1024
    rate_limit: str = "120 per minute"
    rate_limit_storage_url: str = "memory://"
    per_worker_rate_limit: bool = False  # AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT: several workers on memory://
    unauthenticated_rate_limit: str = "60 per minute"  # per client address, requests whose sign-in fails
    # Web
    cors_origins: tuple[str, ...] = ()
    addin_dir: Path = DEFAULT_ADDIN_DIR
    config_dir: Path = field(default_factory=lambda: Path.home() / ".config" / "aiguard")
    data_dir: Path = field(default_factory=lambda: Path.home() / ".local" / "share" / "aiguard")
    log_level: str = "INFO"
    proxy_count: int = 0
    public_url: str = ""  # AIGUARD_PUBLIC_URL, else https://HOST of AIGUARD_APP_ID_URI: written into event scripts

    @property
    def audiences(self) -> tuple[str, ...]:
        """Accepted ``aud`` values: the client-ID GUID (v2 tokens) and the application ID URI (v1)."""
        return tuple(a for a in (self.client_id, self.app_id_uri) if a)

    @property
    def obo_enabled(self) -> bool:
        return bool(self.client_id and self.client_secret)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and validate every ``AIGUARD_*`` variable; raise :class:`ConfigError` on the first bad one."""
        env = os.environ if environ is None else environ
        reader = _Reader(env)
        dev_mode = reader.flag("AIGUARD_DEV_MODE", False)
        config_dir = reader.path("AIGUARD_CONFIG_DIR") or _xdg_dir(env, "XDG_CONFIG_HOME", ".config")
        data_dir = reader.path("AIGUARD_DATA_DIR") or _xdg_dir(env, "XDG_DATA_HOME", ".local/share")
        client_id = reader.text("AIGUARD_CLIENT_ID")
        if client_id and not GUID.match(client_id):
            raise ConfigError("AIGUARD_CLIENT_ID", "must be the application (client) ID, a GUID")
        app_id_uri = reader.text("AIGUARD_APP_ID_URI")
        if app_id_uri and not app_id_uri.startswith("api://"):
            raise ConfigError("AIGUARD_APP_ID_URI", "must look like api://HOST/CLIENT-ID")
        tenants = reader.words("AIGUARD_ALLOWED_TENANTS")
        for tenant in tenants:
            if not GUID.match(tenant):
                raise ConfigError("AIGUARD_ALLOWED_TENANTS", f"{tenant!r} is not a tenant ID (GUID)")
        if not dev_mode:
            if not client_id:
                raise ConfigError("AIGUARD_CLIENT_ID", "required unless AIGUARD_DEV_MODE=1")
            if not tenants:
                raise ConfigError("AIGUARD_ALLOWED_TENANTS", "required unless AIGUARD_DEV_MODE=1")
        audit_key = reader.text("AIGUARD_AUDIT_KEY")
        if audit_key and len(audit_key) < MIN_AUDIT_KEY_LENGTH:
            raise ConfigError("AIGUARD_AUDIT_KEY", f"must be at least {MIN_AUDIT_KEY_LENGTH} characters")
        if not audit_key:
            if not dev_mode:
                raise ConfigError("AIGUARD_AUDIT_KEY", "required unless AIGUARD_DEV_MODE=1")
            audit_key = "aiguard-development-only-audit-key-not-secret"
        policy_path = reader.path("AIGUARD_POLICY")
        if policy_path is not None and not policy_path.is_file():
            raise ConfigError("AIGUARD_POLICY", f"no policy file at {policy_path}")
        database_url = reader.text("AIGUARD_DATABASE_URL") or f"sqlite:///{data_dir / 'audit.sqlite3'}"
        if not database_url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
            raise ConfigError("AIGUARD_DATABASE_URL", "must be a sqlite:/// or postgresql:// URL")
        if database_url.startswith("postgresql://"):
            database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
        rate_limit = reader.text("AIGUARD_RATE_LIMIT") or cls.rate_limit
        if not all(RATE_LIMIT.match(part.strip()) for part in rate_limit.split(";")):
            raise ConfigError("AIGUARD_RATE_LIMIT", "must look like '120 per minute' (several joined by ';')")
        unauthenticated_limit = reader.text("AIGUARD_UNAUTHENTICATED_RATE_LIMIT") or cls.unauthenticated_rate_limit
        if not all(RATE_LIMIT.match(part.strip()) for part in unauthenticated_limit.split(";")):
            raise ConfigError(
                "AIGUARD_UNAUTHENTICATED_RATE_LIMIT", "must look like '60 per minute' (several joined by ';')"
            )
        storage = reader.text("AIGUARD_RATE_LIMIT_STORAGE_URL") or cls.rate_limit_storage_url
        if not storage.startswith(("memory://", "redis://", "rediss://", "redis+unix://")):
            raise ConfigError("AIGUARD_RATE_LIMIT_STORAGE_URL", "must be memory:// or a redis:// URL")
        origins = reader.words("AIGUARD_CORS_ORIGINS")
        for origin in origins:
            parts = urlsplit(origin)
            if parts.scheme != "https" or not parts.netloc or parts.path not in ("", "/"):
                raise ConfigError("AIGUARD_CORS_ORIGINS", f"{origin!r} is not an https origin")
        jwks_url = reader.text("AIGUARD_JWKS_URL") or DEFAULT_JWKS_URL
        reader.require_https_or_loopback("AIGUARD_JWKS_URL", jwks_url)
        authority_url = reader.text("AIGUARD_AUTHORITY_URL") or DEFAULT_AUTHORITY
        reader.require_https_or_loopback("AIGUARD_AUTHORITY_URL", authority_url)
        graph_url = reader.text("AIGUARD_GRAPH_URL") or DEFAULT_GRAPH_URL
        reader.require_https_or_loopback("AIGUARD_GRAPH_URL", graph_url)
        log_level = (reader.text("AIGUARD_LOG_LEVEL") or "INFO").upper()
        if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ConfigError("AIGUARD_LOG_LEVEL", "must be DEBUG, INFO, WARNING or ERROR")
        return cls(
            client_id=client_id,
            app_id_uri=app_id_uri,
            client_secret=reader.text("AIGUARD_CLIENT_SECRET"),
            allowed_tenants=tuple(t.lower() for t in tenants),
            required_scope=reader.text("AIGUARD_REQUIRED_SCOPE") or cls.required_scope,
            admin_role=reader.text("AIGUARD_ADMIN_ROLE") or cls.admin_role,
            jwks_url=jwks_url,
            jwks_min_refresh_seconds=reader.number("AIGUARD_JWKS_MIN_REFRESH_SECONDS", cls.jwks_min_refresh_seconds),
            jwks_cache_seconds=reader.number("AIGUARD_JWKS_CACHE_SECONDS", cls.jwks_cache_seconds),
            authority_url=authority_url.rstrip("/"),
            graph_url=graph_url.rstrip("/"),
            department_cache_seconds=reader.number("AIGUARD_DEPARTMENT_CACHE_SECONDS", 3600.0),
            dev_mode=dev_mode,
            policy_path=policy_path,
            ckip_model=reader.text("AIGUARD_CKIP_MODEL"),
            ckip_tokenizer=reader.text("AIGUARD_CKIP_TOKENIZER"),
            database_url=database_url,
            audit_key=audit_key.encode("utf-8"),
            retention_days=reader.integer("AIGUARD_AUDIT_RETENTION_DAYS", 365, minimum=1),
            agency=reader.text("AIGUARD_AGENCY"),
            auto_migrate=reader.flag("AIGUARD_AUTO_MIGRATE", True),
            audit_required=reader.flag("AIGUARD_AUDIT_REQUIRED", True),
            max_request_bytes=reader.integer(
                "AIGUARD_MAX_REQUEST_BYTES", cls.max_request_bytes, minimum=1024
            ),
            max_text_chars=reader.integer("AIGUARD_MAX_TEXT_CHARS", cls.max_text_chars, minimum=1),
            max_docx_bytes=reader.integer("AIGUARD_MAX_DOCX_BYTES", cls.max_docx_bytes, minimum=1024),
            max_docx_uncompressed_bytes=reader.integer(
                "AIGUARD_MAX_DOCX_UNCOMPRESSED_BYTES", cls.max_docx_uncompressed_bytes, minimum=1024
            ),
            rate_limit=rate_limit,
            rate_limit_storage_url=storage,
            per_worker_rate_limit=reader.flag("AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT", False),
            unauthenticated_rate_limit=unauthenticated_limit,
            cors_origins=tuple(o.rstrip("/") for o in origins),
            addin_dir=reader.path("AIGUARD_ADDIN_DIR") or DEFAULT_ADDIN_DIR,
            config_dir=config_dir,
            data_dir=data_dir,
            log_level=log_level,
            proxy_count=reader.integer("AIGUARD_PROXY_COUNT", 0),
            public_url=_public_url(reader, app_id_uri),
        )


def _public_url(reader: _Reader, app_id_uri: str) -> str:
    """The server's public origin: ``AIGUARD_PUBLIC_URL``, or ``https://HOST`` from ``api://HOST/CLIENT-ID``."""
    url = reader.text("AIGUARD_PUBLIC_URL").rstrip("/")
    if url:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname or parts.path or parts.query:
            raise ConfigError("AIGUARD_PUBLIC_URL", "must be an https origin such as https://aiguard.example.gov.tw")
        return url
    host = urlsplit(app_id_uri).netloc if app_id_uri else ""
    return f"https://{host}" if host else ""


class _Reader:
    """Typed access to the environment, each failure naming its variable."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ

    def text(self, name: str) -> str:
        return self.environ.get(name, "").strip()

    def words(self, name: str) -> tuple[str, ...]:
        return tuple(w for w in re.split(r"[,\s]+", self.text(name)) if w)

    def flag(self, name: str, default: bool) -> bool:
        value = self.text(name).lower()
        if not value:
            return default
        if value in ("1", "true", "yes", "on"):
            return True
        if value in ("0", "false", "no", "off"):
            return False
        raise ConfigError(name, f"{value!r} is not a boolean (use 1 or 0)")

    def integer(self, name: str, default: int, minimum: int = 0) -> int:
        value = self.text(name)
        if not value:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ConfigError(name, f"{value!r} is not an integer") from None
        if number < minimum:
            raise ConfigError(name, f"must be at least {minimum}")
        return number

    def number(self, name: str, default: float) -> float:
        value = self.text(name)
        if not value:
            return default
        try:
            number = float(value)
        except ValueError:
            raise ConfigError(name, f"{value!r} is not a number") from None
        if number < 0:
            raise ConfigError(name, "must not be negative")
        return number

    def path(self, name: str) -> Path | None:
        value = self.text(name)
        return Path(value).expanduser() if value else None

    def require_https_or_loopback(self, name: str, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme == "https" and parts.hostname:
            return
        if parts.scheme == "http" and parts.hostname and is_loopback_host(parts.hostname):
            return
        raise ConfigError(name, "must be an https:// URL (http:// only on loopback)")
