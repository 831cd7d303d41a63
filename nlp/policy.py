"""The agency policy: a TOML file parsed into a typed, validated object at start-up.

Example (every key optional)::

    version = "2026-11-01"

    [markings]
    restricted = ["機關內部文件"]            # extra restriction markings
    classified = { "機敏" = "密" }           # extra classification words and the level they mean

    [allow]
    values = ["1999", "(02)2960-3456", "service@ntpc.gov.tw"]   # the agency's own public contacts

    [types]
    EMAIL = "report"          # block | redact | report | ignore (ignore switches the type off)

    [notice]
    zh = "…"                  # notice texts; defaults in nlp.notice
    en = "…"
    position = "top"          # top | bottom

    [reminder]
    zh = "…"
    en = "…"

    [ner]
    ckip_model = "/opt/aiguard/models/ckip-albert-tiny-ner"
    ckip_tokenizer = "/opt/aiguard/models/bert-base-chinese"
    spacy_model = ""          # a statistical English pipeline, if installed (e.g. "en_core_web_sm")
    min_score = 0.5

    [outlook]
    internal_domains = ["ntpc.gov.tw"]
    fail_mode = "open"        # open (warn and allow) | closed (block) when the server is unreachable
    timeout_ms = 3000

    [addin]
    scan_on_open = false

A wrong key, type or value raises :class:`PolicyError` naming the key: never a silent default.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.finding import ACTIONS, ALL_TYPES, REDACT
from nlp.finding_types import FINDING_TYPES

DEFAULT_NOTICE_ZH = (
    "【AI 生成聲明】本文件部分內容由生成式人工智慧（AI）協助產出，業經撰稿人審閱、查證及修正，"
    "撰稿人並就內容負最終判斷之責（新北市政府使用人工智慧作業指引第肆章第1條）。"
)
DEFAULT_NOTICE_EN = (
    "[AI-generated notice] Parts of this document were produced with the assistance of generative AI. "
    "The author has reviewed, verified and edited them and bears responsibility for the final judgment."
)
DEFAULT_REMINDER_ZH = "AI 產出僅為草稿：送出前請您親自查核內容的正確性與適當性，並為最終判斷負責（第肆章第1條）。"
DEFAULT_REMINDER_EN = (
    "AI output is only a draft: check it yourself for accuracy and appropriateness before sending; "
    "the final judgment is yours (Chapter 4, Article 1)."
)
LEVELS = ("絕對機密", "極機密", "機密", "密")


class PolicyError(ValueError):
    """A policy file that cannot be used. ``key`` names the offending key."""

    def __init__(self, key: str, zh: str, en: str) -> None:
        super().__init__(f"policy {key}: {en} / {zh}")
        self.key = key
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class NoticePolicy:
    zh: str = DEFAULT_NOTICE_ZH
    en: str = DEFAULT_NOTICE_EN
    position: str = "top"


@dataclass(frozen=True)
class NerPolicy:
    ckip_model: str = ""
    ckip_tokenizer: str = ""
    spacy_model: str = ""
    min_score: float = 0.5


@dataclass(frozen=True)
class OutlookPolicy:
    internal_domains: tuple[str, ...] = ()
    fail_mode: str = "open"
    timeout_ms: int = 3000


@dataclass(frozen=True)
class AddinPolicy:
    scan_on_open: bool = False


def default_actions() -> dict[str, str]:
    """Markings block, personal data is redacted, the rest is reported (nlp/finding_types.py)."""
    return {t.name: t.default_action for t in FINDING_TYPES}


@dataclass(frozen=True)
class Policy:
    version: str = "default"
    restricted_markings: tuple[str, ...] = ()
    classified_markings: dict[str, str] = field(default_factory=dict)
    allow_values: tuple[str, ...] = ()
    actions: dict[str, str] = field(default_factory=default_actions)
    notice: NoticePolicy = NoticePolicy()
    reminder_zh: str = DEFAULT_REMINDER_ZH
    reminder_en: str = DEFAULT_REMINDER_EN
    ner: NerPolicy = NerPolicy()
    outlook: OutlookPolicy = OutlookPolicy()
    addin: AddinPolicy = AddinPolicy()

    def type_action(self, finding_type: str) -> str:
        return self.actions.get(finding_type, REDACT)

    def enabled(self, finding_type: str) -> bool:
        return self.type_action(finding_type) != "ignore"


_SECTIONS = {
    "version": None,
    "markings": {"restricted", "classified"},
    "allow": {"values"},
    "types": None,
    "notice": {"zh", "en", "position"},
    "reminder": {"zh", "en"},
    "ner": {"ckip_model", "ckip_tokenizer", "spacy_model", "min_score"},
    "outlook": {"internal_domains", "fail_mode", "timeout_ms"},
    "addin": {"scan_on_open"},
}


def _expect(key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PolicyError(key, f"應為{what}", f"must be {what}")
    return value


def _strings(key: str, value: Any) -> tuple[str, ...]:
    _expect(key, value, list, "字串清單 a list of strings")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise PolicyError(key, "清單中每一項都應為非空字串", "every item must be a non-empty string")
    return tuple(value)


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    section = data.get(name, {})
    _expect(name, section, dict, "表格 a table")
    allowed = _SECTIONS[name]
    for key in section:
        if allowed is not None and key not in allowed:
            raise PolicyError(f"{name}.{key}", "未知的設定項目", "unknown key")
    return section


def policy_from_dict(data: dict[str, Any]) -> Policy:
    """Validate a parsed policy table; raise :class:`PolicyError` naming the first wrong key."""
    for key in data:
        if key not in _SECTIONS:
            raise PolicyError(key, "未知的設定區段", "unknown section")
    version = _expect("version", data.get("version", "default"), str, "字串 a string")

    markings = _section(data, "markings")
    restricted = _strings("markings.restricted", markings.get("restricted", []))
    classified_raw = markings.get("classified", {})
    if isinstance(classified_raw, list):
        classified = {word: "密" for word in _strings("markings.classified", classified_raw)}
    else:
        _expect("markings.classified", classified_raw, dict, "清單或表格 a list or a table")
        classified = {}
        for word, level in classified_raw.items():
            if level not in LEVELS:
                raise PolicyError(
                    f"markings.classified.{word}",
                    f"等級應為 {'/'.join(LEVELS)}",
                    "level must be one of " + "/".join(LEVELS),
                )
            classified[word] = level

    allow = _section(data, "allow")
    allow_values = _strings("allow.values", allow.get("values", []))

    actions = default_actions()
    for finding_type, action in _section(data, "types").items():
        if finding_type not in ALL_TYPES:
            raise PolicyError(f"types.{finding_type}", "未知的類型", "unknown finding type")
        if action not in ACTIONS:
            raise PolicyError(
                f"types.{finding_type}", f"應為 {'/'.join(ACTIONS)}", "must be one of " + "/".join(ACTIONS)
            )
        actions[finding_type] = action

    notice = _section(data, "notice")
    position = notice.get("position", "top")
    if position not in ("top", "bottom"):
        raise PolicyError("notice.position", "應為 top 或 bottom", "must be top or bottom")
    notice_policy = NoticePolicy(
        zh=_expect("notice.zh", notice.get("zh", DEFAULT_NOTICE_ZH), str, "字串 a string"),
        en=_expect("notice.en", notice.get("en", DEFAULT_NOTICE_EN), str, "字串 a string"),
        position=position,
    )
    reminder = _section(data, "reminder")

    ner = _section(data, "ner")
    min_score = _expect("ner.min_score", ner.get("min_score", 0.5), (int, float), "數字 a number")
    if not 0 <= min_score <= 1:
        raise PolicyError("ner.min_score", "應介於 0 與 1 之間", "must be between 0 and 1")
    ner_policy = NerPolicy(
        ckip_model=_expect("ner.ckip_model", ner.get("ckip_model", ""), str, "字串 a string"),
        ckip_tokenizer=_expect("ner.ckip_tokenizer", ner.get("ckip_tokenizer", ""), str, "字串 a string"),
        spacy_model=_expect("ner.spacy_model", ner.get("spacy_model", ""), str, "字串 a string"),
        min_score=float(min_score),
    )

    outlook = _section(data, "outlook")
    fail_mode = outlook.get("fail_mode", "open")
    if fail_mode not in ("open", "closed"):
        raise PolicyError("outlook.fail_mode", "應為 open 或 closed", "must be open or closed")
    timeout_ms = _expect("outlook.timeout_ms", outlook.get("timeout_ms", 3000), int, "整數 an integer")
    if not 200 <= timeout_ms <= 4500:
        raise PolicyError(
            "outlook.timeout_ms",
            "應介於 200 與 4500 毫秒之間（Outlook 送出檢查時限約 5 秒）",
            "must be between 200 and 4500 ms (Outlook's send-time budget is about 5 s)",
        )
    domains = tuple(
        d.lower().lstrip("@") for d in _strings("outlook.internal_domains", outlook.get("internal_domains", []))
    )
    for domain in domains:
        if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", domain):
            raise PolicyError("outlook.internal_domains", f"網域格式錯誤：{domain}", f"not a domain: {domain}")

    addin = _section(data, "addin")
    return Policy(
        version=version,
        restricted_markings=restricted,
        classified_markings=classified,
        allow_values=allow_values,
        actions=actions,
        notice=notice_policy,
        reminder_zh=_expect("reminder.zh", reminder.get("zh", DEFAULT_REMINDER_ZH), str, "字串 a string"),
        reminder_en=_expect("reminder.en", reminder.get("en", DEFAULT_REMINDER_EN), str, "字串 a string"),
        ner=ner_policy,
        outlook=OutlookPolicy(domains, fail_mode, timeout_ms),
        addin=AddinPolicy(_expect("addin.scan_on_open", addin.get("scan_on_open", False), bool, "true 或 false")),
    )


def load_policy(
    path: str | os.PathLike[str] | None = None, *, environ: Mapping[str, str] | None = None
) -> Policy:
    """Parse the policy file at ``path`` (or ``AIGUARD_POLICY``); defaults when neither is given.

    ``AIGUARD_CKIP_MODEL`` / ``AIGUARD_CKIP_TOKENIZER`` fill the NER section when the file leaves it empty.
    Variables come from ``environ`` (the process environment by default).
    """
    env = os.environ if environ is None else environ
    path = path or env.get("AIGUARD_POLICY") or None
    if path is None:
        policy = Policy()
    else:
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise PolicyError(
                "file", f"無法讀取政策檔 {path}：{error.strerror}", f"cannot read policy file {path}: {error.strerror}"
            ) from error
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise PolicyError(
                "file", f"政策檔 {path} 格式錯誤：{error}", f"policy file {path} is not valid TOML: {error}"
            ) from error
        policy = policy_from_dict(data)
    model = env.get("AIGUARD_CKIP_MODEL", "")
    if model and not policy.ner.ckip_model:
        from dataclasses import replace

        policy = replace(
            policy,
            ner=replace(policy.ner, ckip_model=model, ckip_tokenizer=env.get("AIGUARD_CKIP_TOKENIZER", "")),
        )
    return policy
