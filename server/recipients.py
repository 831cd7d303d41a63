"""Which e-mail recipients are outside the agency (policy ``outlook.internal_domains``)."""

from __future__ import annotations

from collections.abc import Iterable


def is_internal(address: str, internal_domains: Iterable[str]) -> bool:
    """True when the address's domain is an internal domain or a subdomain of one.

    >>> is_internal("a@ntpc.gov.tw", ["ntpc.gov.tw"]), is_internal("a@mail.ntpc.gov.tw", ["NTPC.gov.tw"])
    (True, True)
    >>> is_internal("a@evil-ntpc.gov.tw", ["ntpc.gov.tw"]), is_internal("no-at-sign", ["ntpc.gov.tw"])
    (False, False)
    """
    _, at, domain = address.strip().rpartition("@")
    if not at or not domain:
        return False
    domain = domain.lower().rstrip(".")
    for internal in internal_domains:
        internal = internal.lower().strip().lstrip("@").rstrip(".")
        if internal and (domain == internal or domain.endswith("." + internal)):
            return True
    return False


def external_recipients(addresses: Iterable[str], internal_domains: Iterable[str]) -> list[str]:
    domains = list(internal_domains)
    return [a for a in addresses if not is_internal(a, domains)]
