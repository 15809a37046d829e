"""Train the propaganda-techniques model on PTC train (needs the `train` extra).

MiniLM (all-MiniLM-L6-v2) fine-tuned over windows of 126 word pieces of the PTC training
articles, with two heads: BIO tags over the merged technique spans (span identification)
and a span head over the tokens of each gold span (technique classification: a linear map
of their mean, first and last token, trained with cross-entropy). A few training articles
are held out to choose the tagging threshold (by the task's SI F1); the rest train.

    python -m eval.train_techniques [--data ../shared/eval/ptc] [--out FILE]

(default output: src/newsprism/data/techniques-minilm.npz)
"""

from __future__ import annotations

import sys
import tempfile
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
from eval.framing import PtcArticle, f1, merge, read_ptc, si_counts
from newsprism.analyze import transformer
from newsprism.analyze.techniques import (
    MODEL,
    TECHNIQUES,
    span_chars,
    tagged_runs,
    token_outputs,
)
from newsprism.analyze.transformer import CLS, SEP, WINDOW, data_path, load_tokenizer

DEFAULT_DATA = SHARED_EVAL / "ptc"
IGNORE = -100


@dataclass(frozen=True, slots=True)
class Settings:
    epochs: int = 4
    lr: float = 1e-4
    batch: int = 16
    span_loss: float = 1.0
    holdout: int = 25
    seed: int = 13
    threads: int = 2


@dataclass(frozen=True, slots=True)
class Tokenized:
    ids: list[int]
    tags: list[int]  # 0 outside, 1 first token of a span, 2 inside
    spans: list[tuple[int, int, int]]  # (first token, end token, technique index)


def tokenize(article: PtcArticle) -> Tokenized:
    """Word pieces of an article, their BIO tags and the token ranges of its spans."""
    encoding = load_tokenizer().encode(article.text, add_special_tokens=False)
    starts = np.array([start for start, _ in encoding.offsets])
    ends = np.array([end for _, end in encoding.offsets])
    tags = [0] * len(encoding.ids)
    for start, end in merge((s, e) for _, s, e in article.spans):
        inside = np.flatnonzero((starts < end) & (ends > start))
        for position, token in enumerate(inside):
            tags[token] = 1 if position == 0 else 2
    spans = []
    for technique, start, end in article.spans:
        inside = np.flatnonzero((starts < end) & (ends > start))
        if len(inside):
            spans.append((int(inside[0]), int(inside[-1]) + 1, TECHNIQUES.index(technique)))
    return Tokenized(encoding.ids, tags, spans)


def windows(article: Tokenized, offset: int) -> list[Tokenized]:
    """Consecutive windows of WINDOW tokens (the first one `offset` tokens long), each
    with the spans that lie at least half inside it, clipped to it."""
    pieces = []
    for start, end in window_bounds(len(article.ids), offset):
        spans = [(max(s, start) - start, min(e, end) - start, label)
                 for s, e, label in article.spans
                 if 2 * (min(e, end) - max(s, start)) >= e - s]
        tags = article.tags[start:end]
        if tags and tags[0] == 2:
            tags = [1, *tags[1:]]
        pieces.append(Tokenized(article.ids[start:end], tags, spans))
    return pieces


class TechniquesModel(torch.nn.Module):  # type: ignore[misc]
    """Encoder, a BIO tag head and a span head (3 linear parts per technique)."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = load_encoder()
        self.dropout = torch.nn.Dropout(0.1)
        self.tags = torch.nn.Linear(384, 3)
        self.techniques = torch.nn.Linear(384, 3 * len(TECHNIQUES))

    def forward(self, ids: Any, mask: Any) -> tuple[Any, Any]:
        hidden = self.dropout(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state)
        parts = self.techniques(hidden)
        return self.tags(hidden), parts.view(*parts.shape[:2], 3, len(TECHNIQUES))


def batch_loss(model: TechniquesModel, batch: list[Tokenized], span_weight: float) -> Any:
    ids = pad_tensor([[CLS, *piece.ids, SEP] for piece in batch])
    targets = pad_tensor([[IGNORE, *piece.tags, IGNORE] for piece in batch], IGNORE)
    tag_logits, parts = model(ids, (ids != 0).long())
    loss = torch.nn.functional.cross_entropy(tag_logits.reshape(-1, 3), targets.reshape(-1),
                                             ignore_index=IGNORE)
    logits, labels = [], []
    for row, piece in enumerate(batch):
        for first, end, label in piece.spans:
            span = parts[row, first + 1:end + 1]
            logits.append(span[:, 0].mean(0) + span[0, 1] + span[-1, 2])
            labels.append(label)
    if logits:
        loss = loss + span_weight * torch.nn.functional.cross_entropy(
            torch.stack(logits), torch.tensor(labels))
    return loss


def train(articles: list[PtcArticle], settings: Settings, log: Any = None) -> TechniquesModel:
    """A model fine-tuned on `articles`."""
    setup(settings.seed, settings.threads)
    tokenized = [tokenize(article) for article in articles]
    def loss(model: TechniquesModel, batch: list[Tokenized]) -> Any:
        return batch_loss(model, batch, settings.span_loss)

    return fit_windows(TechniquesModel(), tokenized, windows, loss, settings, log)


def choose_threshold(articles: list[PtcArticle], path: Path) -> tuple[float, float]:
    """The tagging threshold with the best SI F1 on `articles`, and that F1."""
    outputs = [token_outputs(article.text, str(path)) for article in articles]
    best = (0.5, -1.0)
    for threshold in np.arange(0.2, 0.75, 0.05):
        credit_p = credit_r = 0.0
        n_pred = n_gold = 0
        for article, out in zip(articles, outputs, strict=True):
            predicted = merge(span_chars(article.text, out, a, b)
                              for a, b in tagged_runs(article.text, out, float(threshold)))
            gold = merge((s, e) for _, s, e in article.spans)
            p, r = si_counts(gold, predicted)
            credit_p, credit_r = credit_p + p, credit_r + r
            n_pred, n_gold = n_pred + len(predicted), n_gold + len(gold)
        score = f1(credit_p / max(n_pred, 1), credit_r / max(n_gold, 1))
        if score > best[1]:
            best = (round(float(threshold), 2), score)
    return best


def save(model: TechniquesModel, path: Path, settings: Settings, threshold: float,
         articles: int) -> None:
    meta = {"task": "propaganda-techniques", "labels": list(TECHNIQUES), "layers": 6,
            "heads": 12, "window": WINDOW, "threshold": threshold, "articles": articles,
            "settings": asdict(settings)}
    save_model(model, path, meta)


def main() -> None:
    defaults = Settings()
    args = window_trainer_args(__doc__.split("\n")[0], DEFAULT_DATA, data_path(MODEL),
                               defaults.epochs, defaults.threads)
    settings = Settings(epochs=args.epochs, threads=args.threads)
    articles = read_ptc(args.data, "train", args.limit)
    held, rest = hold_out(articles, settings.holdout, settings.seed)
    model = train(rest, settings, log=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.npz"
        save(model, draft, settings, 0.5, len(rest))
        threshold, score = choose_threshold(held, draft)
        transformer.load_model.cache_clear()
    print(f"threshold {threshold} (SI F1 {score:.3f} on {len(held)} held-out train articles)")
    save(model, args.out, settings, threshold, len(rest))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) from "
          f"{len(rest)} articles")


if __name__ == "__main__":
    main()
