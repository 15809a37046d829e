"""Train the sentence-bias model on BABE (needs the `train` extra) and write its weights.

MiniLM (all-MiniLM-L6-v2) fine-tuned on `babe_train.csv`: mean-pooled tokens → Biased /
Non-biased, with a second, auxiliary head that tags the words the annotators marked as
biased (`biased_words`), which helps the sentence head on so little data.

    python -m eval.train_bias [--data ../shared/eval/babe] [--out FILE]

(default output: src/newsprism/data/bias-minilm.npz)
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch  # type: ignore[import-not-found, unused-ignore]

from eval import SHARED_EVAL
from eval.babe import Example, read_babe
from eval.export_onnx import save_model
from eval.finetune import (
    batch_order,
    load_encoder,
    optimizer,
    pad_tensor,
    setup,
    step_once,
    write_shared_embeddings,
)
from newsprism.analyze.bias import MAX_TOKENS, MODEL
from newsprism.analyze.transformer import EMBEDDINGS, data_path, load_tokenizer

DEFAULT_DATA = SHARED_EVAL / "babe"


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 3
    lr: float = 5e-5
    batch: int = 16
    word_loss: float = 0.3
    seed: int = 13
    threads: int = 1


def encode(example: Example) -> tuple[list[int], list[float]]:
    """Token ids (with [CLS]/[SEP], at most MAX_TOKENS) and per-token biased-word targets."""
    encoding = load_tokenizer().encode(example.text)
    spans = [(m.start(), m.end()) for word in example.biased_words if word.strip()
             for m in re.finditer(r"\b" + re.escape(word.strip()) + r"\b", example.text,
                                  flags=re.IGNORECASE)]
    targets = [float(end > start and any(s < end and start < e for s, e in spans))
               for start, end in encoding.offsets]
    ids = encoding.ids
    if len(ids) > MAX_TOKENS:
        ids, targets = [*ids[:MAX_TOKENS - 1], ids[-1]], [*targets[:MAX_TOKENS - 1], 0.0]
    return ids, targets


class BiasModel(torch.nn.Module):  # type: ignore[misc]
    """Encoder, a sentence head over mean-pooled tokens and a biased-word token head."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = load_encoder()
        self.dropout = torch.nn.Dropout(0.1)
        self.sentence = torch.nn.Linear(384, 2)
        self.words = torch.nn.Linear(384, 1)

    def forward(self, ids: Any, mask: Any) -> tuple[Any, Any]:
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1)
        return self.sentence(self.dropout(pooled)), self.words(self.dropout(hidden)).squeeze(-1)


def train(examples: list[Example], settings: Settings, log: Any = None) -> BiasModel:
    """A model fine-tuned on `examples`."""
    setup(settings.seed, settings.threads)
    rng = random.Random(settings.seed)
    encoded = [encode(example) for example in examples]
    model = BiasModel()
    model.train()
    per_epoch = (len(examples) + settings.batch - 1) // settings.batch
    opt, schedule = optimizer(model, settings.lr, per_epoch * settings.epochs)
    started = time.perf_counter()
    for epoch in range(settings.epochs):
        total = 0.0
        for batch in batch_order([len(ids) for ids, _ in encoded], settings.batch, rng):
            ids = pad_tensor([encoded[i][0] for i in batch])
            mask = (ids != 0).long()
            words = pad_tensor([encoded[i][1] for i in batch]).float()  # type: ignore[arg-type]
            labels = torch.tensor([examples[i].label for i in batch])
            sentence_logits, word_logits = model(ids, mask)
            loss = torch.nn.functional.cross_entropy(sentence_logits, labels)
            word_loss = torch.nn.functional.binary_cross_entropy_with_logits(
                word_logits, words, weight=mask.float())
            total += step_once(model, opt, schedule, loss + settings.word_loss * word_loss)
        if log:
            print(f"epoch {epoch + 1}: loss {total / per_epoch:.4f} "
                  f"({time.perf_counter() - started:.0f} s)", file=log, flush=True)
    model.eval()
    return model


def save(model: BiasModel, path: Path, settings: Settings, examples: int) -> None:
    meta = {"task": "sentence-bias", "labels": ["Non-biased", "Biased"], "layers": 6,
            "heads": 12, "max_tokens": MAX_TOKENS, "examples": examples,
            "settings": asdict(settings)}
    save_model(model, path, meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=data_path(MODEL))
    parser.add_argument("--epochs", type=int, default=Settings().epochs)
    parser.add_argument("--threads", type=int, default=Settings().threads)
    args = parser.parse_args()
    settings = Settings(epochs=args.epochs, threads=args.threads)
    if not data_path(EMBEDDINGS).exists():  # shared, frozen: written once from the base
        write_shared_embeddings()
    examples = read_babe(args.data / "babe_train.csv")
    model = train(examples, settings, log=sys.stderr)
    save(model, args.out, settings, len(examples))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) from "
          f"{len(examples)} sentences")


if __name__ == "__main__":
    main()
