"""Trained framing models: propaganda techniques on PTC dev, sentence bias on BABE.

PTC (SemEval-2020 Task 11, `../shared/eval/ptc`), shipped weights, dev articles:
  * span identification (SI): the task's F1 with partial credit — overlapping spans of one
    article are merged (gold and predicted), and a predicted span s and gold span t add
    |s∩t|/|s| to precision and |s∩t|/|t| to recall (characters), summed over all pairs of
    an article, divided by the number of predicted / gold spans over the whole set;
  * technique classification (TC) given the gold spans: micro-F1 over the 14 techniques (a
    span annotated with k techniques gets the model's k best labels).

BABE (`../shared/eval/babe/babe_train.csv`): 5-fold cross-validation — for each fold a model
is trained on the other four (needs the `train` extra, ~1/6 of the shipped model's training
each), and the held-out fold is scored through the run-time (int8, numpy) path. Reported:
macro-F1 over all out-of-fold predictions, and separately for sentences from left- and
right-leaning outlets (`type` column) with the gap. Also the shipped model (trained on all of
`babe_train.csv`) on the SG1 expert-labelled sentences that are not in `babe_train.csv`.

    python -m eval.framing [--data ../shared/eval] [--skip ptc,babe-cv,sg1] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval import SHARED_EVAL
from newsprism.analyze.bias import WordScore, bias_scores, score_texts
from newsprism.analyze.techniques import TECHNIQUES, find_techniques, rank_labels

Span = tuple[int, int]


# -- PTC ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PtcArticle:
    id: str
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (technique, start, end)


def read_ptc(folder: Path, split: str = "dev", limit: int = 0) -> list[PtcArticle]:
    """Articles of a PTC split with their technique spans (from the TC labels file)."""
    labels: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for line in (folder / f"{split}-task2-TC.labels").read_text("utf-8").splitlines():
        if line.strip():
            article, technique, start, end = line.split("\t")
            labels[article].append((technique, int(start), int(end)))
    paths = sorted((folder / f"{split}-articles").glob("article*.txt"))
    paths = paths[:limit] if limit else paths
    return [PtcArticle(p.stem.removeprefix("article"), p.read_text("utf-8"),
                       tuple(sorted(labels.get(p.stem.removeprefix("article"), []),
                                    key=lambda s: (s[1], s[2], s[0]))))
            for p in paths]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping (or touching) spans joined, as the SI scorer does."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def si_counts(gold: Sequence[Span], predicted: Sequence[Span]) -> tuple[float, float]:
    """Summed partial precision and recall credit of one article (SemEval-2020 Task 11)."""
    precision = recall = 0.0
    for s_start, s_end in predicted:
        for g_start, g_end in gold:
            common = max(0, min(s_end, g_end) - max(s_start, g_start))
            if common:
                precision += common / (s_end - s_start)
                recall += common / (g_end - g_start)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate_si(articles: Sequence[PtcArticle]) -> dict[str, float]:
    """SI precision, recall, F1 of the shipped techniques model, and its speed."""
    credit_p = credit_r = 0.0
    n_pred = n_gold = words = 0
    seconds = 0.0
    for article in articles:
        started = time.perf_counter()
        found = find_techniques(article.text)
        seconds += time.perf_counter() - started
        words += len(article.text.split())
        gold = merge((start, end) for _, start, end in article.spans)
        predicted = merge((t.start, t.end) for t in found)
        p, r = si_counts(gold, predicted)
        credit_p, credit_r = credit_p + p, credit_r + r
        n_pred, n_gold = n_pred + len(predicted), n_gold + len(gold)
    precision, recall = credit_p / max(n_pred, 1), credit_r / max(n_gold, 1)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall),
            "predicted": n_pred, "gold": n_gold, "words_per_s": words / max(seconds, 1e-9)}


def evaluate_tc(articles: Sequence[PtcArticle]) -> dict[str, float]:
    """TC micro-F1 given the gold spans: a span with k gold techniques gets the k labels
    the model ranks first; right labels are counted with multiplicity."""
    correct = total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for article in articles:
        by_span: dict[Span, list[str]] = defaultdict(list)
        for technique, start, end in article.spans:
            by_span[(start, end)].append(technique)
        spans = list(by_span)
        rankings = rank_labels(article.text, spans)
        for span, ranking in zip(spans, rankings, strict=True):
            gold = Counter(by_span[span])
            guess = Counter(label for label, _ in ranking[:len(by_span[span])])
            correct += sum((gold & guess).values())
            total += len(by_span[span])
            confusion.update((g, ranking[0][0]) for g in by_span[span])
    return {"micro_f1": correct / max(total, 1), "spans": total,
            **{f"recall {label}": confusion[(label, label)]
               / max(sum(n for (g, _), n in confusion.items() if g == label), 1)
               for label in TECHNIQUES}}


# -- BABE --------------------------------------------------------------------------------

def macro_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Mean of the F1 of class 1 and of class 0."""
    scores = []
    for positive in (1, 0):
        tp = sum(g == p == positive for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == positive != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == positive != p for g, p in zip(gold, predicted, strict=True))
        scores.append(f1(tp / max(tp + fp, 1), tp / max(tp + fn, 1)))
    return sum(scores) / 2


