"""The sample nginx site (deploy/nginx/aiguard.conf) terminating TLS in front of gunicorn, on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import ssl
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from entra_test_tokens import JwksServer
from local_services import NGINX, REPO, free_port, port_open, start_gunicorn, wait_for

from server.devcert import ensure_dev_certificate

SAMPLE = REPO / "deploy" / "nginx" / "aiguard.conf"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"sample config changed: {old!r}"
    return text.replace(old, new)


def site_for_test(tls_port: int, app_port: int, cert: Path, key: Path) -> str:
    """The sample site, moved to loopback ports and a test certificate; everything else as shipped."""
    site = SAMPLE.read_text(encoding="utf-8")
    http_block_start = site.index("server {\n    listen 80;")
    http_block_end = site.index("}\n", http_block_start) + 2
    site = site[:http_block_start] + site[http_block_end:]
    site = replace_once(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;")
    site = replace_once(site, "    listen [::]:443 ssl http2;\n", "")
    site = replace_once(site, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    site = replace_once(site, "/etc/ssl/certs/aiguard.example.gov.tw.pem", str(cert))
    site = replace_once(site, "/etc/ssl/private/aiguard.example.gov.tw.key", str(key))
    return site.replace("aiguard.example.gov.tw", "localhost")


@pytest.fixture
def nginx_in_front_of_gunicorn(tmp_path: Path, jwks_server: JwksServer) -> Iterator[int]:
    from entra_test_tokens import base_environment  # noqa: PLC0415

    environment = base_environment(tmp_path, jwks_server)
    environment.update({"AIGUARD_DEV_MODE": "1", "AIGUARD_PROXY_COUNT": "1"})
    app = start_gunicorn(environment, workers=1, log=tmp_path / "gunicorn.log")
    try:
        with nginx_in_front_of(app.port, tmp_path) as tls_port:
            yield tls_port
    finally:
        app.stop()


@contextlib.contextmanager
def nginx_in_front_of(app_port: int, tmp_path: Path) -> Iterator[int]:
    """The shipped site on a loopback TLS port in front of ``app_port``; yields the TLS port."""
    if not Path(NGINX).is_file():
        pytest.skip("nginx not installed (apt-get install nginx)")
    certificate = ensure_dev_certificate(tmp_path / "config")
    tls_port = free_port()
    (tmp_path / "site.conf").write_text(
        site_for_test(tls_port, app_port, certificate.cert, certificate.key), encoding="utf-8"
    )
    user = "user root root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n access_log {tmp_path}/access.log;\n client_body_temp_path {tmp_path}/body;\n"
        f" proxy_temp_path {tmp_path}/proxy;\n fastcgi_temp_path {tmp_path}/fastcgi;\n"
        f" uwsgi_temp_path {tmp_path}/uwsgi;\n scgi_temp_path {tmp_path}/scgi;\n"
        f" include {tmp_path}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    nginx = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: port_open(tls_port) or nginx.poll() is not None, 30, "nginx")
        assert nginx.poll() is None, (tmp_path / "error.log").read_text()
        yield tls_port
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)


def test_https_request_through_nginx_reaches_the_app(nginx_in_front_of_gunicorn: int, tmp_path: Path) -> None:
    context = ssl.create_default_context(cafile=str(tmp_path / "config" / "devcert" / "ca.pem"))
    url = f"https://localhost:{nginx_in_front_of_gunicorn}"
    with urllib.request.urlopen(f"{url}/readyz", context=context, timeout=10) as response:
        assert response.status == 200
        assert json.load(response)["status"] == "ready"
        assert "frame-ancestors" in response.headers["Content-Security-Policy"]
    with urllib.request.urlopen(f"{url}/api/v1/openapi.json", context=context, timeout=10) as response:
        assert json.load(response)["servers"][0]["url"].startswith(
            "https://localhost"
        )  # X-Forwarded-Proto trusted
    # Development mode never signs in a proxied caller.
    request = urllib.request.Request(
        f"{url}/api/v1/scan",
        data=json.dumps({"text": "x", "channel": "word"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, context=context, timeout=10)
    assert refused.value.code == 403
    assert json.load(refused.value)["error"]["code"] == "dev_mode_loopback_only"
