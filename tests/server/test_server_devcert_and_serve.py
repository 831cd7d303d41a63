"""Development HTTPS: a local CA and localhost certificate, and ``aiguard serve`` answering over TLS."""

from __future__ import annotations

import datetime as dt
import os
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from cryptography import x509
from local_services import REPO, free_port, port_open, wait_for

from server.devcert import ensure_dev_certificate


def test_certificate_for_localhost_is_signed_by_the_local_ca(tmp_path: Path) -> None:
    certificate = ensure_dev_certificate(tmp_path)
    leaf = x509.load_pem_x509_certificate(certificate.cert.read_bytes())
    ca = x509.load_pem_x509_certificate(certificate.ca_cert.read_bytes())
    leaf.verify_directly_issued_by(ca)
    names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in names.get_values_for_type(x509.DNSName)
    assert {str(a) for a in names.get_values_for_type(x509.IPAddress)} == {"127.0.0.1", "::1"}
    assert oct(certificate.key.stat().st_mode & 0o777) == "0o600"


def test_certificates_are_reused_until_they_near_expiry(tmp_path: Path) -> None:
    first = ensure_dev_certificate(tmp_path)
    ca_bytes, leaf_bytes = first.ca_cert.read_bytes(), first.cert.read_bytes()
    ensure_dev_certificate(tmp_path)
    assert first.ca_cert.read_bytes() == ca_bytes and first.cert.read_bytes() == leaf_bytes
    ensure_dev_certificate(tmp_path, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=380))
    assert first.ca_cert.read_bytes() == ca_bytes  # the trusted CA stays
    assert first.cert.read_bytes() != leaf_bytes


def test_serve_answers_over_https_with_the_add_in_on_the_same_origin(tmp_path: Path) -> None:
    addin = tmp_path / "addin"
    addin.mkdir()
    (addin / "index.html").write_text("<title>AIGuard add-in</title>", encoding="utf-8")
    port = free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "AIGUARD_CONFIG_DIR": str(tmp_path / "config"),
        "AIGUARD_DATA_DIR": str(tmp_path / "data"),
        "AIGUARD_ADDIN_DIR": str(addin),
    }
    script = (
        "import argparse, sys\n"
        "from server.devserver import add_serve_arguments, serve\n"
        "parser = argparse.ArgumentParser(); add_serve_arguments(parser)\n"
        "sys.exit(serve(parser.parse_args(sys.argv[1:])))\n"
    )
    log = tmp_path / "serve.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-c", script, "--host", "127.0.0.1", "--port", str(port), "--dev-auth"],
            cwd=REPO,
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: port_open(port) or process.poll() is not None, 60, "aiguard serve")
        assert process.poll() is None, log.read_text()
        context = ssl.create_default_context(cafile=str(tmp_path / "config" / "devcert" / "ca.pem"))
        with urllib.request.urlopen(
            f"https://127.0.0.1:{port}/healthz", context=context, timeout=10
        ) as response:
            assert response.status == 200
            assert response.headers["X-AIGuard-Dev-Mode"] == "1"
        with urllib.request.urlopen(
            f"https://localhost:{port}/addin/", context=context, timeout=10
        ) as response:
            assert b"AIGuard add-in" in response.read()
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_serve_refuses_development_mode_off_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from types import SimpleNamespace

    from server.devserver import serve

    monkeypatch.setenv("AIGUARD_CONFIG_DIR", str(tmp_path))
    args = SimpleNamespace(host="0.0.0.0", port=free_port(), cert=None, key=None, policy=None, dev_auth=True)
    assert serve(args) == 2
    assert "AIGUARD_DEV_MODE" in capsys.readouterr().err
