"""POST /api/v1/documents with .pptx, .xlsx, .csv and ODF files, and POST /api/v1/documents/table (the Excel
pane's sheets): located findings, redaction, the deck notice, hostile files refused."""

from __future__ import annotations

import base64
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.nlp.documents.office_builders import csv_bytes, odp_bytes, ods_bytes, odt_bytes, pptx_bytes, xlsx_bytes

FILES = {"名冊.xlsx": xlsx_bytes, "名冊.csv": csv_bytes, "名冊.ods": ods_bytes, "簡報.pptx": pptx_bytes,
         "紀錄.odt": odt_bytes, "簡報.odp": odp_bytes}


def upload(client: Any, auth: dict[str, str], data: bytes, name: str, query: str = "") -> Any:
    return client.post(f"/api/v1/documents{query}", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", headers=auth)


@pytest.mark.parametrize("name", list(FILES))
def test_scan_report_has_locations(client: Any, auth: dict[str, str], name: str) -> None:
    response = upload(client, auth, FILES[name](), name)
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    assert report["verdict"] == "redact" and report["filename"] == name
    assert all(finding["location"] for finding in report["findings"])


def test_redacted_workbook_comes_back_in_json(client: Any, auth: dict[str, str]) -> None:
    response = upload(client, auth, xlsx_bytes(), "名冊.xlsx", "?action=redact&mode=placeholder")
    assert response.status_code == 200
    answer = response.get_json()
    assert answer["filename"].endswith("-redacted.xlsx")
    workbook = load_workbook(io.BytesIO(base64.b64decode(answer["document"])))
    assert workbook["名冊"]["C3"].value in answer["placeholder_map"]


def test_notice_on_a_deck_and_refused_for_a_sheet(client: Any, auth: dict[str, str]) -> None:
    response = upload(client, auth, pptx_bytes(), "簡報.pptx", "?action=notice")
    assert response.status_code == 200 and response.mimetype.endswith("presentationml.presentation")
    refused = upload(client, auth, xlsx_bytes(), "名冊.xlsx", "?action=notice")
    assert refused.status_code == 415 and "聲明" in refused.get_json()["error"]["message"]["zh-TW"]


def test_blocked_deck_is_not_redacted_and_macros_are_refused(client: Any, auth: dict[str, str]) -> None:
    blocked = upload(client, auth, pptx_bytes(marking_in="title"), "簡報.pptx", "?action=redact")
    assert blocked.status_code == 422
    from tests.nlp.documents.builders import rezip, zip_entries

    entries = zip_entries(xlsx_bytes())
    entries["xl/vbaProject.bin"] = b"VBA"
    refused = upload(client, auth, rezip(entries), "名冊.xlsx")
    assert refused.status_code == 415 and "巨集" in refused.get_json()["error"]["message"]["zh-TW"]


SHEET = {"name": "名冊", "rows": [["姓名", "電話", "金額"], ["林美", "0912345678", 3500], ["陳志", None, "0223456789"]],
         "origin": [4, 1], "header_row": 0}


def test_table_scan_is_header_aware_with_cells(client: Any, auth: dict[str, str]) -> None:
    response = client.post("/api/v1/documents/table", json={"sheets": [SHEET], "channel": "excel"}, headers=auth)
    assert response.status_code == 200, response.get_json()
    cells = {(f["type"], f["location"]["cell"]) for f in response.get_json()["findings"]}
    assert cells == {("PERSON", "B6"), ("PHONE", "C6"), ("PERSON", "B7")}


def test_table_redact_gives_tab_separated_text(client: Any, auth: dict[str, str]) -> None:
    body = {"sheets": [SHEET], "action": "redact", "mode": "placeholder", "channel": "excel"}
    answer = client.post("/api/v1/documents/table", json=body, headers=auth).get_json()
    lines = answer["text"].split("\n")
    assert lines[0] == "姓名\t電話\t金額" and lines[1].split("\t")[2] == "3500"
    assert answer["placeholder_map"][lines[1].split("\t")[0]] == "林美"
    blocked = {"sheets": [{**SHEET, "name": "名冊（限閱）"}], "action": "redact"}
    assert client.post("/api/v1/documents/table", json=blocked, headers=auth).status_code == 422
