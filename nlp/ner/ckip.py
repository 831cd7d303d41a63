"""Person names in Traditional Chinese text with a local CKIP Lab NER model (ckip-transformers, CPU).

:class:`CkipPersonFinder` wraps ``ckip_transformers.nlp.CkipNerChunker`` for one job: the spans of PERSON
entities, as code-point offsets into the text exactly as given. It

* loads the model lazily on the first :meth:`~CkipPersonFinder.find`, once per instance (thread-safe), on
  the CPU; importing this module imports neither torch nor transformers;
* checks the model directory before trusting it and raises :class:`NerModelError` (zh-TW + English) when
  the directory is missing, has no tokenizer files or too small a vocabulary (transformers 5 silently loads
  a 5-token tokenizer from a directory without them: every character becomes ``[UNK]``), or has labels
  outside CKIP's BIOES scheme or no PERSON label; a tokenizer without ``model_max_length`` gets 512;
* splits long text into chunks at sentence and line boundaries (at most ``max_chars`` each), batches the
  chunks of one or many texts, and maps every span back to the original offsets;
* gives the model ASCII for full-width letters and digits the vocabulary lacks (one character for one, so
  offsets never move), and drops spans of one character or longer than any plausible name.

How IT installs a real model: ``docs/ner.md``.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["CkipPersonFinder", "NerModelError"]

#: A working tokenizer for Chinese has thousands of entries (bert-base-chinese: 21,128); fewer than this
#: means transformers fell back to a placeholder tokenizer.
MIN_VOCABULARY_SIZE = 1000
#: Used when the tokenizer does not say how long a sequence may be (ckip-transformers would not chunk).
DEFAULT_MODEL_MAX_LENGTH = 512
#: Longest PERSON span kept: 6 Chinese characters (compound surname + given name, with room for
#: transliterated names), 40 characters for names written only in Latin letters.
MAX_CJK_NAME_CHARS = 6
MAX_LATIN_NAME_CHARS = 40

_TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")
_LABEL = re.compile(r"[BIES]-[A-Z][A-Z_]*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# A sentence ends after 。！？；!?; (with any closing quotes or brackets) or at a line break.
_SENTENCE_END = re.compile(r"""[。！？；!?;]+[」』）)〕】"'”’]*|\r\n|\n|\r|\u2028|\u2029""")
# Where to cut a sentence that is longer than a chunk: after a comma, enumeration mark, colon or space.
_SOFT_BREAK = re.compile(r"[，,、：:\s]")


class NerModelError(RuntimeError):
    """The NER model directory cannot be used; ``zh`` and ``en`` say why, ``path`` names the directory."""

    def __init__(self, path: str | Path, zh: str, en: str) -> None:
        super().__init__(f"CKIP NER model {path}: {en} / {zh}")
        self.path = str(path)
        self.zh = zh
        self.en = en


