"""Scores shared by the evaluations."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from statistics import mean

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of `text` (tokens are runs of word characters), counted."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))
                   if tokens[i:i + size])


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """True positive, false positive and false negative shingles of one page, as shares."""
    gold, guess = shingles(truth), shingles(predicted)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def extraction_scores(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """The article-extraction benchmark's scores: mean precision and recall over pages
    (pages with nothing predicted, or nothing to find, left out of that mean), and their F1."""
    counts = list(counts)
    precision = mean(_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = mean(_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall)}


def _ratio(tp: float, wrong: float, other: float) -> float:
    if wrong == other == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0
