"""A local certificate authority and a ``localhost`` certificate for development HTTPS (Office needs HTTPS).

Made with ``cryptography`` and cached under the config directory (``AIGUARD_CONFIG_DIR``, default
``~/.config/aiguard/devcert``). Trust ``ca.pem`` on the machine that runs Office (Windows: certutil
-addstore -user Root ca.pem; macOS: Keychain Access; Linux: /usr/local/share/ca-certificates). The CA
is reused while valid so it needs trusting once; the leaf is renewed 30 days before it expires.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS = 3650
LEAF_DAYS = 397
RENEW_BEFORE = dt.timedelta(days=30)
LOCAL_NAMES = ("localhost",)
LOCAL_ADDRESSES = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class DevCertificate:
    ca_cert: Path
    cert: Path
    key: Path


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _still_valid(path: Path, now: dt.datetime) -> bool:
    if not path.is_file():
        return False
    try:
        certificate = x509.load_pem_x509_certificate(path.read_bytes())
    except ValueError:
        return False
    return certificate.not_valid_after_utc - RENEW_BEFORE > now


def _make_ca(directory: Path, now: dt.datetime) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "AIGuard development"),
            x509.NameAttribute(NameOID.COMMON_NAME, "AIGuard local development CA"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(directory / "ca-key.pem", _pem_key(key))
    (directory / "ca.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _make_leaf(directory: Path, now: dt.datetime) -> None:
    ca_key = serialization.load_pem_private_key((directory / "ca-key.pem").read_bytes(), password=None)
    ca_cert = x509.load_pem_x509_certificate((directory / "ca.pem").read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName(n) for n in LOCAL_NAMES]
    names += [x509.IPAddress(ipaddress.ip_address(a)) for a in LOCAL_ADDRESSES]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(min(now + dt.timedelta(days=LEAF_DAYS), ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    _write_private(directory / "localhost-key.pem", _pem_key(key))
    (directory / "localhost.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def ensure_dev_certificate(config_dir: Path, now: dt.datetime | None = None) -> DevCertificate:
    """Create (or reuse) the development CA and localhost certificate under ``config_dir/devcert``."""
    now = now or dt.datetime.now(dt.UTC)
    directory = config_dir / "devcert"
    directory.mkdir(parents=True, exist_ok=True)
    if not (_still_valid(directory / "ca.pem", now) and (directory / "ca-key.pem").is_file()):
        _make_ca(directory, now)
        (directory / "localhost.pem").unlink(missing_ok=True)
    if not (_still_valid(directory / "localhost.pem", now) and (directory / "localhost-key.pem").is_file()):
        _make_leaf(directory, now)
    return DevCertificate(
        ca_cert=directory / "ca.pem", cert=directory / "localhost.pem", key=directory / "localhost-key.pem"
    )
