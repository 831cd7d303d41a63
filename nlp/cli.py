"""`aiguard` command line: scan, redact, restore and notice on files; the server adds serve and manifest.

The engine knows nothing of the web: commands other parts of aiguard add (the server's ``serve`` and
``manifest``, ``server/cli.py``) are found through the entry-point group ``aiguard.commands``, each an object
with ``help``, ``add_arguments(parser)`` and ``run(args) -> int``; they are looked up only when the command
line names no engine command (so ``aiguard scan`` does not pay for the look-up).

Exit codes (scripts can rely on them):
  0  allow — nothing found that stops the text going to an AI tool
  3  redact — personal data present: redact or pseudonymise first
  4  block — a classification or restriction marking applies (no override)
  1  an input could not be read or an output could not be written: a missing file, a directory, a file
     without read permission, a file that is not what its name says — one line in zh-TW and en on stderr,
     never a traceback
  2  wrong usage or a malformed policy file
With several inputs the strongest verdict decides.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from nlp.articles import TYPE_LABELS
from nlp.engine import Engine
from nlp.finding import ALLOW, BLOCK, REDACT, ScanResult
from nlp.policy import PolicyError, load_policy

if TYPE_CHECKING:  # nlp.documents imports lxml and the readers: only commands on documents pay for it
    from nlp.documents.errors import DocumentError

ENGINE_COMMANDS = ("scan", "redact", "restore", "notice")
COMMAND_GROUP = "aiguard.commands"
EXIT_CODES = {ALLOW: 0, REDACT: 3, BLOCK: 4}
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
VERDICT_LABELS = {BLOCK: "封鎖 block", REDACT: "需遮蔽 redact", ALLOW: "可使用 allow"}


class InputError(Exception):
    """An input that cannot be read or an output that cannot be written; the CLI prints it and exits 1."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en
        super().__init__(f"{zh} / {en}")


# errno -> why, in zh-TW and English (the OS's own strerror is English only)
_OS_REASONS = {
    errno.ENOENT: ("找不到此檔案或資料夾", "no such file or directory"),
    errno.EISDIR: ("這是資料夾，不是檔案", "is a directory, not a file"),
    errno.ENOTDIR: ("路徑中有一段不是資料夾", "a part of the path is not a directory"),
    errno.EACCES: ("沒有權限", "permission denied"),
    errno.EPERM: ("沒有權限", "permission denied"),
    errno.ENOSPC: ("磁碟空間不足", "no space left on the device"),
}


def os_error(path: str, error: OSError, *, writing: bool = False) -> InputError:
    """One message for a file the OS would not open, read or write."""
    zh, en = _OS_REASONS.get(error.errno or 0, (error.strerror or str(error), error.strerror or str(error)))
    if writing:
        return InputError(f"無法寫入 {path}：{zh}", f"cannot write {path}: {en}")
    return InputError(f"無法讀取 {path}：{zh}", f"cannot read {path}: {en}")


