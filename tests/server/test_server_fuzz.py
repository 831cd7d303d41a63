"""Seeded fuzz of every route against the real app: no 500, and every error is the JSON envelope.

Hypothesis with a fixed seed (the same requests on every run, in CI within a minute or so) draws a method, a
route of the app (or a near miss), a query, a content type, a body (random bytes, JSON with lone surrogates,
full-width digits, deep nesting, bodies close to the real schemas) and a sign-in (valid, admin, forged, none).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jwt
import pytest
from entra_test_tokens import JwksServer, SigningKey, claims_for
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from server import create_app

SEED = 20261204
EXAMPLES = 5000
ROUTES = [
    "/api/v1/scan",
    "/api/v1/redact",
    "/api/v1/restore",
    "/api/v1/notice",
    "/api/v1/policy",
    "/api/v1/documents",
    "/api/v1/openapi.json",
    "/healthz",
    "/readyz",
    "/admin",
    "/admin/dashboard",
    "/admin/export.csv",
    "/addin/commands/onsend.js",
    "/addin/taskpane/word.html",
    "/addin/../server/config.py",
    "/api/v1/nothing",
]
TRICKY_TEXT = st.sampled_from(
    [
        "\ud800",
        "\udfff",
        "〔姓名１〕",
        "〔姓名1〕",
        "A123456789",
        "０９１２３４５６７８",
        "密",
        "\x00",
        "\u202e",
        "𠀀",
        "\r\n",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), TRICKY_TEXT), max_size=8).map("".join)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
SCHEMA_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "text": TEXT,
        "channel": st.sampled_from(["word", "outlook", "teams", ""]),
        "mode": st.sampled_from(["mask", "placeholder", "x"]),
        "subject": TEXT,
        "recipients": st.lists(TEXT, max_size=3),
        "map": st.dictionaries(TEXT, TEXT, max_size=5),
        "lang": st.sampled_from(["zh-TW", "en", "fr"]),
    },
)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()


BODY = st.one_of(
    st.none(),
    st.binary(max_size=300),
    JSON_VALUE.map(_json_bytes),
    SCHEMA_LIKE.map(_json_bytes),
    st.integers(min_value=30, max_value=3000).map(lambda depth: b'{"text":' + b"[" * depth + b"]" * depth + b"}"),
)
CONTENT_TYPE = st.sampled_from(
    [None, "application/json", "application/json; charset=latin-1", "multipart/form-data; boundary=x", "text/plain"]
)
QUERY = st.one_of(
    st.just(""),
    st.dictionaries(
        st.sampled_from(["days", "action", "mode", "x"]),
        st.one_of(TEXT, st.sampled_from(["7", "366", "３", "scan", "notice", "redact", "placeholder"])),
        max_size=3,
    ).map(lambda params: "?" + "&".join(f"{k}={quote(v.encode('utf-8', 'surrogatepass'))}" for k, v in params.items())),
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory, jwks_server: JwksServer) -> Any:
    from entra_test_tokens import base_environment  # noqa: PLC0415

    environment = base_environment(Path(tmp_path_factory.mktemp("fuzz")), jwks_server)
    environment["AIGUARD_RATE_LIMIT"] = "1000000 per minute"
    environment["AIGUARD_UNAUTHENTICATED_RATE_LIMIT"] = "1000000 per minute"
    app = create_app(environment)
    yield app
    app.extensions["aiguard.db"].dispose()


@pytest.fixture(scope="module")
def tokens(signing_key: SigningKey) -> dict[str, str | None]:
    def sign(**claims: Any) -> str:
        token = jwt.encode(
            claims_for(**claims), signing_key.private, algorithm="RS256", headers={"kid": signing_key.kid}
        )
        return f"Bearer {token}"

    return {
        "user": sign(),
        "admin": sign(roles=["AIGuard.Admin"]),
        "forged": sign()[:-8] + "AAAAAAAA",
        "garbage": "Bearer \u00ff\u00fe not a token",
        "none": None,
    }


def test_no_route_answers_500(fuzz_app: Any, tokens: dict[str, str | None]) -> None:
    client = fuzz_app.test_client()
    statuses: Counter[int] = Counter()
    # Every route the app has (a route added later is fuzzed too), the add-in's files and near misses.
    routes = sorted(set(ROUTES) | {rule.rule for rule in fuzz_app.url_map.iter_rules() if "<" not in rule.rule})

    @seed(SEED)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        method=st.sampled_from(["POST", "POST", "POST", "GET", "GET", "PUT", "DELETE", "OPTIONS"]),
        route=st.sampled_from(routes),
        query=QUERY,
        body=BODY,
        content_type=CONTENT_TYPE,
        who=st.sampled_from(sorted(tokens)),
        origin=st.sampled_from([None, "https://evil.example", "https://localhost"]),
    )
    def request_once(
        method: str, route: str, query: str, body: bytes | None, content_type: str | None, who: str, origin: str | None
    ) -> None:
        headers = {name: value for name, value in (("Authorization", tokens[who]), ("Origin", origin)) if value}
        if method == "OPTIONS" and origin:
            headers["Access-Control-Request-Method"] = "POST"
        response = client.open(route + query, method=method, data=body, content_type=content_type, headers=headers)
        response.close()  # static files are streamed
        statuses[response.status_code] += 1
        assert response.status_code < 500, (method, route, query, response.get_data(as_text=True)[:300])
        if response.status_code >= 400:
            assert response.mimetype == "application/json", (route, response.status_code)
            message = response.get_json()["error"]["message"]
            assert message["zh-TW"] and message["en"]
            assert "Traceback" not in response.get_data(as_text=True)

    request_once()
    print(f"fuzz: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}")
    assert statuses[200] > 0 and 500 not in statuses
