"""Department lookup: msal on-behalf-of, then Graph /me?$select=department; lazy, cached, never blocking."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from server.auth import User
from server.config import Settings
from server.graph import DepartmentDirectory

USER = User(object_id="oid-1", tenant_id="3f6a1c2e-0000-4000-8000-00000000a001", token="user-token")


class FakeConfidentialClient:
    created: list[dict[str, Any]] = []

    def __init__(self, **kwargs: Any) -> None:
        FakeConfidentialClient.created.append(kwargs)
        self.calls: list[dict[str, Any]] = []

    def acquire_token_on_behalf_of(self, user_assertion: str, scopes: list[str]) -> dict[str, Any]:
        self.calls.append({"user_assertion": user_assertion, "scopes": scopes})
        if user_assertion == "refused":
            return {"error": "invalid_grant"}
        return {"access_token": "graph-token"}


@pytest.fixture
def graph() -> Iterator[dict[str, Any]]:
    state: dict[str, Any] = {"requests": [], "department": "工務局", "status": 200}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            state["requests"].append((self.path, self.headers.get("Authorization")))
            body = json.dumps({"department": state["department"]}).encode()
            self.send_response(state["status"])
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{httpd.server_port}/v1.0"
    yield state
    httpd.shutdown()
    httpd.server_close()


def directory(graph: dict[str, Any], secret: str = "s3cret") -> DepartmentDirectory:
    settings = Settings.from_env(
        {
            "AIGUARD_DEV_MODE": "1",
            "AIGUARD_CLIENT_ID": "7d2c9a51-1111-4111-8111-0000000c11e7",
            "AIGUARD_CLIENT_SECRET": secret,
            "AIGUARD_GRAPH_URL": graph["url"],
        }
    )
    FakeConfidentialClient.created = []
    return DepartmentDirectory(settings, client_factory=FakeConfidentialClient)


def test_department_comes_from_graph_on_behalf_of_the_user(graph: dict[str, Any]) -> None:
    departments = directory(graph)
    assert FakeConfidentialClient.created == []  # nothing built before the first lookup
    assert departments.department(USER) == "工務局"
    [created] = FakeConfidentialClient.created
    assert created["authority"].endswith("/3f6a1c2e-0000-4000-8000-00000000a001")
    assert created["client_credential"] == "s3cret"
    [(path, authorization)] = graph["requests"]
    assert path.startswith("/v1.0/me?") and "department" in path
    assert authorization == "Bearer graph-token"


def test_departments_are_cached_per_user(graph: dict[str, Any]) -> None:
    departments = directory(graph)
    departments.department(USER)
    graph["department"] = "社會局"
    assert departments.department(USER) == "工務局"
    assert len(graph["requests"]) == 1
    other = User(object_id="oid-2", tenant_id=USER.tenant_id, token="t2")
    assert departments.department(other) == "社會局"


def test_failures_give_no_department_and_do_not_raise(graph: dict[str, Any]) -> None:
    graph["status"] = 500
    assert directory(graph).department(USER) is None
    refused = User(object_id="oid-3", tenant_id=USER.tenant_id, token="refused")
    assert directory(graph).department(refused) is None


def test_off_without_a_client_secret(graph: dict[str, Any]) -> None:
    departments = directory(graph, secret="")
    assert departments.department(USER) is None
    assert FakeConfidentialClient.created == [] and graph["requests"] == []
