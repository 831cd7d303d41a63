"""Structural checks of the PowerPoint and Excel manifests (one XML add-in per host, as Word's).

The common checks (schema order, resource ids, URLs on the base URL with the files present, string lengths,
WebApplicationInfo) run here over both new manifests; the host, requirement set, pane page and ribbon are
each host's own.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from server import manifests
from server.addin_files import serves
from tests.manifest.test_manifests import (
    ADDIN,
    BASE_URL,
    CLIENT_ID,
    NS,
    TASKPANE_ORDER,
    XSI_TYPE,
    elements,
    local,
)

HOSTS = {
    # kind: (Host name, requirement set, its minimum, pane page)
    "powerpoint": ("Presentation", "PowerPointApi", "1.5", "taskpane/powerpoint.html"),
    "excel": ("Workbook", "ExcelApi", "1.7", "taskpane/excel.html"),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, etree._Element]:
    paths = manifests.render_manifests(BASE_URL, CLIENT_ID, tmp_path_factory.mktemp("m"), environment="test")
    by_name = {Path(p).name: p for p in paths}
    return {kind: etree.parse(str(by_name[f"aiguard-{kind}-test.xml"])).getroot() for kind in HOSTS}


@pytest.mark.parametrize("kind", HOSTS)
def test_one_task_pane_add_in_per_host_with_its_own_id(rendered, kind):
    root = rendered[kind]
    host, _, _, _ = HOSTS[kind]
    assert root.get(XSI_TYPE) == "TaskPaneApp"
    children = [local(c) for c in root if isinstance(c.tag, str)]
    assert children == [name for name in TASKPANE_ORDER if name in children]
    assert [h.get("Name") for h in root.iterfind("o:Hosts/o:Host", NS)] == [host]
    overrides = root.find("tp:VersionOverrides", NS)
    assert [h.get(XSI_TYPE) for h in overrides.iterfind("tp:Hosts/tp:Host", NS)] == [host]
    assert root.findtext("o:Id", namespaces=NS) == manifests.addin_id("test", kind)
    ids = {manifests.addin_id("test", other) for other in manifests.TEMPLATES}
    assert len(ids) == len(manifests.TEMPLATES)
    assert "AIGuard (test)" in etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize("kind", HOSTS)
def test_requirement_set_is_the_hosts_own(rendered, kind):
    _, set_name, minimum, _ = HOSTS[kind]
    sets = {(s.get("Name"), s.get("MinVersion")) for s in rendered[kind].iterfind("o:Requirements/o:Sets/o:Set", NS)}
    assert sets == {(set_name, minimum)}
    # The pane's code uses nothing newer without asking isSetSupported first.
    script = (ADDIN / HOSTS[kind][3].replace(".html", ".js")).read_text(encoding="utf-8")
    assert "isSetSupported" in script


@pytest.mark.parametrize("kind", HOSTS)
def test_pane_url_ribbon_button_and_no_launch_event(rendered, kind):
    root = rendered[kind]
    page = HOSTS[kind][3]
    text = etree.tostring(root, encoding="unicode")
    assert root.find("o:DefaultSettings/o:SourceLocation", NS).get("DefaultValue") == (
        f"{BASE_URL}/addin/{page}?client_id={CLIENT_ID}"
    )
    overrides = root.find("tp:VersionOverrides", NS)
    urls = {u.get("id"): u.get("DefaultValue") for u in overrides.iterfind(".//bt:Url", NS)}
    actions = overrides.findall(".//tp:Action", NS)
    assert [a.get(XSI_TYPE) for a in actions] == ["ShowTaskpane"]
    pane_url = f"{BASE_URL}/addin/{page}?client_id={CLIENT_ID}"
    assert urls[actions[0].find("tp:SourceLocation", NS).get("resid")] == pane_url
    assert overrides.find(".//tp:OfficeTab", NS).get("id") == "TabHome"
    assert "LaunchEvent" not in text and "Runtimes" not in text  # OnDocumentOpened is Word's only


@pytest.mark.parametrize("kind", HOSTS)
def test_every_resid_defined_and_used_and_urls_exist(rendered, kind):
    root = rendered[kind]
    resources = [
        e.get("id")
        for e in elements(root)
        if local(e) in ("Image", "Url", "String")
        and e.getparent() is not None
        and local(e.getparent()) in ("Images", "Urls", "ShortStrings", "LongStrings")
    ]
    assert len(resources) == len(set(resources))
    used = {e.get("resid") for e in elements(root) if e.get("resid")}
    assert used == set(resources)
    for element in elements(root):
        for value in (element.get("DefaultValue", ""), element.get("Value", ""), (element.text or "").strip()):
            if "://" not in value or value.startswith("api://") or value == "https://login.microsoftonline.com":
                continue
            assert value == BASE_URL or value.startswith(BASE_URL + "/addin/"), value
            if value != BASE_URL:
                assert serves(ADDIN, urlsplit(value).path.removeprefix("/addin/")), value  # file or rendered pane


@pytest.mark.parametrize("kind", HOSTS)
def test_web_application_info_and_strings(rendered, kind):
    overrides = rendered[kind].find("tp:VersionOverrides", NS)
    children = [local(c) for c in overrides if isinstance(c.tag, str)]
    assert children[-2:] == ["Resources", "WebApplicationInfo"]
    info = overrides.find("tp:WebApplicationInfo", NS)
    assert info.findtext("tp:Id", namespaces=NS) == CLIENT_ID
    assert info.findtext("tp:Resource", namespaces=NS) == f"api://{urlsplit(BASE_URL).netloc}/{CLIENT_ID}"
    for string in rendered[kind].iterfind(".//bt:ShortStrings/bt:String", NS):
        assert len(string.get("DefaultValue")) <= 125
    for string in rendered[kind].iterfind(".//bt:LongStrings/bt:String", NS):
        assert len(string.get("DefaultValue")) <= 250
        assert string.find("bt:Override", NS).get("Locale") == "en-US"
    assert len(rendered[kind].findtext("o:Description", default="", namespaces=NS)) <= 250
