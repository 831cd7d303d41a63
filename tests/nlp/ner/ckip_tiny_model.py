"""Build, train and save a tiny CKIP-style NER model for the tests (no download, CPU, well under a minute).

The model is a 2-layer BERT token classifier with hidden size 64 over a character vocabulary, labelled in
CKIP's BIOES scheme (``O``, ``B-PERSON`` … ``S-PERSON``, ``B-GPE`` …). It is trained on synthetic sentences
(templates × Taiwanese names) until it tags held-out names correctly, then saved with ``save_pretrained``
so that :class:`nlp.ner.ckip.CkipPersonFinder` loads it exactly as it loads a real CKIP Lab model.

The names and one template used by the tests are kept out of training (:data:`HELD_OUT_NAMES`,
:data:`HELD_OUT_TEMPLATE`), so the tests measure recognition, not recall of memorised strings.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

SURNAMES = (
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范宋方"
)
COMPOUND_SURNAMES = ("歐陽", "張簡", "司馬")
GIVEN_CHARS = "小志明淑芬美玲俊傑家豪雅婷怡君宗翰建宏冠宇佳蓉承恩育誠嘉慧文雄秀英麗華信柏品妤欣瑜庭瑋哲偉國正德安子涵"

#: What officials write before a name, the title after it, and the rest of the sentence; training
#: sentences combine them freely.
PREFIXES = (
    "承辦人：", "本案由", "陳情人", "申請人", "請", "副本抄送", "感謝", "經", "記錄：", "聯絡人", "",
    "會議主席：", "據", "經查", "另請", "Dear ", "本府", "與會人員：{m}、", "轉知",
)
TITLES = ("先生", "小姐", "女士", "君", "科長", "科員", "股長", "專員", "主任", "", "", "", "")
PREDICATES = (
    "負責辦理。", "來函反映路燈故障。", "於今日送件。", "於會後提供資料。", "表示，本府將持續推動。", "。",
    "的寶貴意見。", "請假三日。", "，電話分機123。", "簽核後陳閱。", "已完成補件。", "說明如下。",
    "將出席會議。", "", "、{m}", "於上週來電。", ", 請參考附件。", "（分機205）", "已送達。",
)
#: Templates with several names; ``{n}``, ``{m}`` and ``{k}`` are persons (some prefixes and suffixes hold ``{m}`` too).
PAIR_TEMPLATES = ("與會人員：{n}、{m}", "{n}與{m}共同出席。", "出席：{n}、{m}、{k}")
#: A sentence form never generated in training (its words occur elsewhere): the tests use it with held-out names.
HELD_OUT_TEMPLATE = "經查{n}專員已於上週完成補件。"  # training has 已完成補件 and 於上週來電, not this

#: Sentences without any person, some with place names (GPE) and surname-like characters.
NON_PERSON_SENTENCES = (
    ("新北市政府於板橋區舉辦活動。", ("新北市", "板橋區")),
    ("高雄市與臺北市簽訂合作備忘錄。", ("高雄市", "臺北市")),
    ("林務局公告黃金週期間暫停開放。", ()),
    ("本案依個人資料保護法辦理。", ()),
    ("王道精神是本次研討的主題。", ()),
    ("請於三日內回覆本府。", ()),
    ("會議時間：下午二時。", ()),
    ("陳列室將於週一重新開放。", ()),
    ("張貼公告於三重區公所。", ("三重區",)),
    ("周末活動在淡水區舉行。", ("淡水區",)),
    ("高中職學生可於新莊區報名。", ("新莊區",)),
    ("方案內容詳如附件。", ()),
    ("江河整治計畫第二期。", ()),
    ("石門水庫水情穩定。", ()),
)

#: Names kept out of training; the tests look for these.
HELD_OUT_NAMES = ("林雅涵", "黃冠哲", "吳佳瑜", "鄭子恩", "蔡品宏", "歐陽文傑", "潘恩", "趙德安")

LABELS = ("O",) + tuple(f"{tag}-{kind}" for kind in ("PERSON", "GPE") for tag in "BIES")
SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
PUNCTUATION = "，。：；！？、（）「」『』《》〈〉…—～·"
ASCII = "".join(chr(code) for code in range(0x21, 0x7F))


@dataclass(frozen=True)
class TrainingReport:
    """How the tiny model's training went (the fixture prints it)."""

    seconds: float
    epochs: int
    held_out_accuracy: float


