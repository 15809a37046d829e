"""Propaganda techniques: spans of an article and which of the 14 SemEval-2020 Task 11
techniques each one uses.

A MiniLM fine-tuned on the PTC training articles (see `docs/models.md`), run by
onnxruntime (int8 encoder `data/techniques-minilm.onnx`, heads in `techniques-minilm.npz`).
The article is read in overlapping windows of 128 word pieces; each token keeps the outputs
of the window where it sits most centrally.
Two heads: BIO tags find the spans (a token is inside one when P(B) + P(I) reaches the
threshold stored with the weights; runs less than MERGE_GAP tokens apart are joined and runs
shorter than MIN_TOKENS dropped), and a span head scores the techniques from the span's
tokens (mean, first and last token). A window cannot see that a phrase recurs across the
article, so a span whose text occurs at least REPEATS times in it gets REPETITION_BONUS
added to its `Repetition` logit. The decoding constants were chosen on 25 held-out PTC
training articles (`eval/train_techniques.py`), not on dev. `score` is P(propaganda)
averaged over the span's tokens times the probability of its label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsprism.analyze.transformer import (
    Array,
    load_model,
    load_tokenizer,
    softmax,
    token_states,
)
from newsprism.model import Technique

MODEL = "techniques-minilm.npz"
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt",
    "Exaggeration,Minimisation", "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling",
    "Repetition", "Slogans", "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
TRIM = " \n\t.,:;"
MERGE_GAP = 12
_SENTENCE_END = re.compile(r"\n|[.!?][\"'”’)\]]*\s")
MIN_TOKENS = 2
REPEATS = 3
REPETITION_BONUS = 3.0


@dataclass(frozen=True, slots=True)
class TokenOutputs:
    """Per word piece of a text: character offsets, P(O, B, I), technique logits
    `[token, 3, techniques]` (mean part, first-token part, last-token part)."""

    offsets: list[tuple[int, int]]
    tags: Array
    techniques: Array


def find_techniques(text: str, model: str = MODEL,
                    threshold: float | None = None) -> list[Technique]:
    """Technique spans of `text` (character offsets into it), in text order."""
    outputs = token_outputs(text, model)
    if threshold is None:
        threshold = float(load_model(model)[1].get("threshold", 0.5))
    found = []
    for first, last in tagged_runs(text, outputs, threshold):
        start, end = span_chars(text, outputs, first, last)
        if end <= start:
            continue
        probs = softmax(label_logits(text, outputs, first, last + 1, (start, end)))
        label = int(probs.argmax())
        inside = float(outputs.tags[first:last + 1, 1:].sum(axis=1).mean())
        found.append(Technique(start, end, text[start:end], TECHNIQUES[label],
                               round(inside * float(probs[label]), 4)))
    return found


def rank_labels(text: str, spans: Sequence[tuple[int, int]],
                model: str = MODEL) -> list[list[tuple[str, float]]]:
    """For each given character span, every technique with its probability, best first."""
    outputs = token_outputs(text, model)
    starts = np.array([start for start, _ in outputs.offsets] or [0])
    ends = np.array([end for _, end in outputs.offsets] or [0])
    ranked = []
    for start, end in spans:
        inside = np.flatnonzero((starts < end) & (ends > start))
        if not len(outputs.offsets):
            probs = np.full(len(TECHNIQUES), 1 / len(TECHNIQUES), dtype=np.float32)
        else:
            first, last = (int(inside[0]), int(inside[-1])) if len(inside) else \
                (_nearest(starts, start),) * 2
            probs = softmax(label_logits(text, outputs, first, last + 1, (start, end)))
        ranked.append(sorted(((TECHNIQUES[i], float(p)) for i, p in enumerate(probs)),
                             key=lambda pair: -pair[1]))
    return ranked


def token_outputs(text: str, model: str = MODEL) -> TokenOutputs:
    """Tag probabilities and technique logits of every word piece of `text`."""
    encoder, _ = load_model(model)
    encoding = load_tokenizer().encode(text, add_special_tokens=False)
    states = token_states(encoder, encoding.ids)
    weights = encoder.weights
    tags = softmax(states @ weights["tags.weight"].T + weights["tags.bias"])
    techniques = (states @ weights["techniques.weight"].T + weights["techniques.bias"])
    return TokenOutputs([(int(a), int(b)) for a, b in encoding.offsets], tags,
                        techniques.reshape(len(states), 3, len(TECHNIQUES)))


def tagged_runs(text: str, outputs: TokenOutputs, threshold: float, gap: int = MERGE_GAP,
                min_tokens: int = MIN_TOKENS) -> list[tuple[int, int]]:
    """(first, last) token of each run of tokens tagged as propaganda: runs at most `gap`
    tokens apart are joined, a run never crosses a sentence end or a line break, and runs
    shorter than `min_tokens` are left out."""
    runs: list[list[int]] = []
    inside = outputs.tags[:, 1:].sum(axis=1) >= threshold
    offsets = outputs.offsets
    for token in np.flatnonzero(inside):
        if runs and token - runs[-1][1] - 1 <= gap and not _SENTENCE_END.search(
                text, offsets[runs[-1][1]][0], offsets[token][0]):
            runs[-1][1] = int(token)
        else:
            runs.append([int(token), int(token)])
    return [(first, last) for first, last in runs if last - first + 1 >= min_tokens]


def label_logits(text: str, outputs: TokenOutputs, first: int, end: int,
                 span: tuple[int, int]) -> Array:
    """Technique logits of a span: the span head, plus the repetition bonus when the span's
    text occurs at least REPEATS times in `text`."""
    logits = span_logits(outputs, first, end).copy()
    phrase = text[span[0]:span[1]].strip().lower()
    if phrase and text.lower().count(phrase) >= REPEATS:
        logits[TECHNIQUES.index("Repetition")] += REPETITION_BONUS
    return logits


def span_logits(outputs: TokenOutputs, first: int, end: int) -> Array:
    """Technique logits of the tokens [first, end): mean part + first + last token parts."""
    parts = outputs.techniques
    logits: Array = parts[first:end, 0].mean(axis=0) + parts[first, 1] + parts[end - 1, 2]
    return logits


def span_chars(text: str, outputs: TokenOutputs, first: int, last: int) -> tuple[int, int]:
    """Character span of the tokens [first, last]: edge punctuation trimmed, widened to
    whole words, trimmed again (as PTC v2 trims its gold spans)."""
    start, end = _trim(text, outputs.offsets[first][0], outputs.offsets[last][1])
    return _trim(text, *_widen(text, start, end)) if end > start else (start, end)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span to whole whitespace-delimited words (a run of word pieces may start or
    end inside one: `so-called`, `Vane's`)."""
    while start > 0 and not text[start - 1].isspace() and not text[start].isspace():
        start -= 1
    while end < len(text) and not text[end - 1].isspace() and not text[end].isspace():
        end += 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _nearest(starts: npt.NDArray[np.int64], position: int) -> int:
    return int(np.abs(starts - position).argmin())
