"""Rate limit per user, security headers on every response, CORS for the configured add-in origin only."""

from __future__ import annotations

from typing import Any

from server import create_app

SCAN = {"text": "會議紀錄", "channel": "word"}


def test_rate_limit_is_per_user(environment: dict[str, str], bearer: Any) -> None:
    environment["AIGUARD_RATE_LIMIT"] = "3 per minute"
    client = create_app(environment).test_client()
    statuses = [
        client.post("/api/v1/scan", json=SCAN, headers=bearer(oid="busy")).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    limited = client.post("/api/v1/scan", json=SCAN, headers=bearer(oid="busy"))
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) > 0
    assert client.post("/api/v1/scan", json=SCAN, headers=bearer(oid="calm")).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_security_headers_allow_framing_by_office_only(client: Any, auth: dict[str, str]) -> None:
    for response in (
        client.get("/healthz"),
        client.post("/api/v1/scan", json=SCAN, headers=auth),
        client.get("/nowhere"),
    ):
        csp = response.headers["Content-Security-Policy"]
        ancestors = csp.split("frame-ancestors ")[1].split(";")[0].split()
        assert ancestors == [
            "'self'",
            "https://*.office.com",
            "https://*.office365.com",
            "https://*.microsoft.com",
            "https://*.officeapps.live.com",
            "https://*.sharepoint.com",
        ]
        assert "default-src 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "X-Frame-Options" not in response.headers


def test_no_cross_origin_access_by_default(client: Any, auth: dict[str, str]) -> None:
    response = client.post("/api/v1/scan", json=SCAN, headers={**auth, "Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options(
        "/api/v1/scan", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 403
    assert preflight.get_json()["error"]["code"] == "cors_origin_not_allowed"


def test_configured_add_in_origin_may_call_the_api(environment: dict[str, str], auth: dict[str, str]) -> None:
    environment["AIGUARD_CORS_ORIGINS"] = "https://addin.ntpc.gov.tw"
    client = create_app(environment).test_client()
    origin = {"Origin": "https://addin.ntpc.gov.tw"}
    preflight = client.options(
        "/api/v1/scan",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://addin.ntpc.gov.tw"
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    response = client.post("/api/v1/scan", json=SCAN, headers={**auth, **origin})
    assert response.headers["Access-Control-Allow-Origin"] == "https://addin.ntpc.gov.tw"


def test_add_in_files_are_served_from_the_same_origin(environment: dict[str, str], tmp_path: Any) -> None:
    addin = tmp_path / "addin"
    addin.mkdir()
    (addin / "index.html").write_text("<!doctype html><title>AIGuard</title>", encoding="utf-8")
    (addin / "taskpane.js").write_text("// @ts-check\n", encoding="utf-8")
    environment["AIGUARD_ADDIN_DIR"] = str(addin)
    client = create_app(environment).test_client()
    with client.get("/addin/") as page:
        assert b"AIGuard" in page.data
    with client.get("/addin/taskpane.js") as script:
        assert script.status_code == 200 and "javascript" in script.mimetype
    assert client.get("/addin/../server/app.py").status_code == 404
    assert client.get("/addin/missing.js").get_json()["error"]["code"] == "not_found"
