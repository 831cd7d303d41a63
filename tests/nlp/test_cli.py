"""The real `aiguard` command line, run as a subprocess.

Exit codes, JSON shapes, zh-TW output, round trips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLASSIFIED = "密等及解密條件或保密期限：機密（解密條件：公布後解密）\n主旨：檢送資料。\n"
PERSONAL = "承辦人：王小明，手機0912-345-678，身分證字號A123456789。\n請王小明先生回覆。\n"
CLEAN = "主旨：請派員出席114年度資訊安全會議，請查照。\n"


def aiguard(*args, stdin=None):
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "nlp.cli", *args],
        input=stdin.encode("utf-8") if isinstance(stdin, str) else stdin,
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=60,
    )


def out(proc) -> str:
    return proc.stdout.decode("utf-8")


def err(proc) -> str:
    return proc.stderr.decode("utf-8")


@pytest.fixture
def files(tmp_path):
    def _write(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write


@pytest.mark.parametrize(
    ("content", "code"), [(CLEAN, 0), (PERSONAL, 3), (CLASSIFIED, 4), ("> 【限閱】\n> 原信", 4)]
)
def test_exit_codes_allow_redact_block(files, content, code):
    assert aiguard("scan", files("draft.txt", content)).returncode == code


def test_big5_text_file_is_read(files):
    assert aiguard("scan", files("big5.txt", "承辦人：王小明".encode("big5"))).returncode == 3


def test_unreadable_input_exits_1(files, tmp_path):
    missing = aiguard("scan", str(tmp_path / "absent.txt"))
    assert missing.returncode == 1 and "無法讀取" in err(missing) and "cannot read" in err(missing)
    binary = aiguard("scan", files("bin.txt", b"\xff\xfe\x00\xd8\x81\x00\xff"))
    assert binary.returncode == 1 and "UTF-8" in err(binary)


def test_bad_policy_exits_2(files):
    policy = files("policy.toml", "[types]\nEMAIL = 'delete'\n")
    proc = aiguard("--policy", policy, "scan", files("a.txt", CLEAN))
    assert proc.returncode == 2
    assert "types.EMAIL" in err(proc) and "政策檔錯誤" in err(proc)
    broken = aiguard("--policy", files("broken.toml", "[types\n"), "scan", files("b.txt", CLEAN))
    assert broken.returncode == 2


def test_policy_changes_the_verdict(files):
    policy = files("policy.toml", "[types]\nPHONE = 'block'\nPERSON = 'ignore'\nTW_NATIONAL_ID = 'ignore'\n")
    proc = aiguard("--policy", policy, "scan", "--json", files("a.txt", PERSONAL))
    assert proc.returncode == 4
    assert [f["type"] for f in json.loads(out(proc))["findings"]] == ["PHONE"]


def test_json_shape(files):
    proc = aiguard("scan", "--json", files("a.txt", PERSONAL))
    assert proc.returncode == 3
    data = json.loads(out(proc))
    assert data["verdict"] == "redact"
    assert data["basis"]["article"] == "第肆章第7條第2款"
    assert data["counts"] == {"PERSON": 2, "PHONE": 1, "TW_NATIONAL_ID": 1}
    for finding in data["findings"]:
        assert {"type", "start", "end", "text", "score", "basis"} <= set(finding)
        assert PERSONAL[finding["start"] : finding["end"]] == finding["text"]
        assert finding["basis"]["article"].startswith("第肆章")


def test_json_classified_reports_level(files):
    data = json.loads(out(aiguard("scan", "--json", files("a.txt", CLASSIFIED))))
    assert data["verdict"] == "block" and data["basis"]["article"] == "第肆章第7條第1款"
    assert [(f["type"], f["level"]) for f in data["findings"]] == [("CLASSIFIED", "機密")]


def test_stdin_dash():
    proc = aiguard("scan", "--json", "-", stdin=PERSONAL)
    assert proc.returncode == 3 and json.loads(out(proc))["verdict"] == "redact"
    assert aiguard("scan", "-", stdin=CLEAN).returncode == 0


def test_human_output_is_zh_tw_with_a_summary_line(files):
    proc = aiguard("scan", files("a.txt", PERSONAL), files("b.txt", CLASSIFIED), files("c.txt", CLEAN))
    assert proc.returncode == 4  # the strongest verdict decides
    text = out(proc)
    assert "判定" in text and "需遮蔽" in text and "封鎖" in text and "可使用" in text
    assert "第1行 [姓名] 「王小明」" in text and "第1行 [機密等級標示（機密）] 「機密」" in text
    summary = text.strip().splitlines()[-1]
    assert summary.startswith("摘要：共 3 份，封鎖 1、需遮蔽 1、可使用 1")
    assert "3 scanned: 1 block, 1 redact, 1 allow" in summary


def test_jsonl_batch_with_a_malformed_line():
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": PERSONAL}, ensure_ascii=False),
            "not json",
            json.dumps({"id": "c"}),
            "",
            json.dumps({"id": "d", "text": "【限閱】"}, ensure_ascii=False),
            json.dumps({"id": "e", "text": CLEAN}, ensure_ascii=False),
        ]
    )
    proc = aiguard("scan", "--jsonl", stdin=lines + "\n")
    records = [json.loads(line) for line in out(proc).splitlines()]
    assert [r.get("id") for r in records] == ["a", None, None, "d", "e"]
    assert [r.get("verdict") for r in records] == ["redact", None, None, "block", "allow"]
    assert records[1]["line"] == 2 and records[2]["line"] == 3
    assert records[1]["error"]["zh-TW"] and records[1]["error"]["en"]
    assert proc.returncode == 1  # an unreadable record is an input error


def test_jsonl_batch_exit_code_is_the_strongest_verdict(files):
    lines = "\n".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate([CLEAN, PERSONAL])
    )
    assert aiguard("scan", "--jsonl", files("batch.jsonl", lines)).returncode == 3


def test_redact_restore_round_trip_through_files(files, tmp_path):
    source = files("draft.txt", PERSONAL)
    redacted, mapping = tmp_path / "redacted.txt", tmp_path / "map.json"
    proc = aiguard(
        "redact", source, "--mode", "placeholder", "--out", str(redacted), "--map-out", str(mapping)
    )
    assert proc.returncode == 0, err(proc)
    redacted_text = redacted.read_text(encoding="utf-8")
    assert "王小明" not in redacted_text and "A123456789" not in redacted_text
    assert "〔姓名1〕" in redacted_text
    placeholder_map = json.loads(mapping.read_text(encoding="utf-8"))
    assert placeholder_map["〔姓名1〕"] == "王小明"
    # the AI rewrites the brackets
    answer = files("answer.txt", redacted_text.replace("〔姓名1〕", "【姓名 1】"))
    restored = aiguard("restore", answer, "--map", str(mapping))
    assert restored.returncode == 0
    assert out(restored) == PERSONAL


def test_redact_mask_to_stdout(files):
    proc = aiguard("redact", files("a.txt", "承辦人：王小明"))
    assert proc.returncode == 0 and out(proc) == "承辦人：王○明"
    assert "已遮蔽 1 項" in err(proc)


def test_redact_refuses_a_blocked_text(files, tmp_path):
    target = tmp_path / "out.txt"
    proc = aiguard("redact", files("a.txt", CLASSIFIED + PERSONAL), "--out", str(target))
    assert proc.returncode == 4 and "第肆章第7條第1款" in err(proc)
    assert not target.exists()


def test_restore_with_a_bad_map_exits_1(files):
    proc = aiguard("restore", files("a.txt", "〔姓名1〕"), "--map", files("map.json", "[1, 2]"))
    assert proc.returncode == 1


def test_notice_on_a_txt_is_inserted_once(files, tmp_path):
    target = tmp_path / "with-notice.txt"
    proc = aiguard("notice", files("a.txt", CLEAN), "--out", str(target))
    assert proc.returncode == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith("【AI 生成聲明】") and first.endswith(CLEAN)
    assert "第肆章第1條" in err(proc)  # the final-judgment reminder goes with the notice
    again = aiguard("notice", str(target))
    assert out(again) == first
    english = aiguard("notice", files("b.txt", CLEAN), "--lang", "en")
    assert out(english).startswith("[AI-generated notice]")
