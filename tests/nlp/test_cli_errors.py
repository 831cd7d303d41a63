"""Every command, every way an input can be missing or unreadable: one zh-TW/en line on stderr, exit 1, no traceback.

The table runs ``main()`` in-process (an exception escaping it fails the test just as a traceback would);
a few cases also run the real ``aiguard`` process to see its stderr whole.
"""

from __future__ import annotations

import errno
import json
import pathlib
import subprocess
import sys
from pathlib import Path

import pytest

import nlp.cli
from nlp.cli import main

REPO = Path(__file__).resolve().parents[2]
PERSONAL = "承辦人：王小明，手機0912-345-678。\n"

# {bad} is the path under test; {good} a readable text file; {map} a valid placeholder map; {out} a free path
COMMANDS = [
    ("scan", "{bad}"),
    ("scan", "--json", "{bad}"),
    ("scan", "--jsonl", "{bad}"),
    ("scan", "{bad}.docx"),
    ("scan", "{bad}.eml"),
    ("scan", "{bad}.xlsx"),
    ("scan", "--json", "{bad}.pptx"),
    ("scan", "{bad}.csv"),
    ("scan", "{bad}.odt"),
    ("redact", "{bad}"),
    ("redact", "--mode", "placeholder", "{bad}", "--out", "{out}", "--map-out", "{out}.json"),
    ("redact", "{bad}.docx", "--out", "{out}.docx"),
    ("redact", "{bad}.xlsx", "--out", "{out}.xlsx"),
    ("restore", "{bad}", "--map", "{map}"),
    ("restore", "{good}", "--map", "{bad}"),
    ("notice", "{bad}"),
    ("notice", "{bad}.docx"),
    ("notice", "{bad}.pptx", "--out", "{out}.pptx"),
]
IDS = [" ".join(command).replace("{", "").replace("}", "") for command in COMMANDS]

# how the path is bad -> (zh-TW reason, English reason) the message must give
REASONS = {
    "missing": ("找不到此檔案", "no such file"),
    "directory": ("這是資料夾", "is a directory"),
    "unreadable": ("沒有權限", "permission denied"),
}


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """Paths for the table, and a file system where ``locked*`` files exist but cannot be read (the tests run as
    root, where chmod 000 does not stop a read)."""
    (tmp_path / "good.txt").write_text(PERSONAL, encoding="utf-8")
    (tmp_path / "map.json").write_text(json.dumps({"〔姓名1〕": "王小明"}, ensure_ascii=False), encoding="utf-8")
    real_read_bytes, real_open = pathlib.Path.read_bytes, open

    def locked(path) -> bool:
        return Path(path).name.startswith("locked")

    def read_bytes(self):
        if locked(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and locked(file):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    monkeypatch.setattr(nlp.cli, "open", guarded_open, raising=False)
    return tmp_path


def _bad_path(workspace: Path, how: str, suffix: str) -> str:
    if how == "missing":
        return str(workspace / f"absent{suffix}")
    if how == "directory":
        folder = workspace / f"folder{suffix}"
        folder.mkdir(exist_ok=True)
        return str(folder)
    locked = workspace / f"locked{suffix}"
    locked.write_bytes(b"x")
    return str(locked)


def _arguments(command: tuple[str, ...], workspace: Path, how: str) -> list[str]:
    arguments = []
    for part in command:
        if part.startswith("{bad}"):
            arguments.append(_bad_path(workspace, how, part[len("{bad}"):]))
        else:
            arguments.append(
                part.replace("{good}", str(workspace / "good.txt"))
                .replace("{map}", str(workspace / "map.json"))
                .replace("{out}", str(workspace / "out"))
            )
    return arguments


@pytest.mark.parametrize("how", sorted(REASONS))
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_an_input_that_cannot_be_read_exits_1_with_one_message(workspace, capsys, command, how):
    arguments = _arguments(command, workspace, how)
    assert main(arguments) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    zh, en = REASONS[how]
    assert lines[0].startswith("aiguard: 無法讀取 ") and zh in lines[0]
    assert "cannot read " in lines[0] and en in lines[0]
    assert captured.out == ""
    assert not any(path.name.startswith("out") for path in workspace.iterdir())  # nothing half-written


@pytest.mark.parametrize(
    "command",
    [
        ("redact", "{good}", "--out", "{nowhere}/out.txt"),
        ("redact", "--mode", "placeholder", "{good}", "--out", "{out}.txt", "--map-out", "{nowhere}/map.json"),
        ("notice", "{good}", "--out", "{nowhere}/out.txt"),
        ("notice", "{good}", "--out", "{folder}"),
    ],
    ids=["redact --out", "redact --map-out", "notice --out", "notice --out onto a directory"],
)
def test_an_output_that_cannot_be_written_exits_1_with_one_message(workspace, capsys, command):
    (workspace / "folder").mkdir()
    arguments = [
        part.replace("{good}", str(workspace / "good.txt"))
        .replace("{out}", str(workspace / "out"))
        .replace("{nowhere}", str(workspace / "nowhere"))
        .replace("{folder}", str(workspace / "folder"))
        for part in command
    ]
    assert main(arguments) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aiguard: 無法寫入 ") and "cannot write " in lines[0]


@pytest.mark.parametrize(
    ("name", "content", "zh", "en"),
    [
        ("memo.docx", b"plain text, not a zip", "不是 Word 文件", "not a Word document"),
        ("roster.xlsx", b"PK\x03\x04 truncated", "損毀", "damaged"),
        ("deck.pptx", b"", "不是", "not"),
        ("batch.jsonl", b"\xff\xfe\x00\xd8 not utf-8\n", "不是 UTF-8", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_exits_1(workspace, capsys, name, content, zh, en):
    path = workspace / name
    path.write_bytes(content)
    arguments = ["scan", "--jsonl", str(path)] if name.endswith(".jsonl") else ["scan", str(path)]
    assert main(arguments) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and zh in lines[0] and en in lines[0], lines


def test_the_other_files_are_still_scanned_when_one_is_missing(workspace, capsys):
    assert main(["scan", str(workspace / "absent.txt"), str(workspace / "good.txt")]) == 1
    captured = capsys.readouterr()
    assert "無法讀取" in captured.err and "王小明" in captured.out and "摘要：共 1 份" in captured.out


def test_a_bad_map_names_the_map(workspace, capsys):
    (workspace / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["restore", str(workspace / "good.txt"), "--map", str(workspace / "list.json")]) == 1
    message = capsys.readouterr().err
    assert "list.json" in message and "對照表須為 JSON 物件" in message and "must be a JSON object" in message


@pytest.mark.parametrize(
    "arguments",
    [["scan", "--jsonl", "missing"], ["scan", "missing.docx"], ["redact", "."], ["notice", "missing.pptx"]],
    ids=["scan --jsonl missing", "scan missing.docx", "redact a directory", "notice missing.pptx"],
)
def test_the_real_command_prints_no_traceback(tmp_path, arguments):
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "nlp.cli", *arguments], capture_output=True, cwd=tmp_path, env=env, timeout=60
    )
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert "無法讀取" in stderr and "cannot read" in stderr
