"""The caller's department from Microsoft Graph, for the audit figures (on-behalf-of flow).

msal's ``ConfidentialClientApplication`` does network discovery when it is constructed, so one is built
lazily per tenant on the first lookup, never at start-up. Departments are cached per user. Without a
client secret (``AIGUARD_CLIENT_SECRET``) the lookup is off and every department is ``None``. A failed
lookup is logged by error type only (never the token) and returns ``None``: the audit record is still
written, the user is never blocked by Graph.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import requests

from server.auth import User
from server.config import Settings

log = logging.getLogger("aiguard.graph")

GRAPH_SCOPES = ["https://graph.microsoft.com/User.Read"]
GRAPH_TIMEOUT_SECONDS = 3
MAX_CACHED_USERS = 50_000

ClientFactory = Callable[..., Any]


def _msal_client(**kwargs: Any) -> Any:
    import msal  # imported on first use: msal's constructor reaches the network

    return msal.ConfidentialClientApplication(**kwargs)


class DepartmentDirectory:
    """Looks up and caches ``department`` of ``/me`` for signed-in users."""

    def __init__(
        self,
        settings: Settings,
        client_factory: ClientFactory = _msal_client,
        session: requests.Session | None = None,
    ) -> None:
        self.settings = settings
        self.client_factory = client_factory
        self.session = session or requests.Session()
        self._clients: dict[str, Any] = {}
        self._departments: dict[tuple[str, str], tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.settings.obo_enabled

    def department(self, user: User) -> str | None:
        if not self.enabled or user.dev or not user.token:
            return None
        key = (user.tenant_id, user.object_id)
        now = time.monotonic()
        with self._lock:
            cached = self._departments.get(key)
        if cached is not None and now - cached[0] < self.settings.department_cache_seconds:
            return cached[1]
        department = self._lookup(user)
        with self._lock:
            if len(self._departments) >= MAX_CACHED_USERS:
                self._departments.clear()
            self._departments[key] = (now, department)
        return department

    def _client(self, tenant: str) -> Any:
        with self._lock:
            client = self._clients.get(tenant)
            if client is None:
                client = self.client_factory(
                    client_id=self.settings.client_id,
                    client_credential=self.settings.client_secret,
                    authority=f"{self.settings.authority_url}/{tenant}",
                )
                self._clients[tenant] = client
            return client

    def _lookup(self, user: User) -> str | None:
        try:
            client = self._client(user.tenant_id)
            result = client.acquire_token_on_behalf_of(user_assertion=user.token, scopes=GRAPH_SCOPES)
            access_token = result.get("access_token") if isinstance(result, dict) else None
            if not access_token:
                log.warning("on-behalf-of exchange failed: %s", (result or {}).get("error", "no token"))
                return None
            response = self.session.get(
                f"{self.settings.graph_url}/me",
                params={"$select": "department"},
                headers={"Authorization": f"Bearer {access_token}"},
                timeout=GRAPH_TIMEOUT_SECONDS,
            )
            response.raise_for_status()
            department = response.json().get("department")
        except Exception as error:  # noqa: BLE001 - Graph must never break a scan
            log.warning("department lookup failed: %s", type(error).__name__)
            return None
        return department if isinstance(department, str) and department.strip() else None