def _bioes(length: int, kind: str) -> list[str]:
    if length == 1:
        return [f"S-{kind}"]
    return [f"B-{kind}"] + [f"I-{kind}"] * (length - 2) + [f"E-{kind}"]


def _labelled(template: str, names: dict[str, str]) -> tuple[str, list[str]]:
    """Fill ``template`` with ``names`` and return the sentence with one BIOES label per character."""
    text, labels = "", []
    rest = template
    while rest:
        slot = min((rest.find(key) for key in ("{n}", "{m}", "{k}") if key in rest), default=-1)
        if slot < 0:
            text += rest
            labels += ["O"] * len(rest)
            break
        text += rest[:slot]
        labels += ["O"] * slot
        name = names[rest[slot + 1]]
        text += name
        labels += _bioes(len(name), "PERSON")
        rest = rest[slot + 3:]
    return text, labels


def _with_places(sentence: str, places: tuple[str, ...]) -> tuple[str, list[str]]:
    labels = ["O"] * len(sentence)
    for place in places:
        start = sentence.index(place)
        labels[start:start + len(place)] = _bioes(len(place), "GPE")
    return sentence, labels


def _random_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.08 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2, 2))))


def _sentence(rng: random.Random, held_out: set[str]) -> tuple[str, list[str]]:
    if rng.random() < 0.2:
        return _with_places(*rng.choice(NON_PERSON_SENTENCES))
    names = {}
    for key in "nmk":
        name = _random_name(rng)
        while name in held_out:
            name = _random_name(rng)
        names[key] = name
    if rng.random() < 0.1:
        template = rng.choice(PAIR_TEMPLATES)
    else:
        template = rng.choice(PREFIXES) + "{n}" + rng.choice(TITLES) + rng.choice(PREDICATES)
    return _labelled(template, names)


def training_examples(count: int = 800, seed: int = 7) -> list[tuple[str, list[str]]]:
    """Synthetic labelled sequences of 1–3 sentences (templates × random names, or without persons).

    Several sentences per sequence teach the model what the finder feeds it: chunks of a few sentences.
    """
    rng = random.Random(seed)
    held_out = set(HELD_OUT_NAMES)
    examples = []
    for _ in range(count):
        text, labels = "", []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            sentence, sentence_labels = _sentence(rng, held_out)
            text += sentence
            labels += sentence_labels
        examples.append((text, labels))
    return examples


#: Held-out names in known contexts (but sentences never generated in training) and in the held-out template.
HELD_OUT_SENTENCES = (
    ("承辦人：林雅涵，電話分機123。", ("林雅涵",)),
    ("陳情人黃冠哲先生於上週來電。", ("黃冠哲",)),
    ("請吳佳瑜科長於會後提供資料。", ("吳佳瑜",)),
    ("感謝鄭子恩女士的寶貴意見。", ("鄭子恩",)),
    ("與會人員：王小明、蔡品宏主任", ("王小明", "蔡品宏")),
    ("本案由歐陽文傑負責辦理。", ("歐陽文傑",)),
    ("副本抄送潘恩先生。", ("潘恩",)),
    ("會議主席：趙德安", ("趙德安",)),
    ("本府將持續推動各項業務。陳情人黃冠哲先生於上週來電。", ("黃冠哲",)),
    ("ABC123 經查吳佳瑜專員已於上週完成補件。", ("吳佳瑜",)),
) + tuple((HELD_OUT_TEMPLATE.replace("{n}", name), (name,)) for name in HELD_OUT_NAMES)


def held_out_examples() -> list[tuple[str, tuple[str, ...]]]:
    """(sentence, names in it) pairs the model never saw in training."""
    return list(HELD_OUT_SENTENCES)


def character_vocabulary(extra_text: str = "") -> dict[str, int]:
    """Special tokens, ASCII, CJK punctuation, 1,500 common CJK characters and every character in ``extra_text``.

    Full-width digits and letters are deliberately absent (as in ``bert-base-chinese``): the finder folds
    them to ASCII for the model while keeping offsets into the original text.
    """
    tokens = list(SPECIAL_TOKENS) + list(ASCII) + list(PUNCTUATION)
    tokens += [chr(code) for code in range(0x4E00, 0x4E00 + 1500)]
    tokens += sorted(set(extra_text))
    vocabulary: dict[str, int] = {}
    for token in tokens:
        if token not in vocabulary and not token.isspace():
            vocabulary[token] = len(vocabulary)
    return vocabulary