def document_error(path: str, error: DocumentError) -> InputError:
    return InputError(f"{path}：{error.zh}", f"{path}: {error.en}")


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or of stdin for ``-``; :class:`InputError` when it cannot be read."""
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)  # a test's StringIO has none
        return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise os_error(path, error) from None


def decode_text(path: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "big5", "cp950"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path} 不是 UTF-8 或 Big5 文字檔", f"{path} is not UTF-8 or Big5 text")


def read_input(path: str) -> str:
    """Text of a .txt, .docx or .eml file, or of stdin for ``-``."""
    data = read_bytes(path)
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix not in (".docx", ".eml"):
        return decode_text(path, data)
    from nlp.documents.errors import DocumentError

    try:
        if suffix == ".docx":
            from nlp.documents.docx import read_docx

            return read_docx(data).text
        from nlp.documents.eml import read_eml

        return read_eml(data).text
    except DocumentError as error:
        raise document_error(path, error) from None


def write_output(path: str, data: bytes | str) -> None:
    """Write a whole file or nothing: a temporary file beside it, renamed over it when complete."""
    import os
    import tempfile

    content = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as error:
        raise os_error(path, error, writing=True) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise os_error(path, error, writing=True) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal and the run is long."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total, self.done = total, 0
        self.enabled = enabled and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.total:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\r掃描中 scanning [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
        else:
            sys.stderr.write(f"\r掃描中 scanning {self.done}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\n")


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def format_human(name: str, text: str, result: ScanResult) -> str:
    lines = [
        f"■ {name}",
        f"  判定 verdict：{VERDICT_LABELS[result.verdict]} — {result.basis.article}：{result.basis.zh}",
    ]
    for finding in result.findings:
        label = TYPE_LABELS.get(finding.type, (finding.type, ""))[0]
        level = f"（{finding.level}）" if finding.level else ""
        shown = finding.text.replace("\n", "⏎")
        lines.append(
            f"  - 第{line_of(text, finding.start)}行 [{label}{level}] 「{shown}」 {finding.type} {finding.action}"
        )
    if result.notice_present:
        lines.append("  已有 AI 生成聲明 notice present")
    for warning in result.warnings:
        lines.append(f"  ⚠ {warning.article}：{warning.zh}")
    return "\n".join(lines)


def summary_line(results: list[ScanResult]) -> str:
    counts = {v: sum(1 for r in results if r.verdict == v) for v in (BLOCK, REDACT, ALLOW)}
    by_type: dict[str, int] = {}
    for result in results:
        for key, value in result.counts.items():
            by_type[key] = by_type.get(key, 0) + value
    types = "、".join(f"{TYPE_LABELS.get(k, (k,))[0]} {v}" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]))
    total = sum(by_type.values())
    return (
        f"摘要：共 {len(results)} 份，封鎖 {counts[BLOCK]}、需遮蔽 {counts[REDACT]}、可使用 {counts[ALLOW]}；"
        f"發現 {total} 項"
        + (f"（{types}）" if types else "")
        + f" | {len(results)} scanned: {counts[BLOCK]} block, {counts[REDACT]} redact, {counts[ALLOW]} allow"
    )


def strongest(verdicts: Iterable[str]) -> str:
    verdicts = set(verdicts)
    return BLOCK if BLOCK in verdicts else REDACT if REDACT in verdicts else ALLOW


def _jsonl_lines(path: str) -> Iterator[tuple[int, str]]:
    """Numbered non-blank lines of a JSONL file (or stdin for ``-``), read as a stream."""
    import io

    stream: TextIO
    stdin_wrapper: io.TextIOWrapper | None = None  # stdin's bytes read as UTF-8; detached afterwards
    if path == "-":
        binary = getattr(sys.stdin, "buffer", None)
        if binary is not None:
            stream = stdin_wrapper = io.TextIOWrapper(binary, encoding="utf-8-sig")
        else:
            stream = sys.stdin
    else:
        try:
            stream = open(path, encoding="utf-8-sig")  # closed in finally
        except OSError as error:
            raise os_error(path, error) from None
    try:
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield number, line
    except UnicodeDecodeError:
        raise InputError(f"{path} 不是 UTF-8 編碼的 JSONL 檔", f"{path} is not UTF-8 encoded JSONL") from None
    except OSError as error:
        raise os_error(path, error) from None
    finally:
        if stdin_wrapper is not None:
            stdin_wrapper.detach()  # leave sys.stdin usable
        elif path != "-":
            stream.close()


def _scan_jsonl(paths: list[str], engine: Engine) -> int:
    verdicts: list[str] = []
    progress = Progress(None, True)
    try:
        for path in paths:
            for number, line in _jsonl_lines(path):
                try:
                    record = json.loads(line)
                    text = record["text"]
                    if not isinstance(text, str):
                        raise TypeError
                except (ValueError, KeyError, TypeError):
                    out: dict[str, Any] = {
                        "id": None,
                        "line": number,
                        "error": {
                            "zh-TW": "第 %d 行不是含 text 字串的 JSON 物件" % number,
                            "en": f"line {number} is not a JSON object with a text string",
                        },
                    }
                    if len(paths) > 1:
                        out["path"] = path
                    print(json.dumps(out, ensure_ascii=False))
                    verdicts.append("error")
                    continue
                result = engine.scan(text)
                verdicts.append(result.verdict)
                print(json.dumps({"id": record.get("id"), **result.to_dict()}, ensure_ascii=False))
                progress.step()
    finally:
        progress.close()
    if "error" in verdicts:
        return EXIT_INPUT_ERROR
    return EXIT_CODES[strongest(verdicts)]


def command_scan(args: argparse.Namespace, engine: Engine) -> int:
    paths = args.paths or ["-"]
    if args.jsonl:
        return _scan_jsonl(paths, engine)
    results: list[ScanResult] = []
    failed = False
    progress = Progress(len(paths), len(paths) > 1)
    for path in paths:
        try:
            document = scan_file(engine, path)
            text = document.text if document else read_input(path)
        except InputError as error:  # the other files are still scanned; the exit code says 1
            print(f"aiguard: {error}", file=sys.stderr)
            failed = True
            continue
        result = document.result if document else engine.scan(text)
        results.append(result)
        if args.json:
            payload = {"path": path, **result.to_dict()}
            if document:
                payload["findings"] = document.located_findings()
            print(json.dumps(payload, ensure_ascii=False, indent=None if len(paths) > 1 else 2))
        else:
            if progress.enabled:
                sys.stderr.write("\r")
            print(format_human(path, text, result))
        progress.step()
    progress.close()
    if not args.json and results:
        print(summary_line(results))
    if failed:
        return EXIT_INPUT_ERROR
    return EXIT_CODES[strongest(r.verdict for r in results)]


def _office_kind(path: str) -> str | None:
    """The kind of a slide, spreadsheet or ODF file (nlp.documents.formats), or None."""
    from nlp.documents.formats import KINDS

    kind = Path(path).suffix.lower().lstrip(".")
    return kind if path != "-" and kind in KINDS else None


def _is_docx(path: str) -> bool:
    return path != "-" and Path(path).suffix.lower() == ".docx"


def scan_file(engine: Engine, path: str):
    """A .pptx, .xlsx, .csv, .odt, .ods or .odp scanned with locations (``DocumentScan``), else None."""
    kind = _office_kind(path)
    if kind is None:
        return None
    from nlp.documents.errors import DocumentError
    from nlp.documents.formats import scan_document

    try:
        return scan_document(engine, read_bytes(path), kind, name=Path(path).stem)
    except DocumentError as error:
        raise document_error(path, error) from None


def _write_map(args: argparse.Namespace, placeholder_map: dict[str, str]) -> None:
    if args.map_out:
        write_output(args.map_out, json.dumps(placeholder_map, ensure_ascii=False, indent=2))


def _redact_office_file(args: argparse.Namespace, engine: Engine, kind: str) -> int:
    from nlp.documents.errors import DocumentError
    from nlp.documents.formats import open_document, redact_document

    data = read_bytes(args.path)
    try:  # checked once, read and rewritten from the same checked package
        redaction = redact_document(engine, open_document(data, kind), kind, args.mode)
    except DocumentError as error:
        raise document_error(args.path, error) from None
    if redaction.result.verdict == BLOCK:
        return _refuse_blocked(redaction.result)
    write_output(args.out, redaction.data)
    _write_map(args, redaction.placeholder_map)
    redacted = sum(1 for f in redaction.result.findings if f.action == REDACT)
    print(f"已遮蔽 {redacted} 項 / redacted {redacted} findings", file=sys.stderr)
    return 0


def _redact_docx_file(args: argparse.Namespace, engine: Engine) -> int:
    from nlp.documents.docx import check_docx, read_docx, redact_docx
    from nlp.documents.errors import DocumentError

    data = read_bytes(args.path)
    try:  # checked once, read and rewritten from the same checked package
        checked = check_docx(data)
        redaction = engine.redact(read_docx(checked).text, args.mode)
        if redaction.result.verdict == BLOCK:
            return _refuse_blocked(redaction.result)
        changed = redact_docx(checked, redaction.replacements)
    except DocumentError as error:
        raise document_error(args.path, error) from None
    write_output(args.out, changed)
    _write_map(args, redaction.placeholder_map)
    print(f"已遮蔽 {len(redaction.redacted)} 項 / redacted {len(redaction.redacted)} findings", file=sys.stderr)
    return 0


def command_redact(args: argparse.Namespace, engine: Engine) -> int:
    kind = _office_kind(args.path) or ("docx" if _is_docx(args.path) else None)
    if kind and not args.out:
        print(f"aiguard: 處理 .{kind} 需指定 --out / --out is required for .{kind}", file=sys.stderr)
        return EXIT_USAGE
    if kind == "docx":
        return _redact_docx_file(args, engine)
    if kind:
        return _redact_office_file(args, engine, kind)
    redaction = engine.redact(read_input(args.path), args.mode)
    if redaction.result.verdict == BLOCK:
        return _refuse_blocked(redaction.result)
    if args.out:
        write_output(args.out, redaction.text)
    else:
        sys.stdout.write(redaction.text)
    _write_map(args, redaction.placeholder_map)
    print(f"已遮蔽 {len(redaction.redacted)} 項 / redacted {len(redaction.redacted)} findings", file=sys.stderr)
    return 0


def _refuse_blocked(result: ScanResult) -> int:
    print(f"aiguard: {result.basis.article}：{result.basis.zh} / {result.basis.en}", file=sys.stderr)
    return EXIT_CODES[BLOCK]


def _read_map(path: str) -> dict[str, str]:
    data = read_bytes(path)
    try:
        placeholder_map = json.loads(data.decode("utf-8-sig"))
    except ValueError:  # UnicodeDecodeError and json.JSONDecodeError are ValueErrors
        placeholder_map = None
    if not isinstance(placeholder_map, dict) or not all(isinstance(v, str) for v in placeholder_map.values()):
        raise InputError(
            f"{path}：對照表須為 JSON 物件 {{代號: 原值}}",
            f"{path}: the map must be a JSON object {{placeholder: value}}",
        )
    return placeholder_map


def command_restore(args: argparse.Namespace, engine: Engine) -> int:
    from nlp.restoration import restore

    placeholder_map = _read_map(args.map)
    restoration = restore(read_input(args.path), placeholder_map)
    sys.stdout.write(restoration.text)
    print(f"已還原 {restoration.count} 處 / restored {restoration.count} placeholders", file=sys.stderr)
    return 0


def command_notice(args: argparse.Namespace, engine: Engine) -> int:
    from nlp.notice import find_notice, insert_notice, notice_text, reminder_text

    policy = engine.policy
    kind = _office_kind(args.path)
    if kind or _is_docx(args.path):
        from nlp.documents.errors import DocumentError

        data = read_bytes(args.path)
        try:
            if kind:
                from nlp.documents.formats import insert_notice_document

                changed = insert_notice_document(data, kind, notice_text(policy, args.lang))
            else:
                from nlp.documents.docx import insert_notice_docx

                changed = insert_notice_docx(
                    data,
                    policy.notice.zh,
                    policy.notice.en,
                    policy.notice.position,
                    is_present=lambda text: find_notice(text, policy) is not None,
                )
        except DocumentError as error:
            raise document_error(args.path, error) from None
        write_output(args.out or args.path, changed)
    else:
        result = insert_notice(read_input(args.path), policy, args.lang)
        if args.out:
            write_output(args.out, result)
        else:
            sys.stdout.write(result)
    print(f"提醒：{reminder_text(policy, 'zh-TW')}\nReminder: {reminder_text(policy, 'en')}", file=sys.stderr)
    return 0


def added_commands() -> dict[str, Any]:
    """The commands other parts of aiguard add (entry-point group ``aiguard.commands``), by name."""
    from importlib.metadata import entry_points

    return {entry.name: entry.load() for entry in entry_points(group=COMMAND_GROUP)}


def names_engine_command(argv: list[str]) -> bool:
    """True when the first word after the global options is one of the engine's own commands."""
    words = iter(argv)
    for word in words:
        if word == "--policy":
            next(words, None)
        elif not word.startswith("--policy="):
            return word in ENGINE_COMMANDS
    return False


