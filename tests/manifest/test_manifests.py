"""Structural checks of the rendered add-in manifests (Microsoft's validator needs the internet).

Each manifest is rendered for a test environment and read with lxml: ids, resource references, URLs,
requirement sets, the on-send event, WebApplicationInfo placement and the version rule.
"""

from __future__ import annotations

import argparse
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from server import manifests
from server.addin_files import assemble_event_script, serves

REPO = Path(__file__).resolve().parents[2]
ADDIN = REPO / "addin"
BASE_URL = "https://aiguard.example.gov.tw:8443"
CLIENT_ID = "0b5e2f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "tp": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    "m": "http://schemas.microsoft.com/office/mailappversionoverrides",
    "m11": "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XSI_TYPE = f"{{{NS['xsi']}}}type"
# The schema's order of OfficeApp's children (elements we do not use left out).
TASKPANE_ORDER = [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
]
MAIL_ORDER = [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "VersionOverrides",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, etree._Element]:
    out = tmp_path_factory.mktemp("manifests")
    paths = manifests.render_manifests(BASE_URL + "/", CLIENT_ID, out, environment="test")
    assert [p.name for p in paths] == [
        "aiguard-word-test.xml",
        "aiguard-outlook-test.xml",
        "aiguard-powerpoint-test.xml",
        "aiguard-excel-test.xml",
    ]
    return {kind: etree.parse(str(path)).getroot() for kind, path in zip(manifests.TEMPLATES, paths)}


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def elements(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str)]


@pytest.mark.parametrize(
    "kind, app_type, order", [("word", "TaskPaneApp", TASKPANE_ORDER), ("outlook", "MailApp", MAIL_ORDER)]
)
def test_top_level_elements_in_schema_order(rendered, kind, app_type, order):
    root = rendered[kind]
    assert root.get(XSI_TYPE) == app_type
    children = [local(child) for child in root if isinstance(child.tag, str)]
    assert children == [name for name in order if name in children]
    assert {
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "Permissions",
    } <= set(children)


def test_ids_are_stable_per_environment_and_differ_between_hosts(rendered, tmp_path):
    word_id = rendered["word"].findtext("o:Id", namespaces=NS)
    outlook_id = rendered["outlook"].findtext("o:Id", namespaces=NS)
    assert word_id == manifests.addin_id("test", "word")
    assert outlook_id == manifests.addin_id("test", "outlook")
    assert word_id != outlook_id
    again = manifests.render_manifests(BASE_URL, CLIENT_ID, tmp_path, environment="test")
    assert etree.parse(str(again[0])).getroot().findtext("o:Id", namespaces=NS) == word_id
    prod = manifests.render_manifests(BASE_URL, CLIENT_ID, tmp_path, environment="prod")
    assert etree.parse(str(prod[0])).getroot().findtext("o:Id", namespaces=NS) != word_id
    assert "AIGuard (test)" in etree.tostring(rendered["word"], encoding="unicode")
    assert "(prod)" not in prod[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["word", "outlook"])
def test_ids_unique_and_every_resid_defined_and_used(rendered, kind):
    root = rendered[kind]
    resources = [
        e
        for e in elements(root)
        if local(e) in ("Image", "Url", "String")
        and e.getparent() is not None
        and local(e.getparent()) in ("Images", "Urls", "ShortStrings", "LongStrings")
    ]
    resource_ids = [e.get("id") for e in resources]
    assert len(resource_ids) == len(set(resource_ids)), "duplicate resource id"
    control_ids = [
        e.get("id") for e in elements(root) if local(e) in ("Group", "Control", "OfficeTab") and e.get("id")
    ]
    group_and_control_ids = [i for i in control_ids if not i.startswith("Tab")]
    assert len(group_and_control_ids) == len(set(group_and_control_ids)), "duplicate control id"
    used = {e.get("resid") for e in elements(root) if e.get("resid")}
    assert used <= set(resource_ids), f"undefined resid: {used - set(resource_ids)}"
    assert set(resource_ids) <= used, f"unused resources: {set(resource_ids) - used}"


@pytest.mark.parametrize("kind", ["word", "outlook"])
def test_every_url_is_https_on_the_base_url_and_the_file_exists(rendered, kind):
    urls = []
    for element in elements(rendered[kind]):
        for attribute in ("DefaultValue", "Value"):
            value = element.get(attribute, "")
            if "://" in value:
                urls.append(value)
        if local(element) in ("AppDomain", "SourceLocation") and element.text and "://" in element.text:
            urls.append(element.text.strip())
    assert len(urls) > 8
    for url in urls:
        assert url.startswith("https://"), url
        if url == "https://login.microsoftonline.com":
            continue
        assert url == BASE_URL or url.startswith(BASE_URL + "/addin/"), url
        if url != BASE_URL:
            path = urlsplit(url).path.removeprefix("/addin/")
            assert serves(ADDIN, path), f"{url} points at a page the server does not have"