class CkipPersonFinder:
    """Find PERSON spans with a CKIP NER model stored in ``model_dir``.

    ``tokenizer_dir`` defaults to ``model_dir``; CKIP Lab's models use the ``bert-base-chinese``
    tokenizer, which may live in its own directory. ``batch_size`` chunks go through the model at a time;
    a chunk holds at most ``max_chars`` characters (and never more than the model accepts).
    """

    def __init__(
        self,
        model_dir: str | Path,
        *,
        tokenizer_dir: str | Path | None = None,
        batch_size: int = 8,
        max_chars: int = 500,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if max_chars < 2:
            raise ValueError("max_chars must be at least 2")
        self.model_dir = Path(model_dir)
        self.tokenizer_dir = Path(tokenizer_dir) if tokenizer_dir else self.model_dir
        self.batch_size = batch_size
        self.max_chars = max_chars
        self._chunker: Any = None
        self._known_tokens: frozenset[str] = frozenset()
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (it is, after the first :meth:`find` or :meth:`load`)."""
        return self._chunker is not None

    # ---- public ---------------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[int, int]]:
        """PERSON spans ``(start, end)`` in ``text``, sorted, as code-point offsets."""
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """:meth:`find` for several texts, with the chunks of all texts batched together."""
        chunker = self.load()
        limit = min(self.max_chars, chunker.tokenizer.model_max_length - 2)
        chunks = [(index, start, end) for index, text in enumerate(texts) for start, end in split_chunks(text, limit)]
        spans: list[set[tuple[int, int]]] = [set() for _ in texts]
        # Similar lengths side by side: ckip-transformers pads a call's sequences to its longest one.
        chunks.sort(key=lambda chunk: chunk[2] - chunk[1])
        for first in range(0, len(chunks), self.batch_size):
            batch = chunks[first:first + self.batch_size]
            model_input = [self._model_text(texts[index][start:end]) for index, start, end in batch]
            entities = chunker(model_input, batch_size=self.batch_size, show_progress=False, use_delim=False)
            for (index, offset, _), chunk_entities in zip(batch, entities):
                for entity in chunk_entities:
                    if entity.ner != "PERSON":
                        continue
                    span = _plausible_name(texts[index], offset + entity.idx[0], offset + entity.idx[1])
                    if span is not None:
                        spans[index].add(span)
        return [sorted(found) for found in spans]

    def load(self) -> Any:
        """Load and check the model now (else the first :meth:`find` does); returns the CKIP driver."""
        if self._chunker is None:
            with self._lock:
                if self._chunker is None:
                    self._chunker = self._load()
        return self._chunker

    # ---- loading --------------------------------------------------------------------------------
    def _load(self) -> Any:
        self._check_files()
        from ckip_transformers.nlp import CkipNerChunker  # heavy (torch): only when a model is used
        from transformers.utils import logging as transformers_logging

        bars_were_on = transformers_logging.is_progress_bar_enabled()
        transformers_logging.disable_progress_bar()  # no "Loading weights" bar on a server's stderr
        try:
            chunker = CkipNerChunker(
                model_name=str(self.model_dir), tokenizer_name=str(self.tokenizer_dir), device=-1
            )
        except (OSError, ValueError, KeyError) as error:
            raise NerModelError(
                self.model_dir, f"無法載入模型：{error}", f"cannot load the model: {error}"
            ) from error
        finally:
            if bars_were_on:
                transformers_logging.enable_progress_bar()
        chunker.model.eval()
        vocabulary = chunker.tokenizer.get_vocab()
        if len(vocabulary) < MIN_VOCABULARY_SIZE:
            raise NerModelError(
                self.tokenizer_dir,
                f"斷詞器詞彙只有 {len(vocabulary)} 個（至少需 {MIN_VOCABULARY_SIZE} 個），所有中文字都會變成"
                " [UNK]；請確認斷詞器目錄（例如 bert-base-chinese）內有 vocab.txt 或 tokenizer.json。",
                f"the tokenizer has only {len(vocabulary)} entries (at least {MIN_VOCABULARY_SIZE} needed), so "
                "every Chinese character would be [UNK]; check that the tokenizer directory (e.g. "
                "bert-base-chinese) holds vocab.txt or tokenizer.json.",
            )
        position_limit = getattr(chunker.model.config, "max_position_embeddings", None) or DEFAULT_MODEL_MAX_LENGTH
        if not 2 < chunker.tokenizer.model_max_length <= position_limit:
            # Unset (transformers reports a huge number) or beyond the model: ckip-transformers would not
            # chunk, and a long text would crash with a tensor-size error.
            chunker.tokenizer.model_max_length = min(DEFAULT_MODEL_MAX_LENGTH, position_limit)
        self._known_tokens = frozenset(vocabulary)
        return chunker

    def _check_files(self) -> None:
        for directory, role_zh, role_en in (
            (self.model_dir, "模型", "model"),
            (self.tokenizer_dir, "斷詞器", "tokenizer"),
        ):
            if not directory.is_dir():
                raise NerModelError(
                    directory,
                    f"找不到{role_zh}目錄 {directory}。",
                    f"the {role_en} directory {directory} does not exist.",
                )
        config_path = self.model_dir / "config.json"
        if not config_path.is_file():
            raise NerModelError(
                self.model_dir,
                f"模型目錄缺少 config.json：{self.model_dir}。",
                f"config.json is missing from the model directory {self.model_dir}.",
            )
        if not any((self.tokenizer_dir / name).is_file() for name in _TOKENIZER_FILES):
            raise NerModelError(
                self.tokenizer_dir,
                f"斷詞器目錄 {self.tokenizer_dir} 沒有 vocab.txt 或 tokenizer.json。CKIP 的模型使用 bert-base-chinese"
                " 的斷詞器：請另外下載，並以 AIGUARD_CKIP_TOKENIZER 或政策檔 [ner] ckip_tokenizer 指定。",
                f"the tokenizer directory {self.tokenizer_dir} has neither vocab.txt nor tokenizer.json. CKIP's "
                "models use the bert-base-chinese tokenizer: download it and point AIGUARD_CKIP_TOKENIZER or the "
                "policy's [ner] ckip_tokenizer at it.",
            )
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise NerModelError(
                self.model_dir, f"config.json 無法讀取：{error}", f"config.json cannot be read: {error}"
            ) from error
        _check_labels(self.model_dir, (config.get("id2label") or {}) if isinstance(config, dict) else {})

    # ---- text -----------------------------------------------------------------------------------
    def _model_text(self, chunk: str) -> str:
        """``chunk`` with each character the vocabulary lacks replaced by its ASCII / lower-case form if known.

        ckip-transformers looks each character up as it is (no normalisation), and CKIP's vocabulary has no
        full-width letters or digits; one character always stands for one, so offsets do not move.
        """
        known = self._known_tokens
        characters = list(chunk)
        for position, character in enumerate(characters):
            if character in known:
                continue
            folded = unicodedata.normalize("NFKC", character)
            for candidate in (folded, folded.lower()):
                if len(candidate) == 1 and candidate in known:
                    characters[position] = candidate
                    break
        return "".join(characters)


def split_chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``max_chars``, at sentence and line ends.

    Sentences are packed together up to the limit; a longer sentence is cut after a comma or space near
    the limit, else at the limit. Leading and trailing whitespace is trimmed from each piece and pieces of
    whitespace only are dropped.

    >>> text = "承辦人：王小明。\\n陳情人林小姐。"
    >>> [text[start:end] for start, end in split_chunks(text, 10)]
    ['承辦人：王小明。', '陳情人林小姐。']
    >>> split_chunks("  \\n ", 10)
    []
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.extend(_cut(text, start, match.end(), max_chars))
        start = match.end()
    pieces.extend(_cut(text, start, len(text), max_chars))

    chunks: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        if chunks and piece_end - chunks[-1][0] <= max_chars:
            chunks[-1] = (chunks[-1][0], piece_end)
        else:
            chunks.append((piece_start, piece_end))
    trimmed = []
    for chunk_start, chunk_end in chunks:
        while chunk_start < chunk_end and text[chunk_start].isspace():
            chunk_start += 1
        while chunk_end > chunk_start and text[chunk_end - 1].isspace():
            chunk_end -= 1
        if chunk_start < chunk_end:
            trimmed.append((chunk_start, chunk_end))
    return trimmed


def _cut(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``max_chars``, preferring soft breaks in the second half."""
    pieces = []
    while end - start > max_chars:
        limit = start + max_chars
        cut = limit
        for soft in _SOFT_BREAK.finditer(text, start + max_chars // 2, limit):
            cut = soft.end()
        pieces.append((start, cut))
        start = cut
    if start < end:
        pieces.append((start, end))
    return pieces


def _plausible_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding spaces, or None when it cannot be a person's name."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    length = end - start
    if length < 2:
        return None
    limit = MAX_CJK_NAME_CHARS if _CJK.search(text, start, end) else MAX_LATIN_NAME_CHARS
    return (start, end) if length <= limit else None


def _check_labels(model_dir: Path, id2label: dict[Any, Any]) -> None:
    """Raise NerModelError unless the labels are CKIP's BIOES tags and can express a multi-character PERSON."""
    labels = {str(label) for label in id2label.values()}
    bad = sorted(label for label in labels if label != "O" and not _LABEL.fullmatch(label))
    if bad or not labels:
        shown = ", ".join(bad[:5]) or "（無 / none）"
        raise NerModelError(
            model_dir,
            f"模型標籤不是 CKIP 的 BIOES 格式（O、B-/I-/E-/S-類別）：{shown}。",
            f"the model's labels are not CKIP's BIOES scheme (O, B-/I-/E-/S-TYPE): {shown}.",
        )
    missing = [label for label in ("B-PERSON", "E-PERSON") if label not in labels]
    if missing:
        raise NerModelError(
            model_dir,
            f"模型沒有人名標籤 {'、'.join(missing)}，無法找出人名（以 BIO 訓練的模型不適用）。",
            f"the model lacks the person label(s) {', '.join(missing)} and cannot find names "
            "(a model trained with BIO tags does not work with CKIP's strict BIOES decoding).",
        )
