"""Render the Office add-in manifests (Word, PowerPoint and Excel ``TaskPaneApp``, Outlook ``MailApp``) for one
environment.

One XML add-in per host: a manifest's ``Requirements`` apply to every ``Host`` it lists, so one add-in naming
Document, Presentation and Workbook could not ask WordApi 1.3 of Word, PowerPointApi 1.5 of PowerPoint and
ExcelApi 1.7 of Excel; and Outlook needs a ``MailApp`` anyway.

The templates live in ``manifest/`` and are never edited per environment: ``aiguard manifest --base-url
https://HOST --client-id ID --out DIR [--environment prod]`` fills in

- the base URL of the server (every page, icon and script is under ``BASE_URL/addin/``);
- the Entra ID application (client) ID, in ``WebApplicationInfo`` and on the pages' URLs (``?client_id=``),
  and the resource ``api://HOST/CLIENT-ID``;
- the add-in ids: stable per environment, ``uuid5`` of the environment name and the host, so rendering
  again never makes Office see a new add-in;
- the version, from ``manifest/VERSION``.

Version rule: Office asks the administrator to consent again only when ``<Version>`` grows, and it must
grow whenever what the add-in may do changes (permissions, requirement sets, launch events, Graph scopes,
hosts, extension points). ``manifest/VERSION`` records the version and a fingerprint of exactly those
parts (:func:`consent_fingerprint`); a test fails when the templates change them without a new version.
Text, icons and URLs can change without a bump.

>>> addin_id("prod", "word") == addin_id("prod", "word") != addin_id("test", "word")
True
>>> manifest_version_ok("1.0.12.0"), manifest_version_ok("1.0"), manifest_version_ok("v1")
(True, True, False)
"""

from __future__ import annotations

import hashlib
import re
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from lxml import etree

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "manifest"
VERSION_FILE = TEMPLATE_DIR / "VERSION"
TEMPLATES = {"word": "word.xml", "outlook": "outlook.xml", "powerpoint": "powerpoint.xml", "excel": "excel.xml"}
# Fixed namespace of AIGuard's add-in ids; changing it would make every deployment a new add-in.
ID_NAMESPACE = uuid.UUID("6f6d2a4e-3c0b-5b8e-9a57-2f1d0c9e4a11")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
ENVIRONMENT = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
VERSION = re.compile(r"^\d{1,5}(\.\d{1,5}){0,3}$")
PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


class ManifestError(ValueError):
    """A value given to the renderer is not usable; the message says which and why."""


def addin_id(environment: str, host: str) -> str:
    """The add-in's GUID for an environment and host (a key of TEMPLATES): the same on every render."""
    return str(uuid.uuid5(ID_NAMESPACE, f"aiguard/{environment}/{host}"))


def manifest_version_ok(version: str) -> bool:
    """Office's version format: one to four dot-separated numbers."""
    return bool(VERSION.match(version))


def read_version_file(path: Path = VERSION_FILE) -> dict[str, str]:
    """``key = value`` lines of ``manifest/VERSION`` (``version``, ``consent``); ``#`` starts a comment."""
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, equals, value = line.partition("=")
        if not equals:
            raise ManifestError(f"{path}: line {line!r} is not 'key = value'")
        entries[key.strip()] = value.strip()
    return entries


def consent_fingerprint(template_dir: Path = TEMPLATE_DIR) -> str:
    """A hash of what administrators consent to: permissions, requirement sets, events, scopes, hosts.

    Computed from the templates, so it does not depend on the environment a manifest is rendered for.
    """
    parts: list[str] = []
    for host, name in sorted(TEMPLATES.items()):
        root = etree.fromstring((template_dir / name).read_bytes())
        parts.append(f"[{host}]")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if local in ("Permissions", "Scope"):
                parts.append(f"{local}={(element.text or '').strip()}")
            elif local in ("Set", "Host", "LaunchEvent", "ExtensionPoint", "Sets", "Rule"):
                attributes = ",".join(
                    f"{etree.QName(k).localname}={v}" for k, v in sorted(element.attrib.items())
                )
                parts.append(f"{local}({attributes})")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _check_base_url(base_url: str) -> tuple[str, str]:
    """The base URL without a trailing slash, and its host (with port) for ``api://HOST/CLIENT-ID``."""
    parts = urlsplit(base_url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise ManifestError(
            f"--base-url must be an https:// URL (Office loads add-ins only over HTTPS), not {base_url!r}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ManifestError("--base-url must not carry a query, fragment or credentials")
    return f"https://{parts.netloc}{parts.path.rstrip('/')}", parts.netloc


def render_manifests(
    base_url: str,
    client_id: str,
    out_dir: Path,
    environment: str = "prod",
    version: str | None = None,
) -> list[Path]:
    """Write ``aiguard-{word,outlook,powerpoint,excel}-ENV.xml`` into ``out_dir``; return their paths."""
    base, host = _check_base_url(base_url)
    if not GUID.match(client_id or ""):
        raise ManifestError(
            f"--client-id must be the application (client) ID GUID from Entra ID, not {client_id!r}"
        )
    if not ENVIRONMENT.match(environment or ""):
        raise ManifestError("--environment must be lower-case letters, digits and hyphens (e.g. prod, test)")
    version = version or read_version_file().get("version", "")
    if not manifest_version_ok(version):
        raise ManifestError(f"version {version!r} must be one to four dot-separated numbers, e.g. 1.0.0.0")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind, template_name in TEMPLATES.items():
        values = {
            "BASE_URL": base,
            "HOST": host,
            "CLIENT_ID": client_id.lower(),
            "ADDIN_ID": addin_id(environment, kind),
            "VERSION": version,
            "NAME_SUFFIX": "" if environment == "prod" else f" ({environment})",
        }
        template = (TEMPLATE_DIR / template_name).read_text(encoding="utf-8")

        def fill(match: re.Match[str], values: dict[str, str] = values) -> str:
            name = match.group(1)
            if name not in values:
                raise ManifestError(f"template {template_name} uses an unknown placeholder {{{{{name}}}}}")
            return escape(values[name], {'"': "&quot;"})

        rendered = PLACEHOLDER.sub(fill, template)
        etree.fromstring(rendered.encode("utf-8"))  # well-formed, or lxml says where not
        path = out_dir / f"aiguard-{kind}-{environment}.xml"
        path.write_text(rendered, encoding="utf-8")
        written.append(path)
    return written


def manifest_command(args: Any) -> int:
    """``aiguard manifest``: render every manifest; exit 0, or 2 with the reason on stderr."""
    try:
        paths = render_manifests(
            base_url=args.base_url,
            client_id=args.client_id,
            out_dir=Path(args.out),
            environment=getattr(args, "environment", None) or "prod",
            version=getattr(args, "version", None),
        )
    except (ManifestError, OSError) as error:
        print(f"aiguard manifest: {error}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0