@pytest.mark.parametrize("kind, page", [("word", "taskpane/word.html"), ("outlook", "taskpane/outlook.html")])
def test_pane_urls_carry_the_client_id(rendered, kind, page):
    text = etree.tostring(rendered[kind], encoding="unicode")
    assert f"{BASE_URL}/addin/{page}?client_id={CLIENT_ID}" in text


def test_requirement_sets(rendered):
    word_sets = {
        (s.get("Name"), s.get("MinVersion"))
        for s in rendered["word"].iterfind("o:Requirements/o:Sets/o:Set", NS)
    }
    assert word_sets == {("WordApi", "1.3")}  # custom document properties need WordApi 1.3
    outlook = rendered["outlook"]
    assert {
        (s.get("Name"), s.get("MinVersion")) for s in outlook.iterfind("o:Requirements/o:Sets/o:Set", NS)
    } == {("Mailbox", "1.3")}
    v11 = outlook.find("m:VersionOverrides/m11:VersionOverrides", NS)
    assert v11.get(XSI_TYPE) == "VersionOverridesV1_1"
    sets = v11.find("m11:Requirements/bt:Sets", NS)
    assert sets.get("DefaultMinVersion") == "1.12"  # Smart Alerts
    assert [s.get("Name") for s in sets.iterfind("bt:Set", NS)] == ["Mailbox"]


def test_on_send_event_blocks_and_matches_the_script(rendered):
    v11 = rendered["outlook"].find("m:VersionOverrides/m11:VersionOverrides", NS)
    events = v11.findall(".//m11:LaunchEvent", NS)
    assert [(e.get("Type"), e.get("FunctionName"), e.get("SendMode")) for e in events] == [
        ("OnMessageSend", "onMessageSendHandler", "Block")
    ]
    script = assemble_event_script(ADDIN, "onsend")  # one file, as the server serves it
    assert 'Office.actions.associate("onMessageSendHandler", api.onMessageSendHandler);' in script
    assert not re.search(r"^\s*import ", script, re.MULTILINE)
    runtime = v11.find(".//m11:Runtimes/m11:Runtime", NS)
    launch_point = [p for p in v11.iterfind(".//m11:ExtensionPoint", NS) if p.get(XSI_TYPE) == "LaunchEvent"][
        0
    ]
    assert launch_point.find("m11:SourceLocation", NS).get("resid") == runtime.get("resid")
    urls = {u.get("id"): u.get("DefaultValue") for u in v11.iterfind(".//bt:Url", NS)}
    assert urls[runtime.get("resid")].startswith(f"{BASE_URL}/addin/commands/onsend.html")
    override = runtime.find("m11:Override", NS)
    assert override.get("type") == "javascript"
    assert urls[override.get("resid")] == f"{BASE_URL}/addin/commands/onsend.js"
    # Smart Alerts' "open the pane" button names a task-pane control of this manifest.
    match = re.search(r'OPEN_PANE_COMMAND_ID = "([^"]+)"', script)
    controls = {c.get("id"): c for c in v11.iterfind(".//m11:Control", NS)}
    assert match and match.group(1) in controls
    assert controls[match.group(1)].find("m11:Action", NS).get(XSI_TYPE) == "ShowTaskpane"


def test_word_document_open_event_matches_the_script(rendered):
    overrides = rendered["word"].find("tp:VersionOverrides", NS)
    events = overrides.findall(".//tp:LaunchEvent", NS)
    assert [(e.get("Type"), e.get("FunctionName")) for e in events] == [
        ("OnDocumentOpened", "onDocumentOpenedHandler")
    ]
    script = assemble_event_script(ADDIN, "onopen")  # one file, as the server serves it
    assert 'Office.actions.associate("onDocumentOpenedHandler", api.onDocumentOpenedHandler);' in script
    assert not re.search(r"^\s*import ", script, re.MULTILINE)
    runtime = overrides.find("tp:Hosts/tp:Host/tp:Runtimes/tp:Runtime", NS)
    launch_point = [p for p in overrides.iterfind(".//tp:ExtensionPoint", NS) if p.get(XSI_TYPE) == "LaunchEvent"]
    assert len(launch_point) == 1
    assert launch_point[0].find("tp:SourceLocation", NS).get("resid") == runtime.get("resid")
    urls = {u.get("id"): u.get("DefaultValue") for u in overrides.iterfind(".//bt:Url", NS)}
    assert urls[runtime.get("resid")] == f"{BASE_URL}/addin/commands/commands.html"
    override = runtime.find("tp:Override", NS)
    assert override.get("type") == "javascript"
    assert urls[override.get("resid")] == f"{BASE_URL}/addin/commands/onopen.js"
    page = (ADDIN / "commands" / "commands.html").read_text(encoding="utf-8")
    assert '<script src="onopen.js"></script>' in page  # Office on the web runs the event in the page


