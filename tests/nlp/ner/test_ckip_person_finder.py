"""CkipPersonFinder with a tiny CKIP-style model that the session trains and saves itself (see conftest.py).

The model never saw the names below (nor the held-out sentence form), so these tests fail if the finder
mis-feeds the model, mis-maps offsets, or the model did not learn. The tiny model was trained on sequences
of one to three short sentences and its position embeddings are weak beyond that, so name-finding tests use
short chunks (``max_chars`` 64, or 16 for the long text); long chunks are tested for robustness and offsets.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ckip_tiny_model import HELD_OUT_NAMES, HELD_OUT_SENTENCES

from nlp.ner.ckip import CkipPersonFinder, NerModelError, _plausible_name, split_chunks


def _spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each name occurs in text (every occurrence), sorted."""
    found = []
    for name in set(names):
        start = text.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(found)


def _copy(source: Path, target: Path, *names: str) -> Path:
    target.mkdir()
    for name in names:
        shutil.copy(source / name, target / name)
    return target


# ---- finding names ------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "names"), HELD_OUT_SENTENCES, ids=[s for s, _ in HELD_OUT_SENTENCES])
def test_finds_unseen_names_with_their_offsets(finder, sentence, names):
    assert finder.find(sentence) == _spans(sentence, names)


def test_find_many_matches_find_one_by_one(finder):
    sentences = [sentence for sentence, _ in HELD_OUT_SENTENCES]
    assert finder.find_many(sentences) == [finder.find(sentence) for sentence in sentences]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("承辦人：林雅涵（分機１２３），ＴＥＬ：０２－２９６０３４５６。", ("林雅涵",)),
        ("　　陳情人黃冠哲先生於上週來電。　", ("黃冠哲",)),
        ("ＡＢＣ１２３　經查吳佳瑜專員已於上週完成補件。", ("吳佳瑜",)),
        ("「請鄭子恩科長於會後提供資料。」", ("鄭子恩",)),
    ],
)
def test_full_width_text_keeps_offsets_into_the_original(finder, text, names):
    assert finder.find(text) == _spans(text, names)


@pytest.mark.parametrize("text", ["", " ", "\n\n　\t", "。。。"])
def test_empty_and_blank_text(finder, text):
    assert finder.find(text) == []


def test_text_without_names(finder):
    assert finder.find("新北市政府於板橋區舉辦活動。本案依個人資料保護法辦理。") == []


# ---- long text ----------------------------------------------------------------------------------
def _long_text() -> tuple[str, list[tuple[int, int]]]:
    parts, expected, length = [], [], 0
    index = 0
    while length < 3000:
        sentence, names = HELD_OUT_SENTENCES[index % len(HELD_OUT_SENTENCES)]
        filler = "本府將持續推動各項業務，請各單位配合辦理。" * (index % 3)
        line = filler + sentence + ("\n" if index % 4 == 0 else "")
        offset = length + len(filler)
        expected += [(offset + start, offset + end) for start, end in _spans(sentence, names)]
        parts.append(line)
        length += len(line)
        index += 1
    return "".join(parts), expected


def test_long_text_finds_every_name_at_its_offset(tiny_model_dir):
    """3,000+ characters in ~200 chunks (sentence-sized, as the tiny model knows) map back exactly."""
    text, expected = _long_text()
    assert len(text) >= 3000 and len(expected) > 80
    assert CkipPersonFinder(tiny_model_dir, max_chars=16, batch_size=32).find(text) == expected


def test_long_text_with_default_chunks_does_not_crash(tiny_model_dir):
    text, _ = _long_text()
    spans = CkipPersonFinder(tiny_model_dir).find(text + "甲" * 2000)  # and one 2,000-character "sentence"
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(text[start:end].strip() == text[start:end] for start, end in spans)


@pytest.mark.parametrize("max_chars", [10, 64, 500])
def test_chunks_stay_within_the_limit_and_lose_no_text(max_chars):
    text, _ = _long_text()
    text = "  " + text + "無標點的長句" * 200 + "\n\n"
    chunks = split_chunks(text, max_chars)
    assert all(0 < end - start <= max_chars for start, end in chunks)
    assert all(earlier[1] <= later[0] for earlier, later in zip(chunks, chunks[1:]))
    covered = "".join(text[start:end] for start, end in chunks)
    assert "".join(covered.split()) == "".join(text.split())  # only whitespace at chunk edges is dropped


def test_chunks_end_at_sentence_ends():
    text = "第一句。第二句！\n第三句"
    assert [text[start:end] for start, end in split_chunks(text, 5)] == ["第一句。", "第二句！", "第三句"]


# ---- span filter --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("王", False),  # one character
        ("王明", True),
        ("歐陽文傑", True),
        ("阿布都拉哈金", True),  # six
        ("阿布都拉哈金汗", False),  # seven Chinese characters
        ("John Smith", True),
        ("J" * 40, True),
        ("J" * 41, False),
        (" 王明 ", True),  # surrounding spaces are trimmed, not counted
    ],
)
def test_implausible_name_lengths_are_dropped(text, kept):
    span = _plausible_name(text, 0, len(text))
    assert (span is not None) is kept
    if kept:
        assert text[span[0]:span[1]] == text.strip()