def folds(labels: Sequence[str], k: int, seed: int) -> list[int]:
    """A fold number for each example, stratified by `labels`, reproducible from `seed`."""
    rng = random.Random(seed)
    fold = [0] * len(labels)
    by_label: dict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        by_label[label].append(index)
    offset = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for position, index in enumerate(members):
            fold[index] = (position + offset) % k
        offset += len(members)
    return fold


def babe_cv(data: Path, k: int, threads: int, log: Path | None,
            seed: int = 13) -> dict[str, float]:
    """Out-of-fold macro-F1 overall and by outlet leaning (trains k models)."""
    from eval.babe import read_babe
    from eval.train_bias import Settings, save, train

    examples = read_babe(data / "babe_train.csv")
    fold = folds([f"{e.label}/{e.outlet_type}" for e in examples], k, seed=5)
    scores = np.zeros(len(examples), dtype=np.float32)
    words: list[list[WordScore]] = [[] for _ in examples]
    settings = Settings(threads=threads, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        for held in range(k):
            started = time.perf_counter()
            model = train([e for e, f in zip(examples, fold, strict=True) if f != held],
                          settings)
            path = Path(tmp) / f"fold{held}.npz"
            save(model, path, settings, 0)
            test = [i for i, f in enumerate(fold) if f == held]
            fold_scores, fold_words = score_texts([examples[i].text for i in test], str(path))
            scores[test] = fold_scores
            for i, pieces in zip(test, fold_words, strict=True):
                words[i] = pieces
            done = macro_f1([examples[i].label for i in test],
                            [int(scores[i] >= 0.5) for i in test])
            print(f"fold {held + 1}/{k}: macro-F1 {done:.3f} "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    if log:
        log.write_text(json.dumps([[e.label, e.outlet_type, float(s), w] for e, s, w
                                   in zip(examples, scores, words, strict=True)]))
    return babe_report([(e.label, e.outlet_type, float(s))
                        for e, s in zip(examples, scores, strict=True)])


def babe_report(rows: Sequence[tuple[int, str, float]]) -> dict[str, float]:
    """Macro-F1 of (label, outlet type, score) rows overall, per type, and left-right gap."""
    def score(selected: list[tuple[int, str, float]]) -> float:
        return macro_f1([r[0] for r in selected], [int(r[2] >= 0.5) for r in selected])

    result = {"macro_f1": score(list(rows)), "sentences": len(rows)}
    for outlet_type in ("left", "right", "center", "unknown"):
        selected = [r for r in rows if r[1] == outlet_type]
        if selected:
            result[f"macro_f1 {outlet_type} ({len(selected)} sentences)"] = score(selected)
            result[outlet_type] = score(selected)
    if "left" in result and "right" in result:
        result["gap left-right"] = abs(result["left"] - result["right"])
    return {key: value for key, value in result.items()
            if key not in ("left", "right", "center", "unknown")}


def sg1_heldout(data: Path) -> dict[str, float]:
    """The shipped model on SG1 expert labels of sentences not in `babe_train.csv`."""
    from eval.babe import read_babe

    seen = {e.text for e in read_babe(data / "babe_train.csv")}
    examples = [e for e in read_babe(data / "final_labels_SG1.csv") if e.text not in seen]
    scores = bias_scores([e.text for e in examples])
    return babe_report([(e.label, e.outlet_type, float(s))
                        for e, s in zip(examples, scores, strict=True)])


def show(title: str, result: dict[str, float]) -> None:
    print(title)
    for key, value in result.items():
        print(f"  {key:<40} {value:.4f}" if isinstance(value, float) else
              f"  {key:<40} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED_EVAL)
    parser.add_argument("--skip", default="", help="comma-separated: ptc, babe-cv, sg1")
    parser.add_argument("--limit", type=int, default=0, help="first N PTC dev articles")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="torch threads for the CV")
    parser.add_argument("--seed", type=int, default=13, help="training seed for the CV")
    parser.add_argument("--cv-scores", type=Path, help="write out-of-fold scores (JSON: "
                        "label, outlet type, bias, word pieces with P(biased word))")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    if "ptc" not in skip:
        articles = read_ptc(args.data / "ptc", "dev", args.limit)
        show(f"PTC dev span identification ({len(articles)} articles)", evaluate_si(articles))
        show("PTC dev technique classification, gold spans", evaluate_tc(articles))
    if "sg1" not in skip:
        show("BABE SG1 sentences not in babe_train.csv, shipped model",
             sg1_heldout(args.data / "babe"))
    if "babe-cv" not in skip:
        show(f"BABE {args.folds}-fold cross-validation on babe_train.csv",
             babe_cv(args.data / "babe", args.folds, args.threads, args.cv_scores,
                     args.seed))


if __name__ == "__main__":
    main()