def test_web_application_info_placement_and_values(rendered):
    host = urlsplit(BASE_URL).netloc
    word_overrides = rendered["word"].find("tp:VersionOverrides", NS)
    outlook_overrides = rendered["outlook"].find("m:VersionOverrides/m11:VersionOverrides", NS)
    for overrides, ns in ((word_overrides, "tp"), (outlook_overrides, "m11")):
        children = [local(c) for c in overrides if isinstance(c.tag, str)]
        assert children[-2:] == ["Resources", "WebApplicationInfo"], children
        info = overrides.find(f"{ns}:WebApplicationInfo", NS)
        assert info.findtext(f"{ns}:Id", namespaces=NS) == CLIENT_ID
        assert info.findtext(f"{ns}:Resource", namespaces=NS) == f"api://{host}/{CLIENT_ID}"
        assert [s.text for s in info.iterfind(f"{ns}:Scopes/{ns}:Scope", NS)] == [
            "User.Read",
            "openid",
            "profile",
        ]
    assert rendered["word"].findall(".//tp:WebApplicationInfo", NS) == [
        word_overrides.find("tp:WebApplicationInfo", NS)
    ]
    assert len(rendered["outlook"].findall(".//m11:WebApplicationInfo", NS)) == 1


@pytest.mark.parametrize("kind", ["word", "outlook"])
def test_string_lengths_and_locales(rendered, kind):
    root = rendered[kind]
    for string in root.iterfind(".//bt:ShortStrings/bt:String", NS):
        assert len(string.get("DefaultValue")) <= 125
    for string in root.iterfind(".//bt:LongStrings/bt:String", NS):
        assert len(string.get("DefaultValue")) <= 250
        assert string.find("bt:Override", NS).get("Locale") == "en-US"
    assert root.findtext("o:DefaultLocale", namespaces=NS) == "zh-TW"


def test_version_comes_from_the_version_file_and_tracks_consent(rendered, tmp_path):
    recorded = manifests.read_version_file()
    for root in rendered.values():
        assert root.findtext("o:Version", namespaces=NS) == recorded["version"]
    assert manifests.consent_fingerprint() == recorded["consent"], (
        "Permissions, requirement sets, events, scopes or hosts changed: bump `version` in manifest/VERSION "
        "(IT must consent again) and record the new `consent` fingerprint."
    )
    paths = manifests.render_manifests(BASE_URL, CLIENT_ID, tmp_path, version="1.0.1.0")
    assert "<Version>1.0.1.0</Version>" in paths[1].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "base_url, client_id, environment, version, problem",
    [
        ("http://aiguard.example", CLIENT_ID, "prod", None, "https"),
        ("https://aiguard.example/?x=1", CLIENT_ID, "prod", None, "query"),
        ("https://aiguard.example", "not-a-guid", "prod", None, "client-id"),
        ("https://aiguard.example", CLIENT_ID, "Prod Env", None, "environment"),
        ("https://aiguard.example", CLIENT_ID, "prod", "v2", "version"),
    ],
)
def test_bad_values_are_refused_with_the_reason(tmp_path, base_url, client_id, environment, version, problem):
    with pytest.raises(manifests.ManifestError, match=problem):
        manifests.render_manifests(base_url, client_id, tmp_path, environment=environment, version=version)


def test_command_line(tmp_path, capsys):
    args = argparse.Namespace(
        base_url=BASE_URL, client_id=CLIENT_ID, out=str(tmp_path), environment="prod", version=None
    )
    assert manifests.manifest_command(args) == 0
    assert capsys.readouterr().out.split() == [
        str(tmp_path / f"aiguard-{kind}-prod.xml") for kind in ("word", "outlook", "powerpoint", "excel")
    ]
    args.base_url = "http://insecure"
    assert manifests.manifest_command(args) == 2
    assert "https" in capsys.readouterr().err


@pytest.mark.parametrize("size", [16, 32, 64, 80, 128])
def test_icons_are_pngs_of_their_size(size):
    data = (ADDIN / "assets" / f"icon-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)
