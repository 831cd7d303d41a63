"""Sign-in: validate the Microsoft Entra ID bearer token on every ``/api`` and ``/admin`` request.

Checks, in order: a bearer token is present; its header names RS256 and a key id; its (unverified) tenant
is on the allow-list (so we never fetch keys for a tenant we would refuse); the signature verifies with the
tenant's published key (JWKS fetched with ``requests``, cached, and fetched again when an unknown key id
appears — Entra rotates keys); issuer is the v1 (``https://sts.windows.net/{tid}/``) or v2
(``https://login.microsoftonline.com/{tid}/v2.0``) form for that tenant; audience is the client-ID GUID or
the ``api://HOST/CLIENT-ID`` URI; the token is not expired; and its ``scp`` grants ``access_as_user``.

Development mode (``AIGUARD_DEV_MODE=1``) signs every request in as a local developer, but only for direct
loopback connections to a loopback listener; it logs a warning at start-up and every response carries
``X-AIGuard-Dev-Mode: 1``.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from flask import Flask, Response, current_app, g, request

from server.config import Settings
from server.errors import ApiError
from server.network import is_loopback_host

log = logging.getLogger("aiguard.auth")

DEV_MODE_HEADER = "X-AIGuard-Dev-Mode"
FORWARDING_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-Ip", "X-Forwarded-Host")
LEEWAY_SECONDS = 60
JWKS_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class User:
    """The signed-in caller: who (object id in a tenant), what they may do, and their token (for OBO)."""

    object_id: str
    tenant_id: str
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    token: str = ""
    dev: bool = False


DEV_USER = User(object_id="developer", tenant_id="development", roles=("AIGuard.Admin",), dev=True)


class JwksCache:
    """Signing keys per JWKS URL, kept for ``max_age`` and fetched again on an unknown key id.

    A refetch for an unknown key id happens at most once every ``min_refresh`` seconds per URL, so a
    stream of tokens with made-up key ids cannot turn the server into a request amplifier.
    """

    def __init__(self, max_age: float, min_refresh: float, session: requests.Session | None = None) -> None:
        self.max_age = max_age
        self.min_refresh = min_refresh
        self.session = session or requests.Session()
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at: dict[str, float] = {}
        self._lock = threading.Lock()

    def key(self, url: str, kid: str) -> Any:
        """The public key for ``kid`` at ``url``, or None if the issuer does not publish it."""
        with self._lock:
            now = time.monotonic()
            fetched_at = self._fetched_at.get(url)
            stale = fetched_at is None or now - fetched_at > self.max_age
            unknown = kid not in self._keys.get(url, {})
            may_refresh = fetched_at is None or now - fetched_at >= self.min_refresh
            if stale or (unknown and may_refresh):
                self._keys[url] = self._fetch(url)
                self._fetched_at[url] = now
            return self._keys.get(url, {}).get(kid)

    def _fetch(self, url: str) -> dict[str, Any]:
        try:
            response = self.session.get(url, timeout=JWKS_TIMEOUT_SECONDS)
            response.raise_for_status()
            keys = jwt.PyJWKSet.from_dict(response.json())
        except (requests.RequestException, ValueError, jwt.PyJWTError) as error:
            log.warning("could not fetch signing keys from %s: %s", url, type(error).__name__)
            return self._keys.get(url, {})
        return {k.key_id: k.key for k in keys.keys if k.key_id}


class TokenValidator:
    """Validates Entra ID access tokens against the settings."""

    def __init__(self, settings: Settings, jwks: JwksCache) -> None:
        self.settings = settings
        self.jwks = jwks

    def validate(self, token: str) -> User:
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise ApiError("invalid_token") from None
        if header.get("alg") != "RS256" or not isinstance(header.get("kid"), str):
            raise ApiError("invalid_token")
        tenant = str(unverified.get("tid", "")).lower()
        if tenant not in self.settings.allowed_tenants:
            raise ApiError("tenant_not_allowed")
        key = self.jwks.key(self.settings.jwks_url.format(tenant=tenant), header["kid"])
        if key is None:
            raise ApiError("invalid_token")
        issuers = [f"https://sts.windows.net/{tenant}/", f"https://login.microsoftonline.com/{tenant}/v2.0"]
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=list(self.settings.audiences),
                issuer=issuers,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "tid"]},
            )
        except jwt.PyJWTError:
            raise ApiError("invalid_token") from None
        scopes = tuple(str(claims.get("scp", "")).split())
        if self.settings.required_scope not in scopes:
            raise ApiError("insufficient_scope")
        object_id = claims.get("oid") or claims.get("sub")
        if not isinstance(object_id, str) or not object_id:
            raise ApiError("invalid_token")
        roles = claims.get("roles", [])
        return User(
            object_id=object_id,
            tenant_id=tenant,
            roles=tuple(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else (),
            scopes=scopes,
            token=token,
        )


def _is_direct_loopback_request() -> bool:
    environ = request.environ
    if any(name in request.headers for name in FORWARDING_HEADERS):
        return False
    return is_loopback_host(environ.get("REMOTE_ADDR")) and is_loopback_host(environ.get("SERVER_NAME"))


def _needs_sign_in() -> bool:
    if request.method == "OPTIONS":
        return False
    if not (
        request.path.startswith("/api/") or request.path == "/admin" or request.path.startswith("/admin/")
    ):
        return False
    endpoint = request.endpoint or ""
    if endpoint.endswith(".static"):
        return False
    view = current_app.view_functions.get(endpoint)
    return view is not None and not getattr(view, "aiguard_public", False)


def _bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError("unauthenticated", headers={"WWW-Authenticate": 'Bearer realm="aiguard"'})
    return token.strip()


def authenticate() -> None:
    """``before_request``: put the signed-in :class:`User` on ``g.user`` or refuse the request."""
    g.user = None
    if not _needs_sign_in():
        return
    settings: Settings = current_app.config["AIGUARD_SETTINGS"]
    if settings.dev_mode:
        if not _is_direct_loopback_request():
            raise ApiError("dev_mode_loopback_only")
        g.user = DEV_USER
        return
    validator: TokenValidator = current_app.extensions["aiguard.tokens"]
    try:
        g.user = validator.validate(_bearer_token())
    except ApiError:
        from server.limits import count_failed_sign_in  # limits imports this module for the user

        count_failed_sign_in()
        raise


def current_user() -> User:
    user = g.get("user")
    if user is None:
        raise ApiError("unauthenticated")
    return user


def require_role(role: str) -> User:
    user = current_user()
    if role not in user.roles:
        raise ApiError(
            "forbidden",
            zh="此頁面僅供具管理者角色的使用者。",
            en="This page is for users with the admin role.",
        )
    return user


def _mark_dev_mode(response: Response) -> Response:
    response.headers[DEV_MODE_HEADER] = "1"
    return response


def init_app(app: Flask, settings: Settings) -> None:
    jwks = JwksCache(max_age=settings.jwks_cache_seconds, min_refresh=settings.jwks_min_refresh_seconds)
    app.extensions["aiguard.tokens"] = TokenValidator(settings, jwks)
    app.before_request(authenticate)
    if settings.dev_mode:
        log.warning(
            "!!! AIGUARD_DEV_MODE=1: SIGN-IN IS OFF. Every direct loopback request is treated as an "
            "administrator. Never run this on a shared or production server. !!!"
        )
        app.after_request(_mark_dev_mode)
