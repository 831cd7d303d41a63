"""Settings from AIGUARD_* variables: a wrong value names its variable."""

from __future__ import annotations

import pytest

from server.config import ConfigError, Settings

VALID = {
    "AIGUARD_CLIENT_ID": "7d2c9a51-1111-4111-8111-0000000c11e7",
    "AIGUARD_ALLOWED_TENANTS": "3f6a1c2e-0000-4000-8000-00000000a001",
    "AIGUARD_AUDIT_KEY": "k" * 32,
}


def test_a_production_configuration_reads_every_setting() -> None:
    settings = Settings.from_env(
        {
            **VALID,
            "AIGUARD_APP_ID_URI": "api://aiguard.ntpc.gov.tw/7d2c9a51-1111-4111-8111-0000000c11e7",
            "AIGUARD_DATABASE_URL": "postgresql://aiguard@db/aiguard",
            "AIGUARD_RATE_LIMIT": "60/minute",
            "AIGUARD_CORS_ORIGINS": "https://addin.ntpc.gov.tw",
        }
    )
    assert settings.audiences == (
        "7d2c9a51-1111-4111-8111-0000000c11e7",
        "api://aiguard.ntpc.gov.tw/7d2c9a51-1111-4111-8111-0000000c11e7",
    )
    assert settings.database_url == "postgresql+psycopg://aiguard@db/aiguard"
    assert not settings.dev_mode and not settings.obo_enabled


@pytest.mark.parametrize(
    ("changes", "variable"),
    [
        ({"AIGUARD_CLIENT_ID": ""}, "AIGUARD_CLIENT_ID"),
        ({"AIGUARD_CLIENT_ID": "my-app"}, "AIGUARD_CLIENT_ID"),
        ({"AIGUARD_ALLOWED_TENANTS": ""}, "AIGUARD_ALLOWED_TENANTS"),
        ({"AIGUARD_ALLOWED_TENANTS": "contoso.onmicrosoft.com"}, "AIGUARD_ALLOWED_TENANTS"),
        ({"AIGUARD_AUDIT_KEY": ""}, "AIGUARD_AUDIT_KEY"),
        ({"AIGUARD_AUDIT_KEY": "short"}, "AIGUARD_AUDIT_KEY"),
        ({"AIGUARD_APP_ID_URI": "https://aiguard"}, "AIGUARD_APP_ID_URI"),
        ({"AIGUARD_DEV_MODE": "maybe"}, "AIGUARD_DEV_MODE"),
        ({"AIGUARD_DATABASE_URL": "mysql://db"}, "AIGUARD_DATABASE_URL"),
        ({"AIGUARD_RATE_LIMIT": "lots"}, "AIGUARD_RATE_LIMIT"),
        ({"AIGUARD_RATE_LIMIT_STORAGE_URL": "memcached://x"}, "AIGUARD_RATE_LIMIT_STORAGE_URL"),
        ({"AIGUARD_CORS_ORIGINS": "http://addin.example"}, "AIGUARD_CORS_ORIGINS"),
        ({"AIGUARD_JWKS_URL": "http://keys.example.org/{tenant}"}, "AIGUARD_JWKS_URL"),
        ({"AIGUARD_MAX_TEXT_CHARS": "many"}, "AIGUARD_MAX_TEXT_CHARS"),
        ({"AIGUARD_AUDIT_RETENTION_DAYS": "0"}, "AIGUARD_AUDIT_RETENTION_DAYS"),
        ({"AIGUARD_POLICY": "/nonexistent/policy.toml"}, "AIGUARD_POLICY"),
        ({"AIGUARD_LOG_LEVEL": "LOUD"}, "AIGUARD_LOG_LEVEL"),
    ],
)
def test_a_wrong_setting_names_its_variable(changes: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as raised:
        Settings.from_env({**VALID, **changes})
    assert raised.value.variable == variable
    assert str(raised.value).startswith(variable)


def test_development_mode_needs_no_sign_in_settings() -> None:
    settings = Settings.from_env({"AIGUARD_DEV_MODE": "1"})
    assert settings.dev_mode
    assert settings.audit_key


def test_http_endpoints_are_accepted_only_on_loopback() -> None:
    settings = Settings.from_env({**VALID, "AIGUARD_JWKS_URL": "http://127.0.0.1:8080/{tenant}/keys"})
    assert settings.jwks_url.startswith("http://127.0.0.1")