# ---- loading and start-up checks ----------------------------------------------------------------
def test_construction_is_lazy_and_import_is_light(tiny_model_dir):
    code = (
        "import sys\n"
        "from nlp.ner.ckip import CkipPersonFinder\n"
        f"finder = CkipPersonFinder({str(tiny_model_dir)!r})\n"
        "assert not finder.loaded\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'imported too early'\n"
        "assert finder.find('經查林雅涵專員已於上週完成補件。') == [(2, 5)]\n"
        "assert finder.loaded and 'torch' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bars or warnings on stderr


def test_loads_once_across_threads(tiny_model_dir, monkeypatch):
    person_finder = CkipPersonFinder(tiny_model_dir, max_chars=64)
    loads = []
    original = CkipPersonFinder._load

    def counting_load(self):
        loads.append(1)
        return original(self)

    monkeypatch.setattr(CkipPersonFinder, "_load", counting_load)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(person_finder.find("會議主席：趙德安"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [1]
    assert results == [[(5, 8)]] * 4


def test_separate_tokenizer_directory(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path / "model", "config.json", "model.safetensors")
    tokenizer_dir = _copy(tiny_model_dir, tmp_path / "tokenizer", "tokenizer.json", "tokenizer_config.json")
    person_finder = CkipPersonFinder(model_dir, tokenizer_dir=tokenizer_dir, max_chars=64)
    assert person_finder.find("會議主席：趙德安") == [(5, 8)]


def test_missing_directory(tmp_path):
    with pytest.raises(NerModelError) as caught:
        CkipPersonFinder(tmp_path / "nowhere").find("王小明")
    assert "找不到" in caught.value.zh and "does not exist" in caught.value.en


def test_directory_without_tokenizer_files(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path / "model", "config.json", "model.safetensors")
    person_finder = CkipPersonFinder(model_dir)
    with pytest.raises(NerModelError) as caught:
        person_finder.find("王小明")
    assert "bert-base-chinese" in caught.value.en and "bert-base-chinese" in caught.value.zh
    assert not person_finder.loaded


def test_placeholder_tokenizer_is_refused(tiny_model_dir, tmp_path):
    """transformers 5 trap: a tokenizer with a handful of tokens loads silently; the vocabulary check stops it."""
    from transformers import BertTokenizerFast

    tokenizer_dir = tmp_path / "tokenizer"
    specials = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
    BertTokenizerFast(vocab={token: index for index, token in enumerate(specials)}).save_pretrained(tokenizer_dir)
    with pytest.raises(NerModelError) as caught:
        CkipPersonFinder(tiny_model_dir, tokenizer_dir=tokenizer_dir).find("王小明")
    assert "5 entries" in caught.value.en and "[UNK]" in caught.value.zh


def _with_labels(tiny_model_dir: Path, target: Path, labels: list[str] | None) -> Path:
    model_dir = _copy(tiny_model_dir, target, "config.json", "model.safetensors", "tokenizer.json",
                      "tokenizer_config.json")
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if labels is None:
        del config["id2label"], config["label2id"]
    else:
        config["id2label"] = {str(index): label for index, label in enumerate(labels)}
        config["label2id"] = {label: index for index, label in enumerate(labels)}
    (model_dir / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return model_dir


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "O2", "X", "Y", "Z"], "BIOES"),  # not CKIP tag names
        (["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE", "O", "O", "O", "O"], "E-PERSON"),  # BIO, not BIOES
        (["O", "B-GPE", "I-GPE", "E-GPE", "S-GPE", "B-ORG", "I-ORG", "E-ORG", "S-ORG"], "B-PERSON"),  # no PERSON
        (None, "BIOES"),  # transformers' LABEL_0 … default
    ],
    ids=["foreign-names", "bio", "no-person", "no-labels"],
)
def test_bad_labels_are_refused_before_loading(tiny_model_dir, tmp_path, labels, message):
    person_finder = CkipPersonFinder(_with_labels(tiny_model_dir, tmp_path / "model", labels))
    with pytest.raises(NerModelError) as caught:
        person_finder.find("王小明")
    assert message in caught.value.en
    assert caught.value.zh and caught.value.zh in str(caught.value)


def test_missing_model_max_length_gets_512(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path / "model", "config.json", "model.safetensors", "tokenizer.json",
                      "tokenizer_config.json")
    tokenizer_config = json.loads((model_dir / "tokenizer_config.json").read_text(encoding="utf-8"))
    del tokenizer_config["model_max_length"]
    (model_dir / "tokenizer_config.json").write_text(json.dumps(tokenizer_config), encoding="utf-8")
    person_finder = CkipPersonFinder(model_dir, max_chars=5000)
    assert person_finder.load().tokenizer.model_max_length == 512
    text = "無標點" * 1000  # 3,000 characters, no sentence end: would crash the driver without the limit
    assert all(0 <= start < end <= len(text) for start, end in person_finder.find(text))


def test_bad_arguments():
    with pytest.raises(ValueError):
        CkipPersonFinder("x", batch_size=0)
    with pytest.raises(ValueError):
        CkipPersonFinder("x", max_chars=1)


def test_every_held_out_name_is_tested():
    tested = "".join(sentence for sentence, _ in HELD_OUT_SENTENCES)
    assert all(name in tested for name in HELD_OUT_NAMES)
