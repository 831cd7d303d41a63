"""Sign-in: which bearer tokens the API accepts, and how each refusal looks to the add-in."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import jwt
import pytest
from entra_test_tokens import CLIENT_ID, OTHER_TENANT, TENANT, SigningKey

from server import create_app
from server.config import Settings

SCAN = {"text": "會議紀錄草稿", "channel": "word"}


def post_scan(client: Any, headers: dict[str, str]) -> Any:
    return client.post("/api/v1/scan", json=SCAN, headers=headers)


def assert_refused(response: Any, status: int, code: str) -> None:
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]["zh-TW"] and error["message"]["en"]


@pytest.mark.parametrize("version", [1, 2])
def test_v1_and_v2_tokens_are_accepted(client: Any, bearer: Any, version: int) -> None:
    response = post_scan(client, bearer(version=version))
    assert response.status_code == 200
    assert response.get_json()["verdict"] == "allow"
    assert "X-AIGuard-Dev-Mode" not in response.headers


def test_missing_token_asks_for_sign_in(client: Any) -> None:
    response = post_scan(client, {})
    assert_refused(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_forged_signature_is_refused(client: Any, make_token: Any) -> None:
    attacker = SigningKey(kid="key-current")  # same key id, different key
    assert_refused(post_scan(client, {"Authorization": f"Bearer {make_token(key=attacker)}"}), 401, "invalid_token")


def test_tampered_claims_are_refused(client: Any, make_token: Any) -> None:
    header, payload, signature = make_token().split(".")
    other = make_token(oid="someone-else").split(".")[1]
    assert_refused(post_scan(client, {"Authorization": f"Bearer {header}.{other}.{signature}"}), 401, "invalid_token")
    assert payload != other


def test_expired_token_is_refused(client: Any, bearer: Any) -> None:
    past = int(time.time()) - 3600
    assert_refused(post_scan(client, bearer(exp=past, iat=past - 3600, nbf=past - 3600)), 401, "invalid_token")


def test_token_without_expiry_is_refused(client: Any, bearer: Any) -> None:
    assert_refused(post_scan(client, bearer(exp=None)), 401, "invalid_token")


def test_wrong_audience_is_refused(client: Any, bearer: Any) -> None:
    assert_refused(post_scan(client, bearer(aud="00000003-0000-0000-c000-000000000000")), 401, "invalid_token")


def test_wrong_tenant_is_refused(client: Any, bearer: Any) -> None:
    assert_refused(post_scan(client, bearer(tid=OTHER_TENANT)), 403, "tenant_not_allowed")


def test_issuer_of_another_tenant_is_refused(client: Any, bearer: Any) -> None:
    issuer = f"https://login.microsoftonline.com/{OTHER_TENANT}/v2.0"
    assert_refused(post_scan(client, bearer(iss=issuer)), 401, "invalid_token")


def test_unsigned_token_is_refused(client: Any) -> None:
    from entra_test_tokens import claims_for

    unsigned = jwt.encode(claims_for(), key=None, algorithm="none", headers={"kid": "key-current"})
    assert_refused(post_scan(client, {"Authorization": f"Bearer {unsigned}"}), 401, "invalid_token")


def test_hmac_token_keyed_with_public_key_is_refused(client: Any, signing_key: SigningKey) -> None:
    from cryptography.hazmat.primitives import serialization
    from entra_test_tokens import claims_for

    public_pem = signing_key.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    encode = jwt.utils.base64url_encode
    header = encode(json.dumps({"alg": "HS256", "typ": "JWT", "kid": signing_key.kid}).encode())
    payload = encode(json.dumps(claims_for()).encode())
    signature = encode(hmac.new(public_pem, header + b"." + payload, hashlib.sha256).digest())
    token = b".".join((header, payload, signature)).decode()
    assert_refused(post_scan(client, {"Authorization": f"Bearer {token}"}), 401, "invalid_token")


def test_token_without_the_scope_is_refused(client: Any, bearer: Any) -> None:
    assert_refused(post_scan(client, bearer(scp="User.Read")), 403, "insufficient_scope")
    assert_refused(post_scan(client, bearer(scp=None, roles=["access_as_user"])), 403, "insufficient_scope")


def test_garbage_token_is_refused(client: Any) -> None:
    assert_refused(post_scan(client, {"Authorization": "Bearer not-a-jwt"}), 401, "invalid_token")
    assert_refused(post_scan(client, {"Authorization": "Basic dXNlcjpwYXNz"}), 401, "unauthenticated")


def test_rotated_key_is_fetched_once_then_cached(
    client: Any, make_token: Any, jwks_server: Any, signing_key: Any
) -> None:
    assert post_scan(client, {"Authorization": f"Bearer {make_token()}"}).status_code == 200
    rotated = SigningKey(kid="key-next")
    jwks_server.keys = [signing_key, rotated]
    fetches = jwks_server.fetches
    assert post_scan(client, {"Authorization": f"Bearer {make_token(key=rotated)}"}).status_code == 200
    assert jwks_server.fetches == fetches + 1
    assert post_scan(client, {"Authorization": f"Bearer {make_token(key=rotated)}"}).status_code == 200
    assert post_scan(client, {"Authorization": f"Bearer {make_token()}"}).status_code == 200
    assert jwks_server.fetches == fetches + 1


def test_unknown_key_ids_do_not_refetch_within_the_minimum_interval(
    environment: dict[str, str], make_token: Any, jwks_server: Any
) -> None:
    environment["AIGUARD_JWKS_MIN_REFRESH_SECONDS"] = "300"
    client = create_app(environment).test_client()
    assert post_scan(client, {"Authorization": f"Bearer {make_token()}"}).status_code == 200
    fetches = jwks_server.fetches
    for n in range(5):
        response = post_scan(client, {"Authorization": f"Bearer {make_token(key=SigningKey(kid=f'made-up-{n}'))}"})
        assert_refused(response, 401, "invalid_token")
    assert jwks_server.fetches == fetches


def test_a_removed_key_is_refused_once_the_cache_expires(
    environment: dict[str, str], make_token: Any, jwks_server: Any, signing_key: Any
) -> None:
    defaults = Settings.from_env(
        environment | {"AIGUARD_JWKS_CACHE_SECONDS": "", "AIGUARD_JWKS_MIN_REFRESH_SECONDS": ""}
    )
    assert (defaults.jwks_cache_seconds, defaults.jwks_min_refresh_seconds) == (3600.0, 5.0)
    environment["AIGUARD_JWKS_CACHE_SECONDS"] = "1"
    client = create_app(environment).test_client()
    retiring = SigningKey(kid="key-retiring")
    jwks_server.keys = [signing_key, retiring]
    assert post_scan(client, {"Authorization": f"Bearer {make_token(key=retiring)}"}).status_code == 200
    jwks_server.keys = [signing_key]  # Entra stops publishing it
    assert post_scan(client, {"Authorization": f"Bearer {make_token(key=retiring)}"}).status_code == 200  # cached
    time.sleep(1.1)
    assert_refused(post_scan(client, {"Authorization": f"Bearer {make_token(key=retiring)}"}), 401, "invalid_token")
    assert post_scan(client, {"Authorization": f"Bearer {make_token()}"}).status_code == 200


def test_health_and_openapi_need_no_sign_in(client: Any) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_admin_needs_the_admin_role(client: Any, bearer: Any) -> None:
    assert_refused(client.get("/admin/dashboard"), 401, "unauthenticated")
    assert_refused(client.get("/admin/dashboard", headers=bearer()), 403, "forbidden")
    assert client.get("/admin/dashboard", headers=bearer(roles=["AIGuard.Admin"])).status_code == 200


class TestDevelopmentMode:
    @pytest.fixture
    def dev_client(self, environment: dict[str, str]) -> Any:
        environment["AIGUARD_DEV_MODE"] = "1"
        return create_app(environment).test_client()

    def test_signs_in_loopback_callers_and_says_so_on_every_response(self, dev_client: Any) -> None:
        response = post_scan(dev_client, {})
        assert response.status_code == 200
        assert response.headers["X-AIGuard-Dev-Mode"] == "1"
        assert dev_client.get("/healthz").headers["X-AIGuard-Dev-Mode"] == "1"
        assert dev_client.get("/nowhere").headers["X-AIGuard-Dev-Mode"] == "1"

    def test_warns_loudly_at_start(self, environment: dict[str, str], caplog: pytest.LogCaptureFixture) -> None:
        environment["AIGUARD_DEV_MODE"] = "1"
        with caplog.at_level("WARNING", logger="aiguard"):
            create_app(environment)
        assert any("SIGN-IN IS OFF" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)

    def test_refuses_callers_that_are_not_on_loopback(self, dev_client: Any) -> None:
        response = dev_client.post("/api/v1/scan", json=SCAN, environ_base={"REMOTE_ADDR": "192.0.2.10"})
        assert_refused(response, 403, "dev_mode_loopback_only")

    def test_refuses_proxied_requests(self, dev_client: Any) -> None:
        response = post_scan(dev_client, {"X-Forwarded-For": "192.0.2.10"})
        assert_refused(response, 403, "dev_mode_loopback_only")

    def test_refuses_a_listener_that_is_not_loopback(self, dev_client: Any) -> None:
        response = dev_client.post("/api/v1/scan", json=SCAN, base_url="http://aiguard.example.org")
        assert_refused(response, 403, "dev_mode_loopback_only")

    def test_is_off_unless_explicitly_set(self, environment: dict[str, str]) -> None:
        environment["AIGUARD_DEV_MODE"] = "0"
        response = post_scan(create_app(environment).test_client(), {})
        assert_refused(response, 401, "unauthenticated")
        assert "X-AIGuard-Dev-Mode" not in response.headers


def test_audience_may_be_the_client_id_or_the_app_id_uri(client: Any, bearer: Any) -> None:
    assert post_scan(client, bearer(aud=CLIENT_ID)).status_code == 200
    assert post_scan(client, bearer(aud=f"api://localhost/{CLIENT_ID}")).status_code == 200
    assert post_scan(client, bearer(aud=f"api://elsewhere/{CLIENT_ID}")).status_code == 401
    assert TENANT
