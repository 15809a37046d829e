"""Train the attribution tagger on PolNeAR train (needs the `train` extra).

MiniLM (all-MiniLM-L6-v2) fine-tuned over windows of 126 word pieces of the PolNeAR training
articles with one head of BIO tags per attribution role: content (what was said or
thought), source (who) and cue (the verb or phrase that attributes). The roles nest (a
source can sit inside another attribution's content), so each role has its own tags. A few
training articles are held out (their names are stored with the weights) so that decoding
choices can be made without touching dev.

    python -m eval.train_quotes [--data ../shared/eval/polnear] [--out FILE]

(default output: src/newsprism/data/quotes-minilm.npz)
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch  # type: ignore[import-not-found, unused-ignore]

from eval import SHARED_EVAL
from eval.export_onnx import save_model
from eval.finetune import (
    fit_windows,
    hold_out,
    load_encoder,
    pad_tensor,
    setup,
    window_bounds,
    window_trainer_args,
)
from newsprism.analyze.attribution import MODEL, ROLES
from newsprism.analyze.transformer import CLS, SEP, WINDOW, data_path, load_tokenizer

DEFAULT_DATA = SHARED_EVAL / "polnear"
IGNORE = -100


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 2
    lr: float = 1e-4
    batch: int = 16
    holdout: int = 40
    seed: int = 13
    threads: int = 2


@dataclass(frozen=True, slots=True)
class Annotated:
    name: str
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (role, start, end), discontinuous pieces apart


def read_polnear(data: Path, split: str, limit: int = 0) -> list[Annotated]:
    """The articles of a PolNeAR split with their content, source and cue spans."""
    annotations = {ann.stem.rsplit("_", 1)[0]: ann
                   for ann in (data / split / "attributions").glob("*.ann")}
    paths = sorted((data / split / "text").glob("*.txt"))
    articles = []
    for path in paths[:limit] if limit else paths:
        spans = []
        for line in annotations[path.stem].read_text("utf-8").splitlines():
            fields = line.split("\t")
            if not line.startswith("T") or len(fields) < 2:
                continue  # a relation, or the rest of a covered text with a line break
            label, _, offsets = fields[1].partition(" ")
            if label.lower() in ROLES:
                for piece in offsets.split(";"):
                    start, end = map(int, piece.split())
                    spans.append((label.lower(), start, end))
        articles.append(Annotated(path.stem, path.read_text("utf-8"), tuple(spans)))
    return articles


@dataclass(frozen=True, slots=True)
class Tokenized:
    ids: list[int]
    tags: list[list[int]]  # per role: 0 outside, 1 first token of a span, 2 inside


def tokenize(article: Annotated) -> Tokenized:
    """Word pieces of an article and, per role, their BIO tags."""
    encoding = load_tokenizer().encode(article.text, add_special_tokens=False)
    starts = np.array([start for start, _ in encoding.offsets])
    ends = np.array([end for _, end in encoding.offsets])
    tags = [[0] * len(encoding.ids) for _ in ROLES]
    for role, start, end in sorted(article.spans, key=lambda span: span[1]):
        row = tags[ROLES.index(role)]
        inside = np.flatnonzero((starts < end) & (ends > start))
        for position, token in enumerate(inside):
            row[token] = row[token] or (1 if position == 0 else 2)
    return Tokenized(encoding.ids, tags)


def windows(article: Tokenized, offset: int) -> list[Tokenized]:
    """Consecutive windows of WINDOW tokens (the first one `offset` tokens long); a span cut
    by a window's start begins there."""
    pieces = []
    for start, end in window_bounds(len(article.ids), offset):
        tags = [[1 if i == 0 and row[start] == 2 else tag
                 for i, tag in enumerate(row[start:end])] for row in article.tags]
        pieces.append(Tokenized(article.ids[start:end], tags))
    return pieces


class AttributionModel(torch.nn.Module):  # type: ignore[misc]
    """Encoder and a head of BIO tags per role (`tags`: 3 × len(ROLES) outputs)."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = load_encoder()
        self.dropout = torch.nn.Dropout(0.1)
        self.tags = torch.nn.Linear(384, 3 * len(ROLES))

    def forward(self, ids: Any, mask: Any) -> Any:
        hidden = self.dropout(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state)
        logits = self.tags(hidden)
        return logits.view(*logits.shape[:2], len(ROLES), 3)


def batch_loss(model: AttributionModel, batch: list[Tokenized]) -> Any:
    ids = pad_tensor([[CLS, *piece.ids, SEP] for piece in batch])
    logits = model(ids, (ids != 0).long())
    loss = 0.0
    for role in range(len(ROLES)):
        targets = pad_tensor([[IGNORE, *piece.tags[role], IGNORE] for piece in batch], IGNORE)
        loss = loss + torch.nn.functional.cross_entropy(
            logits[:, :, role].reshape(-1, 3), targets.reshape(-1), ignore_index=IGNORE)
    return loss


def train(articles: list[Annotated], settings: Settings, log: Any = None) -> AttributionModel:
    """A model fine-tuned on `articles`."""
    setup(settings.seed, settings.threads)
    tokenized = [tokenize(article) for article in articles]
    return fit_windows(AttributionModel(), tokenized, windows, batch_loss, settings, log)


def main() -> None:
    defaults = Settings()
    args = window_trainer_args(__doc__.split("\n")[0], DEFAULT_DATA, data_path(MODEL),
                               defaults.epochs, defaults.threads)
    settings = Settings(epochs=args.epochs, threads=args.threads)
    articles = read_polnear(args.data, "train", args.limit)
    held, rest = hold_out(articles, settings.holdout, settings.seed)
    model = train(rest, settings, log=sys.stderr)
    meta = {"task": "attribution", "roles": list(ROLES), "layers": 6, "heads": 12,
            "window": WINDOW, "articles": len(rest), "settings": asdict(settings),
            "held_out": sorted(article.name for article in held)}
    save_model(model, args.out, meta)
    print(f"wrote {args.out} from {len(rest)} articles ({len(held)} held out)")


if __name__ == "__main__":
    main()
