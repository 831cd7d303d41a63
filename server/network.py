"""Loopback checks: development mode and plain-http test endpoints are allowed only on loopback."""

from __future__ import annotations

import ipaddress

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback_host(host: str | None) -> bool:
    """True for ``localhost`` and addresses in 127.0.0.0/8 or ``::1``.

    >>> is_loopback_host("127.0.0.2"), is_loopback_host("[::1]"), is_loopback_host("10.0.0.1")
    (True, True, False)
    """
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
