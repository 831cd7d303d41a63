"""``GET /healthz`` (the process answers) and ``GET /readyz`` (engine loaded, audit database and rate-limit
store reachable: a load balancer stops sending requests to a server whose dependency is down)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app

from server.contract import Response, operation
from server.database import is_reachable
from server.limits import storage_is_reachable
from server.outages import DATABASE, RATE_LIMIT_STORE, outages
from server.schemas import HEALTH_RESPONSE, READY_RESPONSE

bp = Blueprint("health", __name__)


@operation(bp, "/healthz", "GET", summary="The process is up.", responses={200: HEALTH_RESPONSE}, public=True)
def healthz() -> dict[str, Any]:
    return {"status": "ok"}


@operation(
    bp,
    "/readyz",
    "GET",
    summary="Ready to serve: the engine is loaded, the audit database and the rate-limit store answer.",
    responses={200: READY_RESPONSE, 503: Response(READY_RESPONSE, "Not ready.")},
    public=True,
)
def readyz() -> tuple[dict[str, Any], int]:
    checks = {
        "engine": current_app.extensions.get("aiguard.engine") is not None,
        "database": is_reachable(current_app.extensions["aiguard.db"]),
        "rate_limit_store": storage_is_reachable(current_app),
    }
    for dependency, reachable in ((DATABASE, checks["database"]), (RATE_LIMIT_STORE, checks["rate_limit_store"])):
        if reachable:
            outages().up(dependency)
    ready = all(checks.values())
    return {"status": "ready" if ready else "not_ready", "checks": checks}, 200 if ready else 503
