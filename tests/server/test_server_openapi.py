"""The served OpenAPI document: complete, and every response the API gives conforms to it (schemathesis)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import jwt
import pytest
import schemathesis
from entra_test_tokens import JwksServer, SigningKey, claims_for
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from server import create_app

EXPECTED_OPERATIONS = {
    ("/api/v1/scan", "post"),
    ("/api/v1/redact", "post"),
    ("/api/v1/restore", "post"),
    ("/api/v1/notice", "post"),
    ("/api/v1/policy", "get"),
    ("/api/v1/documents", "post"),
    ("/api/v1/documents/table", "post"),
    ("/healthz", "get"),
    ("/readyz", "get"),
}


def test_document_lists_every_operation_with_its_errors(client: Any) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    operations = {(path, method) for path, item in document["paths"].items() for method in item}
    assert operations == EXPECTED_OPERATIONS
    scan = document["paths"]["/api/v1/scan"]["post"]
    assert set(scan["responses"]) >= {"200", "400", "401", "403", "413", "415", "429", "500"}
    assert scan["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text", "channel"]
    assert scan["security"] == [{"entra": []}]
    assert document["paths"]["/healthz"]["get"]["security"] == []
    error = scan["responses"]["401"]["content"]["application/json"]["schema"]
    assert error["properties"]["error"]["required"] == ["code", "message"]
    upload = document["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in upload


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, jwks_server: JwksServer) -> Any:
    from entra_test_tokens import base_environment  # noqa: PLC0415

    environment = base_environment(Path(tmp_path_factory.mktemp("openapi")), jwks_server)
    environment["AIGUARD_RATE_LIMIT"] = "100000 per minute"
    environment["AIGUARD_UNAUTHENTICATED_RATE_LIMIT"] = "100000 per minute"  # schemathesis also tries without a token
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", create_app(environment))


@pytest.fixture(scope="module")
def signed_in(signing_key: SigningKey) -> dict[str, str]:
    token = jwt.encode(claims_for(), signing_key.private, algorithm="RS256", headers={"kid": signing_key.kid})
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(("path", "method"), sorted(EXPECTED_OPERATIONS))
def test_every_response_conforms_to_the_document(
    api_schema: Any, signed_in: dict[str, str], path: str, method: str
) -> None:
    operation = api_schema[path][method.upper()]
    statuses: Counter[int] = Counter()
    # A schema cannot say "a valid .docx": random bytes that fit it are rightly refused with 400/415.
    excluded = [positive_data_acceptance] if path == "/api/v1/documents" else []

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    def check(case: Any) -> None:
        statuses[case.call_and_validate(headers=signed_in, excluded_checks=excluded).status_code] += 1

    check()
    assert 403 not in statuses and 500 not in statuses, statuses
    if path != "/api/v1/documents":  # random bytes are never a .docx
        assert statuses[200] > 0, statuses