def _all_text() -> str:
    parts = [SURNAMES, "".join(COMPOUND_SURNAMES), GIVEN_CHARS, HELD_OUT_TEMPLATE, "王小明陳美玲"]
    parts += HELD_OUT_NAMES
    parts += PREFIXES + TITLES + PREDICATES + PAIR_TEMPLATES
    parts += [sentence for sentence, _ in NON_PERSON_SENTENCES]
    return "".join(parts)


def _encode(sentence: str, vocabulary: dict[str, int]) -> list[int]:
    """Character ids exactly as ckip-transformers feeds them (one vocabulary lookup per character)."""
    unknown = vocabulary["[UNK]"]
    return [vocabulary["[CLS]"]] + [vocabulary.get(char, unknown) for char in sentence] + [vocabulary["[SEP]"]]


def _predict_names(model, vocabulary: dict[str, int], sentences: list[str]) -> list[set[str]]:
    import torch

    label_of = model.config.id2label
    found = []
    model.eval()
    with torch.no_grad():
        for sentence in sentences:
            ids = torch.tensor([_encode(sentence, vocabulary)])
            tags = [label_of[int(i)] for i in model(input_ids=ids).logits[0, 1:-1].argmax(-1)]
            names, current = set(), ""
            for char, tag in zip(sentence, tags):
                if tag == "B-PERSON":
                    current = char
                elif tag == "I-PERSON" and current:
                    current += char
                elif tag == "E-PERSON" and current:
                    names.add(current + char)
                    current = ""
                else:
                    current = ""
            found.append(names)
    model.train()
    return found


def build_tiny_ckip_model(
    directory: Path, *, max_epochs: int = 40, max_seconds: float = 120.0, seed: int = 5
) -> TrainingReport:
    """Train the tiny model and save model + tokenizer into ``directory`` (created if needed)."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    started = time.perf_counter()
    torch.manual_seed(seed)
    vocabulary = character_vocabulary(_all_text())
    # vocab= (a dict), not vocab_file=: transformers 5 silently ignores vocab_file (TECH-NOTES, trap 2).
    tokenizer = BertTokenizerFast(vocab=vocabulary, do_lower_case=False, model_max_length=512)
    label_to_id = {label: index for index, label in enumerate(LABELS)}
    config = BertConfig(
        vocab_size=len(vocabulary),
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=128,
        max_position_embeddings=512,
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        id2label=dict(enumerate(LABELS)),
        label2id=label_to_id,
    )
    model = BertForTokenClassification(config)

    examples = training_examples()
    inputs, targets = [], []
    for sentence, labels in examples:
        inputs.append(_encode(sentence, vocabulary))
        targets.append([-100] + [label_to_id[label] for label in labels] + [-100])
    width = max(map(len, inputs))
    pad = vocabulary["[PAD]"]
    input_ids = torch.tensor([ids + [pad] * (width - len(ids)) for ids in inputs])
    attention = torch.tensor([[1] * len(ids) + [0] * (width - len(ids)) for ids in inputs])
    label_ids = torch.tensor([tags + [-100] * (width - len(tags)) for tags in targets])

    held_out = held_out_examples()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    batches_per_epoch = (len(inputs) + 31) // 32
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: max(0.05, 1 - step / (30 * batches_per_epoch))
    )
    generator = torch.Generator().manual_seed(seed)
    accuracy, epoch, perfect_in_a_row = 0.0, 0, 0
    model.train()
    # Stop once every held-out sentence is tagged exactly right twice in a row (or at the time limit).
    while epoch < max_epochs and perfect_in_a_row < 2 and time.perf_counter() - started < max_seconds:
        epoch += 1
        for batch in torch.randperm(len(inputs), generator=generator).split(32):
            loss = model(input_ids=input_ids[batch], attention_mask=attention[batch], labels=label_ids[batch]).loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
        predicted = _predict_names(model, vocabulary, [sentence for sentence, _ in held_out])
        hits = sum(found == set(names) for found, (_, names) in zip(predicted, held_out))
        accuracy = hits / len(held_out)
        perfect_in_a_row = perfect_in_a_row + 1 if hits == len(held_out) else 0
    model.eval()
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return TrainingReport(time.perf_counter() - started, epoch, accuracy)


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/nlp/ner/ckip_tiny_model.py DIR
    import sys

    print(build_tiny_ckip_model(Path(sys.argv[1])))