def build_parser(added: dict[str, Any] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiguard",
        description=(
            "送出給生成式 AI 前，檢查機密標示與個人資料 / check drafts for markings and personal data before AI use"
        ),
        epilog="結束代碼 exit codes: 0 allow, 3 redact, 4 block, 1 input error, 2 usage/policy error",
    )
    parser.add_argument("--policy", help="機關政策檔 agency policy file (TOML); default $AIGUARD_POLICY")
    sub = parser.add_subparsers(dest="command", required=True)

    scan = sub.add_parser("scan", help="掃描檔案 scan .txt/.docx/.eml/.pptx/.xlsx/.csv/.odt/.ods/.odp or stdin (-)")
    scan.add_argument("paths", nargs="*", metavar="PATH")
    scan.add_argument("--json", action="store_true", help="JSON 輸出 JSON output")
    scan.add_argument(
        "--jsonl", action="store_true", help='批次：每行一個 {"id","text"} / batch: one JSON object per line'
    )

    redact = sub.add_parser("redact", help="遮蔽個資 redact personal data")
    redact.add_argument("path", metavar="PATH")
    redact.add_argument("--mode", choices=("mask", "placeholder"), default="mask")
    redact.add_argument("--out", help="輸出檔 output file (required for .docx)")
    redact.add_argument("--map-out", help="代號對照表 JSON placeholder map output (placeholder mode)")

    restore = sub.add_parser("restore", help="還原 AI 回覆中的代號 restore placeholders in an AI answer")
    restore.add_argument("path", metavar="PATH")
    restore.add_argument("--map", required=True, help="redact --map-out 產生的對照表 the placeholder map")

    notice = sub.add_parser("notice", help="插入 AI 生成聲明 insert the AI-generated notice")
    notice.add_argument("path", metavar="PATH")
    notice.add_argument("--out", help="輸出檔 output file (default: in place for .docx, stdout for text)")
    notice.add_argument("--lang", default="zh-TW", choices=("zh-TW", "en"))

    for name, command in (added or {}).items():
        command.add_arguments(sub.add_parser(name, help=command.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    added = {} if names_engine_command(argv) else added_commands()
    args = build_parser(added).parse_args(argv)
    if args.command in added:
        return added[args.command].run(args) or 0
    try:
        policy = load_policy(args.policy)
    except PolicyError as error:
        print(f"aiguard: 政策檔錯誤 {error.key}：{error.zh} / policy error {error.key}: {error.en}", file=sys.stderr)
        return EXIT_USAGE
    engine = Engine(policy)
    commands = {"scan": command_scan, "redact": command_redact, "restore": command_restore, "notice": command_notice}
    try:
        return commands[args.command](args, engine)
    except InputError as error:
        print(f"aiguard: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
