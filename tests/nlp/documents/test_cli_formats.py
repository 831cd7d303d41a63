"""aiguard scan|redact|notice on .pptx, .xlsx, .csv and ODF files: locations, exit codes, nothing half-written."""

from __future__ import annotations

import json

from nlp.cli import main
from nlp.documents.docx import read_custom_properties

from .office_builders import csv_bytes, odt_bytes, pptx_bytes, xlsx_bytes


def test_scan_json_gives_cell_locations(tmp_path, capsys):
    path = tmp_path / "名冊.xlsx"
    path.write_bytes(xlsx_bytes())
    assert main(["scan", "--json", str(path)]) == 3
    report = json.loads(capsys.readouterr().out)
    names = [f for f in report["findings"] if f["type"] == "PERSON"]
    assert [f["location"]["cell"] for f in names] == ["B3", "B4"]


def test_scan_blocked_deck_exits_4(tmp_path, capsys):
    path = tmp_path / "簡報.pptx"
    path.write_bytes(pptx_bytes(marking_in="notes"))
    assert main(["scan", str(path)]) == 4
    assert "封鎖" in capsys.readouterr().out


def test_redact_csv_with_map_and_notice_on_a_deck(tmp_path, capsys):
    source, out, mapping = tmp_path / "list.csv", tmp_path / "list-redacted.csv", tmp_path / "map.json"
    source.write_bytes(csv_bytes())
    assert main(["redact", "--mode", "placeholder", str(source), "--out", str(out), "--map-out", str(mapping)]) == 0
    assert "A123456789" not in out.read_text(encoding="utf-8-sig")
    assert "A123456789" in json.loads(mapping.read_text(encoding="utf-8")).values()
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(pptx_bytes())
    assert main(["notice", str(deck)]) == 0
    assert read_custom_properties(deck.read_bytes())["AIAssisted"] is True


def test_refused_file_writes_nothing(tmp_path, capsys):
    source, out = tmp_path / "bad.odt", tmp_path / "out.odt"
    source.write_bytes(odt_bytes()[:300])
    assert main(["redact", str(source), "--out", str(out)]) == 1
    assert not out.exists()
    assert "損毀" in capsys.readouterr().err
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(xlsx_bytes())
    assert main(["notice", str(sheet)]) == 1
    assert main(["redact", str(sheet)]) == 2  # --out is required
